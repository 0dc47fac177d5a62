// `npm run cluster`: the production shape on one machine. PostgreSQL (Debian's `main` cluster, or the
// server of DATABASE_URL) holds Temporal's persistence and visibility and the order database; Temporal
// Server runs as four processes (frontend, history, matching, worker) with its standalone Web UI; the
// order service runs as two workers and two APIs from the compiled build, behind a round-robin front
// that gives the browser one origin, each started again if it dies. Ports and versions come from
// temporal-cluster.yml. Ctrl-C stops everything it started; the databases stay.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureDebianCluster, ensureLoginRole } from './lib/debian-postgres';
import { createLauncher } from './lib/launcher';
import { dataDir } from './lib/paths';
import { assertPortsFree } from './lib/ports';
import { createMissingDatabases, databaseUrl, endpointFromUrl, type PostgresEndpoint } from './lib/postgres-databases';
import { startRoundRobinFront } from './lib/round-robin-front';
import { startTemporalCluster } from './lib/temporal-cluster';
import { clusterPorts, loadTemporalClusterConfig, TEMPORAL_SERVICES } from './lib/temporal-cluster-config';
import { ensureTemporalCli } from './temporal-cli';
import { ensureClusterBinaries } from './temporal-cluster-binaries';

const config = loadTemporalClusterConfig(process.env.TEMPORAL_CLUSTER_CONFIG);
const launcher = createLauncher();

/**
 * Passwords of the two roles the launcher creates on Debian's cluster, generated once and kept readable
 * by the owner only, beside the cluster's other files.
 */
function rolePasswords(): { temporal: string; app: string } {
  const file = join(dataDir, 'cluster', 'postgres-roles.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const passwords = { temporal: randomBytes(18).toString('base64url'), app: randomBytes(18).toString('base64url') };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(passwords), { mode: 0o600 });
  return passwords;
}

/**
 * Where Temporal and the order service keep their data. With DATABASE_URL, its role serves both and
 * must be allowed to create Temporal's databases. Otherwise Debian's cluster gets a role for each, named
 * for this service so that no other role on the machine is touched.
 */
async function preparePostgres(): Promise<{ temporal: PostgresEndpoint; appUrl: string }> {
  if (process.env.DATABASE_URL) {
    const { database: _, ...endpoint } = endpointFromUrl(process.env.DATABASE_URL);
    return { temporal: endpoint, appUrl: process.env.DATABASE_URL };
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      "npm run cluster drives Debian's PostgreSQL as root. Run it as root, or set DATABASE_URL to a PostgreSQL database whose role may create databases.",
    );
  }
  launcher.step("Starting Debian's PostgreSQL cluster `main`");
  const postgres = await ensureDebianCluster('main');
  const passwords = rolePasswords();
  ensureLoginRole(postgres, 'order_service_temporal', passwords.temporal);
  ensureLoginRole(postgres, 'order_service', passwords.app);
  const app = { host: '127.0.0.1', port: postgres.port, user: 'order_service', password: passwords.app };
  await createMissingDatabases(app, [config.postgres.appDatabase]);
  return {
    temporal: { ...app, user: 'order_service_temporal', password: passwords.temporal },
    appUrl: databaseUrl(app, config.postgres.appDatabase),
  };
}

async function main() {
  await assertPortsFree(clusterPorts(config), config.temporal.ip, 'temporal-cluster.yml');
  // PostgreSQL first: without it (or root) nothing else is worth the minutes of building.
  const postgres = await preparePostgres();
  const [binaries, cliPath] = await Promise.all([ensureClusterBinaries(config), ensureTemporalCli()]);
  launcher.build();

  const workDir = join(dataDir, 'cluster');
  launcher.step(`Starting Temporal Server: ${TEMPORAL_SERVICES.join(', ')} and the Web UI (logs: ${join(workDir, 'logs')})`);
  const temporal = await startTemporalCluster({
    config,
    binaries,
    cliPath,
    postgres: postgres.temporal,
    databases: { temporal: config.postgres.temporalDatabase, visibility: config.postgres.visibilityDatabase },
    workDir,
    ui: true,
  });
  launcher.onStop(() => temporal.stop());

  await launcher.setUpDatabase(postgres.appUrl);

  const host = config.temporal.ip;
  const { frontPort, apiPorts, workerOpsPorts } = config.service;
  const frontUrl = `http://${host}:${frontPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    // The front and the services talk over loopback HTTP, so the session cookie cannot be Secure here.
    COOKIE_SECURE: process.env.COOKIE_SECURE ?? 'false',
    DATABASE_URL: postgres.appUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
    TEMPORAL_UI_URL: process.env.TEMPORAL_UI_URL ?? temporal.uiUrl ?? undefined,
    HOST: host,
    // The APIs see every browser through the front; they take the client's address from it. The front
    // keeps the client's Host, so each API's own origin is the one the browser used (127.0.0.1 or localhost).
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? host,
  };
  launcher.step(`Starting ${workerOpsPorts.length} workers and ${apiPorts.length} APIs`);
  await Promise.all([
    ...workerOpsPorts.map((port, i) =>
      launcher.startService('worker', `worker ${i + 1}`, { ...env, WORKER_OPS_PORT: String(port) }, `http://${host}:${port}/readyz`, {
        restart: true,
      }),
    ),
    ...apiPorts.map((port, i) =>
      launcher.startService('api', `api ${i + 1}`, { ...env, PORT: String(port) }, `http://${host}:${port}/healthz`, { restart: true }),
    ),
  ]);
  const front = await startRoundRobinFront({ host, port: frontPort, backends: apiPorts.map((port) => `http://${host}:${port}`) });
  launcher.onStop(() => front.close());

  const list = (urls: string[]) => urls.join('  ');
  launcher.announce('Order service is running on a Temporal cluster.', [
    ['Shop and seller dashboard', `${frontUrl}   (round robin over ${list(apiPorts.map((port) => `:${port}`))})`],
    ['Temporal Web UI', temporal.uiUrl ?? ''],
    ['Temporal frontend (gRPC)', `${temporal.address}   namespace ${temporal.namespace}`],
    ['Temporal metrics', list(TEMPORAL_SERVICES.map((service) => temporal.metricsUrls[service]))],
    ['API health and metrics', `${list(apiPorts.map((port) => `http://${host}:${port}/readyz`))}   (and /metrics)`],
    ['Worker health and metrics', `${list(workerOpsPorts.map((port) => `http://${host}:${port}/readyz`))}   (and /metrics)`],
    ['Temporal logs', temporal.logDir],
  ]);
}

launcher.run(main);
