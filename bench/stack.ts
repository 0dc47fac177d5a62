// The benchmark's own stack on free ports: an in-memory Temporal dev server, the embedded database,
// the order worker and the API, each a separate process as under `npm start`, plus the bare worker.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUpDatabase } from '../scripts/db-setup';
import { spawnManaged, waitFor, type ManagedChild } from '../scripts/lib/child-process';
import { startEphemeralDevServer, type DevServer } from '../scripts/lib/dev-server';
import { repoRoot } from '../scripts/lib/paths';
import { freePorts } from '../scripts/lib/ports';

export const BARE_TASK_QUEUE = 'bench-bare';

export interface BenchStack {
  apiUrl: string;
  temporalAddress: string;
  namespace: string;
  /** The long-running processes whose memory the benchmark samples. */
  processes: Record<'temporal' | 'worker' | 'api' | 'database' | 'bareWorker', ManagedChild | undefined>;
  stop(): Promise<void>;
}

/**
 * Runs `node --import tsx <script>` with its output in `logFile` and resolves once the log holds
 * `readyText`. Fails at once if the process exits first.
 */
async function startNodeService(name: string, script: string, env: NodeJS.ProcessEnv, logFile: string, readyText: string): Promise<ManagedChild> {
  const fd = openSync(logFile, 'a');
  const child = spawnManaged(name, process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  try {
    await waitFor(
      name,
      async () => (readFileSync(logFile, 'utf8').includes(readyText) ? true : undefined),
      120_000,
      100,
      () => (exitCode === undefined ? undefined : new Error(`it exited with code ${exitCode}; see ${logFile}`)),
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return child;
}

/** Waits for every start, so that a failure never leaves a sibling starting unseen; then throws the first error. */
async function allStarted<T extends unknown[]>(starts: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as T;
}

export async function startBenchStack({ logDir, withBare }: { logDir: string; withBare: boolean }): Promise<BenchStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    // Reverse start order: API and workers first, then the servers they use.
    for (const stopOne of stops.splice(0).reverse()) await stopOne().catch((error) => console.error(String(error)));
  };
  try {
    const [dbPort, apiPort] = await freePorts(2);

    const startDatabase = startNodeService('database', 'bench/embedded-db-server.ts', { ...process.env, EMBEDDED_DB_PORT: String(dbPort) }, join(logDir, 'database.log'), 'embedded database ready');
    const [temporal, database] = await allStarted<[DevServer, ManagedChild]>([
      startEphemeralDevServer(join(logDir, 'temporal.log')).then((server: DevServer) => (stops.push(() => server.stop()), server)),
      startDatabase.then((child) => (stops.push(() => child.stop()), child)),
    ]);
    const databaseUrl = /embedded database ready at (\S+)/.exec(readFileSync(join(logDir, 'database.log'), 'utf8'))![1]!;
    await setUpDatabase(databaseUrl);

    // The worker's ops port is left unset, so it cannot collide with a running `npm start`.
    const { WORKER_OPS_PORT: _opsPort, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      PORT: String(apiPort),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    };
    const started = (child: ManagedChild) => (stops.push(() => child.stop()), child);
    const [worker, api, bareWorker] = await allStarted<[ManagedChild, ManagedChild, ManagedChild | undefined]>([
      startNodeService('worker', 'worker/main.ts', env, join(logDir, 'worker.log'), 'worker ready').then(started),
      startNodeService('api', 'api/main.ts', env, join(logDir, 'api.log'), 'api ready').then(started),
      withBare
        ? startNodeService('bare worker', 'bench/bare-worker.ts', { ...env, TEMPORAL_TASK_QUEUE: BARE_TASK_QUEUE }, join(logDir, 'bare-worker.log'), 'bare worker ready').then(started)
        : Promise.resolve(undefined),
    ]);
    return {
      apiUrl: `http://127.0.0.1:${apiPort}`,
      temporalAddress: temporal.address,
      namespace: temporal.namespace,
      processes: { temporal: temporal.child, worker, api, database, bareWorker },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
