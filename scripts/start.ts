// `npm start`: the whole stack on one machine. Starts the Temporal dev server (unless TEMPORAL_ADDRESS
// points elsewhere) and the embedded database (unless DATABASE_URL is set, inside this process), migrates
// and seeds, builds the web app and the services, then runs the worker and the API with plain node.
// Ctrl-C stops every child it started. Everything heavy runs in short-lived children, so that this
// process holds little more than the database while the stack runs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STORES } from '../prisma/seed';
import { type ManagedChild, spawnManaged, waitFor } from './lib/child-process';
import { type DevServer, startDevServer } from './lib/dev-server';
import { type EmbeddedDb, startEmbeddedDb } from './lib/embedded-db';
import { dataDir, repoRoot } from './lib/paths';
import { assertPortsFree } from './lib/ports';
import { type Service, serviceCommand } from './lib/service-runtime';
import { launcherConfigPath, loadTemporalDevConfig } from './lib/temporal-dev-config';
import { ensureTemporalCli } from './temporal-cli';

const config = loadTemporalDevConfig(launcherConfigPath);
const apiPort = Number(process.env.PORT ?? 3000);
const dbPort = Number(process.env.EMBEDDED_DB_PORT ?? 5433);
const workerOpsPort = Number(process.env.WORKER_OPS_PORT ?? 3001);
const useDevServer = !process.env.TEMPORAL_ADDRESS;
const useEmbeddedDb = !process.env.DATABASE_URL;

const stops: (() => Promise<void>)[] = [];
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    console.log('\nStopping...');
    // Children stop in reverse start order: API and worker first, then the servers they use.
    for (const stop of stops.reverse()) await stop().catch((error) => console.error(String(error)));
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function step(message: string) {
  console.log(`▸ ${message}`);
}

/**
 * Runs a built service with plain node and prefixed output; resolves once its readiness endpoint answers
 * (not on a log line, which LOG_LEVEL may hide). Any later exit stops the stack.
 */
async function startService(name: Service, baseEnv: NodeJS.ProcessEnv, readyUrl: string): Promise<ManagedChild> {
  const { args, env } = serviceCommand(name, baseEnv);
  const child = spawnManaged(name, process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  stops.push(() => child.stop());
  for (const stream of [child.process.stdout!, child.process.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (process.env.LOG_LEVEL === 'debug' || !/"level":"(info|debug)"/.test(line)) console.log(`[${name}] ${line}`);
    });
  }
  let ready = false;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => {
    exitCode = code;
    if (shuttingDown || !ready) return;
    console.error(`${name} exited with code ${code}`);
    void shutdown(1);
  });
  // The worker loads its workflow bundle and connects before it polls; on a busy machine that takes a while.
  await waitFor(
    `the ${name}`,
    async () => ((await fetch(readyUrl)).ok ? true : undefined),
    180_000,
    250,
    () => (exitCode === undefined ? undefined : new Error(`${name} exited with code ${exitCode}`)),
  );
  ready = true;
  return child;
}

async function main() {
  const ports: Record<string, number> = { API: apiPort, 'worker health': workerOpsPort };
  if (useEmbeddedDb) ports['embedded database'] = dbPort;
  if (useDevServer) {
    const { grpcPort, uiPort, httpPort, metricsPort } = config.server;
    Object.assign(ports, { 'Temporal gRPC': grpcPort, 'Temporal UI': uiPort, 'Temporal HTTP': httpPort, 'Temporal metrics': metricsPort });
  }
  await assertPortsFree(ports);

  step('Building the web app');
  const build = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('Building the web app failed.');
  step('Building the API, the worker and the workflow bundle');
  // In a child process, so that webpack's and esbuild's memory leaves with it.
  const services = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-services.ts'], { cwd: repoRoot, stdio: 'inherit' });
  if (services.status !== 0) throw new Error('Building the services failed.');

  let temporal: DevServer | undefined;
  if (useDevServer) {
    const cliPath = await ensureTemporalCli();
    step(`Starting the Temporal dev server (log: ${join(dataDir, 'temporal', 'server.log')})`);
    temporal = await startDevServer({ cliPath, config, persistent: true, logFile: join(dataDir, 'temporal', 'server.log') });
    stops.push(() => temporal!.stop());
  }

  let embedded: EmbeddedDb | undefined;
  if (useEmbeddedDb) {
    step(`Starting the embedded database (${join(dataDir, 'pglite')})`);
    embedded = await startEmbeddedDb({ dataDir: join(dataDir, 'pglite'), port: dbPort });
    stops.push(() => embedded!.stop());
  }
  const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;

  step('Applying migrations and demo data');
  // In a child process, so that Prisma's memory leaves with it; asynchronously, since the embedded
  // database it talks to runs on this process's event loop.
  const setUp = spawnManaged('database setup', process.execPath, ['--import', 'tsx', 'scripts/db-setup.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
  stops.push(() => setUp.stop());
  const setUpCode = await setUp.exited;
  if (setUpCode !== 0) throw new Error(`Applying migrations and demo data failed (exit code ${setUpCode}).`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? temporal!.address,
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? config.server.namespace,
    TEMPORAL_UI_URL: process.env.TEMPORAL_UI_URL ?? temporal?.uiUrl ?? undefined,
    PORT: String(apiPort),
    WORKER_OPS_PORT: String(workerOpsPort),
  };
  step('Starting the worker and the API');
  const shopUrl = `http://127.0.0.1:${apiPort}`;
  await Promise.all([
    startService('worker', env, `http://127.0.0.1:${workerOpsPort}/readyz`),
    startService('api', env, `${shopUrl}/healthz`),
  ]);

  const logins = DEMO_ACCOUNTS.map(
    (account) =>
      `    ${account.role.padEnd(6)}  ${account.email.padEnd(22)} ${'store' in account ? `(${DEMO_STORES.find((store) => store.slug === account.store)?.name})` : ''}`,
  );
  console.log(`
  Order service is running.

    Shop and seller dashboard:  ${shopUrl}
    Temporal UI:                ${env.TEMPORAL_UI_URL ?? '(set TEMPORAL_UI_URL)'}
    API health and metrics:     ${shopUrl}/readyz  ${shopUrl}/metrics
    Worker health and metrics:  http://127.0.0.1:${workerOpsPort}/readyz  http://127.0.0.1:${workerOpsPort}/metrics

  Demo logins (password: ${DEMO_PASSWORD}):
${logins.join('\n')}

  Press Ctrl-C to stop.
`);
}

main().catch(async (error: Error) => {
  console.error(`\n${error.message}`);
  await shutdown(1);
});
