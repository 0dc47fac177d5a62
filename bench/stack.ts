// The benchmark's own stack on free ports: an in-memory Temporal dev server (or a Temporal cluster of
// four processes on PostgreSQL), the embedded database, the order worker and the API, each a separate
// process as under `npm start`, plus the bare worker.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpDatabase } from '../scripts/db-setup';
import { type ManagedChild, spawnManaged, waitFor } from '../scripts/lib/child-process';
import { type DevServer, startEphemeralDevServer } from '../scripts/lib/dev-server';
import { repoRoot } from '../scripts/lib/paths';
import { freePorts } from '../scripts/lib/ports';
import { type Service, serviceCommand } from '../scripts/lib/service-runtime';
import { startEphemeralTemporalCluster, type TemporalCluster } from '../scripts/lib/temporal-cluster';
import type { TemporalTarget } from './options';

export const BARE_TASK_QUEUE = 'bench-bare';

export interface BenchStack {
  apiUrl: string;
  temporalAddress: string;
  namespace: string;
  /** The long-running processes whose memory the benchmark samples. */
  processes: Record<'worker' | 'api' | 'database' | 'bareWorker', ManagedChild | undefined>;
  /** Temporal's processes: the dev server as `temporal`, or the cluster's services as `temporal:frontend` and so on. */
  temporalPids(): Record<string, number | undefined>;
  stop(): Promise<void>;
}

/**
 * Runs `node <args>` with its output in `logFile` and resolves once the log holds `readyText`. Fails at
 * once if the process exits first.
 */
async function startNodeService(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  readyText: string,
): Promise<ManagedChild> {
  const fd = openSync(logFile, 'a');
  const child = spawnManaged(name, process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', fd, fd] });
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

export interface BenchStackOptions {
  logDir: string;
  withBare: boolean;
  /** A real PostgreSQL database to use instead of starting the embedded one. */
  databaseUrl?: string;
  /** The order worker's workflow cache; the SDK sizes it from the heap limit when unset. */
  workerCache?: number;
  /** The dev server, or the cluster on the PostgreSQL server of `databaseUrl`. */
  temporal: TemporalTarget;
}

interface StartedTemporal {
  address: string;
  namespace: string;
  pids(): Record<string, number | undefined>;
}

/** The in-memory dev server, as the tests and the launcher start it. */
async function startDevServer(logDir: string, stops: (() => Promise<void>)[]): Promise<StartedTemporal> {
  const server: DevServer = await startEphemeralDevServer(join(logDir, 'temporal.log'));
  stops.push(() => server.stop());
  return { address: server.address, namespace: server.namespace, pids: () => ({ temporal: server.child.process.pid }) };
}

/**
 * The cluster of temporal-cluster.yml on free ports, with its databases beside `databaseUrl`'s. Its
 * generated configuration (which holds the database password) stays in a temporary folder; its logs
 * are copied to the run's log folder when it stops.
 */
async function startCluster(databaseUrl: string, logDir: string, stops: (() => Promise<void>)[]): Promise<StartedTemporal> {
  const workDir = mkdtempSync(join(tmpdir(), 'bench-temporal-cluster-'));
  stops.push(async () => {
    if (existsSync(join(workDir, 'logs'))) cpSync(join(workDir, 'logs'), join(logDir, 'temporal-cluster'), { recursive: true });
    rmSync(workDir, { recursive: true, force: true });
  });
  const cluster: TemporalCluster = await startEphemeralTemporalCluster(databaseUrl, workDir);
  stops.push(() => cluster.stop());
  return {
    address: cluster.address,
    namespace: cluster.namespace,
    pids: () => Object.fromEntries(Object.entries(cluster.pids()).map(([service, pid]) => [`temporal:${service}`, pid])),
  };
}

/** Starts the embedded database in its own process, on disk in a temporary folder as under `npm start`. */
async function startEmbeddedDatabase(logDir: string, stops: (() => Promise<void>)[]): Promise<{ child: ManagedChild; url: string }> {
  const [dbPort] = await freePorts(1);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
  stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const env = { ...process.env, EMBEDDED_DB_PORT: String(dbPort), EMBEDDED_DB_DATA_DIR: join(dataDir, 'pgdata') };
  const child = await startNodeService(
    'database',
    ['--import', 'tsx', 'bench/embedded-db-server.ts'],
    env,
    join(logDir, 'database.log'),
    'embedded database ready',
  );
  stops.push(() => child.stop());
  return { child, url: /embedded database ready at (\S+)/.exec(readFileSync(join(logDir, 'database.log'), 'utf8'))![1]! };
}

export async function startBenchStack({
  logDir,
  withBare,
  databaseUrl,
  workerCache,
  temporal: target,
}: BenchStackOptions): Promise<BenchStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    // Reverse start order: API and workers first, then the servers they use.
    for (const stopOne of stops.splice(0).reverse()) await stopOne().catch((error) => console.error(String(error)));
  };
  try {
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-services.ts'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('Building the services failed.');
    const [apiPort] = await freePorts(1);
    if (target === 'cluster' && !databaseUrl) throw new Error('The Temporal cluster needs a PostgreSQL server: set DATABASE_URL.');
    const [temporal, database] = await allStarted<[StartedTemporal, { child: ManagedChild; url: string } | undefined]>([
      target === 'cluster' ? startCluster(databaseUrl!, logDir, stops) : startDevServer(logDir, stops),
      databaseUrl ? Promise.resolve(undefined) : startEmbeddedDatabase(logDir, stops),
    ]);
    databaseUrl ??= database!.url;
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
      ...(workerCache !== undefined ? { WORKER_MAX_CACHED_WORKFLOWS: String(workerCache) } : {}),
    };
    const started = (child: ManagedChild) => {
      stops.push(() => child.stop());
      return child;
    };
    // The API and the worker run as `npm start` runs them: built, under plain node, same settings.
    const service = (name: Service) => {
      const command = serviceCommand(name, env);
      return startNodeService(name, command.args, command.env, join(logDir, `${name}.log`), `${name} ready`).then(started);
    };
    // The bare worker gets the order worker's node settings and cache size too.
    const bare = serviceCommand('worker', { ...env, TEMPORAL_TASK_QUEUE: BARE_TASK_QUEUE }, ['--import', 'tsx', 'bench/bare-worker.ts']);
    const [worker, api, bareWorker] = await allStarted<[ManagedChild, ManagedChild, ManagedChild | undefined]>([
      service('worker'),
      service('api'),
      withBare
        ? startNodeService('bare worker', bare.args, bare.env, join(logDir, 'bare-worker.log'), 'bare worker ready').then(started)
        : Promise.resolve(undefined),
    ]);
    return {
      apiUrl: `http://127.0.0.1:${apiPort}`,
      temporalAddress: temporal.address,
      namespace: temporal.namespace,
      processes: { worker, api, database: database?.child, bareWorker },
      temporalPids: temporal.pids,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
