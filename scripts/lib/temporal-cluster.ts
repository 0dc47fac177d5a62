// Temporal Server as a production-shaped cluster on one machine: frontend, history, matching and worker
// as four processes on PostgreSQL (persistence and SQL advanced visibility), with the namespace and the
// order search attributes registered, and optionally the standalone Web UI. `npm run cluster`, the
// cluster test target and the benchmark start it from here; the fault tests kill and restart single
// services through the handle it returns.
import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { ORDER_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { ensureTemporalCli } from '../temporal-cli';
import { type ClusterBinaries, ensureClusterBinaries } from '../temporal-cluster-binaries';
import { answersOk, type ManagedChild, spawnManaged, waitFor } from './child-process';
import { freePortsInRange } from './ports';
import { createMissingDatabases, endpointFromUrl, hasSchemaVersion, type PostgresEndpoint } from './postgres-databases';
import { loadTemporalClusterConfig, TEMPORAL_SERVICES, type TemporalClusterConfig, type TemporalService } from './temporal-cluster-config';

const run = promisify(execFile);

/** The SDK's search attribute types as the CLI spells them. */
const CLI_TYPE_NAMES: Record<string, string> = {
  KEYWORD: 'Keyword',
  TEXT: 'Text',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

export interface TemporalClusterOptions {
  config: TemporalClusterConfig;
  binaries: ClusterBinaries;
  postgres: PostgresEndpoint;
  /** The persistence and visibility databases; created and migrated when missing. */
  databases: { temporal: string; visibility: string };
  /** Where the generated configuration and the logs go. */
  workDir: string;
  /** The Temporal CLI, for the namespace and the search attributes, as an operator registers them. */
  cliPath: string;
  ui?: boolean;
}

export interface TemporalCluster {
  address: string;
  namespace: string;
  uiUrl: string | null;
  /** Each service's Prometheus endpoint. */
  metricsUrls: Record<TemporalService, string>;
  logDir: string;
  /** Stops one service: SIGKILL for a crash, SIGTERM for an orderly stop. */
  stopService(service: TemporalService, signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts a stopped service again with the same command, and waits until its metrics endpoint answers. */
  startService(service: TemporalService): Promise<void>;
  /** The process id of each service while it runs, for readers of /proc such as the benchmark. */
  pids(): Record<TemporalService, number | undefined>;
  stop(): Promise<void>;
}

/** Applies the server's schema to a database, as temporal-sql-tool does in a Temporal deployment. */
async function migrateSchema(options: TemporalClusterOptions, database: string, schema: 'temporal' | 'visibility') {
  const { postgres, binaries } = options;
  const connection = ['--plugin', 'postgres12', '--ep', postgres.host, '-p', String(postgres.port), '-u', postgres.user];
  const env = { ...process.env, SQL_PASSWORD: postgres.password };
  const tool = (args: string[]) => run(binaries.sqlTool, [...connection, '--db', database, ...args], { env });
  // setup-schema creates the version table; on a database that has it, only the newer versions are applied.
  if (!(await hasSchemaVersion(postgres, database))) await tool(['setup-schema', '-v', '0.0']);
  await tool(['update-schema', '-d', join(binaries.schemaDir, schema, 'versioned')]);
}

function serverConfig(options: TemporalClusterOptions, service: TemporalService, dynamicConfigPath: string) {
  const { config, postgres, databases } = options;
  const { temporal } = config;
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${postgres.host}:${postgres.port}`,
      connectProtocol: 'tcp',
      user: postgres.user,
      password: postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (name: TemporalService) => {
    const { metricsPort: _, ...ports } = temporal.services[name];
    return { rpc: { ...ports, bindOnIP: temporal.ip } };
  };
  return {
    log: { stdout: true, level: temporal.logLevel },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: temporal.historyShards,
      datastores: {
        default: store(databases.temporal, temporal.maxConnections.persistence),
        visibility: store(databases.visibility, temporal.maxConnections.visibility),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: temporal.ip },
      // Every process reads this file, and each needs a metrics port of its own.
      metrics: {
        prometheus: {
          framework: 'tally',
          timerType: 'histogram',
          listenAddress: `${temporal.ip}:${temporal.services[service].metricsPort}`,
        },
      },
    },
    services: Object.fromEntries(TEMPORAL_SERVICES.map((name) => [name, rpc(name)])),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `${temporal.ip}:${temporal.services.frontend.grpcPort}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    // The server opens this path as given, relative to its working directory, so it is absolute here.
    dynamicConfigClient: { filepath: dynamicConfigPath, pollInterval: '10s' },
  };
}

function uiConfig(config: TemporalClusterConfig) {
  const { ip, uiPort, namespace, services } = config.temporal;
  return {
    temporalGrpcAddress: `${ip}:${services.frontend.grpcPort}`,
    host: ip,
    port: uiPort,
    enableUi: true,
    defaultNamespace: namespace,
    cors: { cookieInsecure: true, allowOrigins: [`http://${ip}:${uiPort}`] },
  };
}

/** Registers the namespace and the search attributes that are missing, with the CLI. */
async function registerNamespace(options: TemporalClusterOptions, address: string): Promise<void> {
  const { namespace, retention } = options.config.temporal;
  const cli = (args: string[]) => run(options.cliPath, [...args, '--address', address], { timeout: 10_000 });
  const exists = await cli(['operator', 'namespace', 'describe', '--namespace', namespace]).then(
    () => true,
    () => false,
  );
  if (!exists) await cli(['operator', 'namespace', 'create', '--namespace', namespace, '--retention', retention]);
  // A namespace just created reaches the frontend's cache within seconds; until then it is "not found".
  const { stdout } = await waitFor(
    `the namespace ${namespace}`,
    () => cli(['operator', 'search-attribute', 'list', '--namespace', namespace, '--output', 'json']),
    60_000,
    250,
  );
  const known = JSON.stringify(JSON.parse(stdout));
  const missing = ORDER_SEARCH_ATTRIBUTES.filter(({ name }) => !known.includes(`"${name}"`));
  if (missing.length) {
    const args = missing.flatMap(({ name, type }) => ['--name', name, '--type', CLI_TYPE_NAMES[type] ?? type]);
    await cli(['operator', 'search-attribute', 'create', '--namespace', namespace, ...args]);
  }
  // A new namespace and new search attributes reach every frontend's cache within seconds. Until a
  // workflow start that uses all of them succeeds, the cluster is not ready for the order service.
  await waitFor(
    'the namespace and search attributes to be usable',
    async () => {
      const workflowId = `cluster-readiness-${Date.now()}`;
      const attributes = ORDER_SEARCH_ATTRIBUTES.flatMap(({ name }) => ['--search-attribute', `${name}="readiness-probe"`]);
      await cli(
        [
          'workflow',
          'start',
          '--namespace',
          namespace,
          '--type',
          'ClusterReadinessProbe',
          '--task-queue',
          'cluster-readiness-probe',
        ].concat(['--workflow-id', workflowId, ...attributes]),
      );
      // The probe has answered; it is removed (delete terminates it first), and a failure to remove it
      // must not start another.
      await cli(['workflow', 'delete', '--namespace', namespace, '--workflow-id', workflowId]).catch(() => {});
      return true;
    },
    60_000,
    500,
  );
}

export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const { config, binaries, workDir } = options;
  const { temporal } = config;
  const address = `${temporal.ip}:${temporal.services.frontend.grpcPort}`;
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir, { recursive: true });

  await createMissingDatabases(options.postgres, [options.databases.temporal, options.databases.visibility]);
  await migrateSchema(options, options.databases.temporal, 'temporal');
  await migrateSchema(options, options.databases.visibility, 'visibility');

  const dynamicConfigPath = join(workDir, 'dynamicconfig.yaml');
  const dynamic = Object.fromEntries(Object.entries(temporal.dynamicConfig).map(([key, value]) => [key, [{ value, constraints: {} }]]));
  writeFileSync(dynamicConfigPath, stringify(dynamic));

  const children = new Map<string, ManagedChild>();
  const spawnLogged = (name: string, command: string, args: string[], cwd: string) => {
    const log = openSync(join(logDir, `${name}.log`), 'a');
    const child = spawnManaged(name, command, args, { cwd, stdio: ['ignore', log, log] });
    closeSync(log);
    children.set(name, child);
    return child;
  };
  const metricsUrls = Object.fromEntries(
    TEMPORAL_SERVICES.map((service) => [service, `http://${temporal.ip}:${temporal.services[service].metricsPort}/metrics`]),
  ) as Record<TemporalService, string>;

  const startService = async (service: TemporalService) => {
    const dir = join(workDir, service);
    // It holds the database password: readable by its owner only.
    mkdirSync(join(dir, 'config'), { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'config', 'cluster.yaml'), stringify(serverConfig(options, service, dynamicConfigPath)), { mode: 0o600 });
    const args = ['--root', dir, '--config', 'config', '--env', 'cluster', '--allow-no-auth', 'start', '--service', service];
    spawnLogged(service, binaries.server, args, dir);
    await waitFor(`the Temporal ${service} service`, answersOk(metricsUrls[service], 1000), 60_000, 100, exitedService);
  };
  /** Ends a wait at once when a service has died (a fatal configuration or database error, say). */
  const exitedService = () => {
    for (const [name, child] of children) {
      const code = child.process.exitCode ?? child.process.signalCode;
      if (code !== null) return new Error(`the ${name} service exited (${code}); see ${join(logDir, `${name}.log`)}`);
    }
    return undefined;
  };

  const stop = async () => {
    // The UI and the frontend first, so that nothing new arrives while history and matching stop.
    for (const name of ['ui', 'frontend', 'worker', 'matching', 'history']) await children.get(name)?.stop('SIGTERM', 10_000);
  };

  try {
    // History owns the shards; the others find it through membership.
    await startService('history');
    await Promise.all((['matching', 'frontend', 'worker'] as const).map(startService));
    await waitFor(
      'the Temporal frontend',
      answersOk(`http://${temporal.ip}:${temporal.services.frontend.httpPort}/api/v1/cluster-info`),
      60_000,
      200,
      exitedService,
    );
    await registerNamespace(options, address);
    if (options.ui) {
      const dir = join(workDir, 'ui');
      mkdirSync(join(dir, 'config'), { recursive: true });
      writeFileSync(join(dir, 'config', 'development.yaml'), stringify(uiConfig(config)));
      spawnLogged('ui', binaries.ui, ['--root', dir, '--config', 'config', '--env', 'development', 'start'], dir);
      await waitFor('the Temporal Web UI', answersOk(`http://${temporal.ip}:${temporal.uiPort}/`), 30_000);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    address,
    namespace: temporal.namespace,
    uiUrl: options.ui ? `http://${temporal.ip}:${temporal.uiPort}` : null,
    metricsUrls,
    logDir,
    async stopService(service, signal) {
      await children.get(service)?.stop(signal, 10_000);
    },
    startService,
    pids() {
      const running = (child: ManagedChild | undefined) =>
        child && child.process.exitCode === null && child.process.signalCode === null ? child.process.pid : undefined;
      return Object.fromEntries(TEMPORAL_SERVICES.map((service) => [service, running(children.get(service))])) as Record<
        TemporalService,
        number | undefined
      >;
    },
    stop,
  };
}

/**
 * temporal-cluster.yml with every port replaced by a free one, for tests and benchmarks that run beside
 * `npm run cluster` or each other. Membership ports must be below 32768 anyway (a smallint in Temporal).
 */
export async function clusterConfigOnFreePorts(base = loadTemporalClusterConfig()): Promise<TemporalClusterConfig> {
  const { apiPorts, workerOpsPorts } = base.service;
  // All of them from below Linux's ephemeral range (32768 and up), where the outgoing connections of
  // the services starting meanwhile could take one first.
  const ports = await freePortsInRange(TEMPORAL_SERVICES.length * 3 + 3 + apiPorts.length + workerOpsPorts.length, 20_000, 32_767);
  const next = () => ports.pop()!;
  const services = Object.fromEntries(
    TEMPORAL_SERVICES.map((service) => [service, { grpcPort: next(), membershipPort: next(), metricsPort: next() }]),
  ) as Record<TemporalService, { grpcPort: number; membershipPort: number; metricsPort: number }>;
  return {
    ...base,
    temporal: { ...base.temporal, services: { ...services, frontend: { ...services.frontend, httpPort: next() } }, uiPort: next() },
    service: { frontPort: next(), apiPorts: apiPorts.map(next), workerOpsPorts: workerOpsPorts.map(next) },
  };
}

/**
 * The names of Temporal's databases kept beside `database` on its server. They start with its name, so
 * that whoever drops databases by that prefix (scripts/ci-postgres.sh) drops them too.
 */
export function temporalDatabasesBeside(database: string): TemporalClusterOptions['databases'] {
  return { temporal: `${database}_temporal`, visibility: `${database}_visibility` };
}

/**
 * A throwaway cluster for tests and benchmarks: the settings of temporal-cluster.yml on free ports,
 * without the UI, with its databases beside the database of `postgresUrl` (temporalDatabasesBeside).
 */
export async function startEphemeralTemporalCluster(postgresUrl: string, workDir: string): Promise<TemporalCluster & { cliPath: string }> {
  const config = await clusterConfigOnFreePorts();
  const { database, ...postgres } = endpointFromUrl(postgresUrl);
  const [binaries, cliPath] = await Promise.all([ensureClusterBinaries(config), ensureTemporalCli()]);
  const cluster = await startTemporalCluster({
    config,
    binaries,
    cliPath,
    postgres,
    databases: temporalDatabasesBeside(database),
    workDir,
  });
  return { ...cluster, cliPath };
}
