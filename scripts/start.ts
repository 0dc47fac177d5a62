// `npm start`: the whole stack on one machine, for development. Starts the Temporal dev server (unless
// TEMPORAL_ADDRESS points elsewhere) and the embedded database (unless DATABASE_URL is set, inside this
// process), builds the web app and the services, migrates and seeds, then runs the worker and the API
// with plain node. Ctrl-C stops every child it started. Everything heavy runs in short-lived children,
// so that this process holds little more than the database while the stack runs. `npm run cluster`
// (scripts/cluster.ts) is the production-shaped counterpart.
import { join } from 'node:path';
import { type DevServer, startDevServer } from './lib/dev-server';
import { type EmbeddedDb, startEmbeddedDb } from './lib/embedded-db';
import { createLauncher } from './lib/launcher';
import { dataDir } from './lib/paths';
import { assertPortsFree } from './lib/ports';
import { launcherConfigPath, loadTemporalDevConfig } from './lib/temporal-dev-config';
import { ensureTemporalCli } from './temporal-cli';

const config = loadTemporalDevConfig(launcherConfigPath);
const apiPort = Number(process.env.PORT ?? 3000);
const dbPort = Number(process.env.EMBEDDED_DB_PORT ?? 5433);
const workerOpsPort = Number(process.env.WORKER_OPS_PORT ?? 3001);
const useDevServer = !process.env.TEMPORAL_ADDRESS;
const useEmbeddedDb = !process.env.DATABASE_URL;

const launcher = createLauncher();

async function main() {
  const ports: Record<string, number> = { API: apiPort, 'worker health': workerOpsPort };
  if (useEmbeddedDb) ports['embedded database'] = dbPort;
  if (useDevServer) {
    const { grpcPort, uiPort, httpPort, metricsPort } = config.server;
    Object.assign(ports, { 'Temporal gRPC': grpcPort, 'Temporal UI': uiPort, 'Temporal HTTP': httpPort, 'Temporal metrics': metricsPort });
  }
  await assertPortsFree(ports);

  launcher.build();

  let temporal: DevServer | undefined;
  if (useDevServer) {
    const cliPath = await ensureTemporalCli();
    launcher.step(`Starting the Temporal dev server (log: ${join(dataDir, 'temporal', 'server.log')})`);
    temporal = await startDevServer({ cliPath, config, persistent: true, logFile: join(dataDir, 'temporal', 'server.log') });
    launcher.onStop(() => temporal!.stop());
  }

  let embedded: EmbeddedDb | undefined;
  if (useEmbeddedDb) {
    launcher.step(`Starting the embedded database (${join(dataDir, 'pglite')})`);
    embedded = await startEmbeddedDb({ dataDir: join(dataDir, 'pglite'), port: dbPort });
    launcher.onStop(() => embedded!.stop());
  }
  const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;

  await launcher.setUpDatabase(databaseUrl);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? temporal!.address,
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? config.server.namespace,
    TEMPORAL_UI_URL: process.env.TEMPORAL_UI_URL ?? temporal?.uiUrl ?? undefined,
    PORT: String(apiPort),
    WORKER_OPS_PORT: String(workerOpsPort),
  };
  launcher.step('Starting the worker and the API');
  const shopUrl = `http://127.0.0.1:${apiPort}`;
  await Promise.all([
    launcher.startService('worker', 'worker', env, `http://127.0.0.1:${workerOpsPort}/readyz`),
    launcher.startService('api', 'api', env, `${shopUrl}/healthz`),
  ]);

  launcher.announce('Order service is running.', [
    ['Shop and seller dashboard', shopUrl],
    ['Temporal UI', env.TEMPORAL_UI_URL ?? '(set TEMPORAL_UI_URL)'],
    ['API health and metrics', `${shopUrl}/readyz  ${shopUrl}/metrics`],
    ['Worker health and metrics', `http://127.0.0.1:${workerOpsPort}/readyz  http://127.0.0.1:${workerOpsPort}/metrics`],
  ]);
}

launcher.run(main);
