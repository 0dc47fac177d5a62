// One test file's slice of the real stack: a Temporal worker on its own task queue and an API server
// on a free port, both in this process, against the shared dev server and database.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createApiServer } from '../../api/server';
import { createDb, type Db } from '../../lib/db';
import { type Env, loadEnv } from '../../lib/env';
import { createLogger } from '../../lib/logger';
import { createOrderWorker } from '../../worker/create-worker';

let runtimeInstalled = false;

export interface TestStack {
  db: Db;
  temporal: Client;
  env: Env;
  taskQueue: string;
  apiUrl: string;
  logs: LogRecord[];
  /** The in-process worker, unless the stack was started without one. */
  worker: Worker | undefined;
  /** Starts another worker on the same task queue (e.g. after killing one). */
  startWorker(options?: { maxCachedWorkflows?: number }): Promise<Worker>;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** false leaves the worker to the test, e.g. as a child process it can kill. */
  inProcessWorker?: boolean;
  /** A folder with a web app build for the API to serve instead of web/dist. */
  webRoot?: string;
}

/** Every structured log line of the stack's API, parsed, for tests that check what is logged. */
export type LogRecord = Record<string, unknown> & { level: string; msg: string };

export async function startTestStack(
  overrides: Partial<Record<keyof Env, string>> = {},
  { inProcessWorker = true, webRoot }: TestStackOptions = {},
): Promise<TestStack> {
  const shared = inject('stack');
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const taskQueue = `test-${randomUUID()}`;
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: shared.databaseUrl,
    TEMPORAL_ADDRESS: shared.temporalAddress,
    TEMPORAL_NAMESPACE: shared.namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  });
  const db = createDb(env.DATABASE_URL, 5);
  const nativeConnection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const temporal = new Client({
    connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }),
    namespace: env.TEMPORAL_NAMESPACE,
  });
  const workers: { worker: Worker; running: Promise<void> }[] = [];

  async function startWorker(options: { maxCachedWorkflows?: number } = {}): Promise<Worker> {
    const worker = await createOrderWorker({
      ...options,
      connection: nativeConnection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue,
      db,
      workflowBundle: { codePath: shared.workflowBundlePath },
    });
    workers.push({ worker, running: worker.run() });
    return worker;
  }

  const worker = inProcessWorker ? await startWorker() : undefined;
  const logs: LogRecord[] = [];
  const logger = createLogger({
    service: 'api',
    level: 'debug',
    write: (line) => {
      logs.push(JSON.parse(line) as LogRecord);
      if (env.LOG_LEVEL !== 'silent') process.stdout.write(line);
    },
  });
  const server = createApiServer({ db, temporal, env, logger }, { webRoot });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    db,
    temporal,
    env,
    taskQueue,
    apiUrl,
    logs,
    worker,
    startWorker,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      for (const { worker: w } of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await Promise.allSettled(workers.map(({ running }) => running));
      await Promise.allSettled([temporal.connection.close(), nativeConnection.close(), db.$disconnect()]);
    },
  };
}
