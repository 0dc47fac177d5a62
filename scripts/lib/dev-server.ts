// Starts `temporal server start-dev` from temporal-dev.yml and waits until its namespace answers.
import { mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureTemporalCli } from '../temporal-cli';
import { answersOk, type ManagedChild, spawnManaged, waitFor } from './child-process';
import { dataDir, repoRoot } from './paths';
import { freePorts } from './ports';
import { loadTemporalDevConfig, type TemporalDevConfig } from './temporal-dev-config';

export interface DevServerOptions {
  cliPath: string;
  config: TemporalDevConfig;
  /** Override the ports of temporal-dev.yml (tests and benchmarks use free ones). */
  ports?: Partial<Pick<TemporalDevConfig['server'], 'grpcPort' | 'uiPort' | 'httpPort' | 'metricsPort'>>;
  /** false keeps everything in memory; otherwise the dbFile of temporal-dev.yml is used. */
  persistent?: boolean;
  headless?: boolean;
  /** Where the server's output goes; inherited when unset. */
  logFile?: string;
}

export interface DevServer {
  address: string;
  namespace: string;
  uiUrl: string | null;
  child: ManagedChild;
  stop(): Promise<void>;
}

/** The dev server's SQLite file. One under .data/ moves with DATA_DIR, so a fresh data folder gets a fresh Temporal database too. */
function devServerDbFile(configured: string): string {
  return configured.startsWith('.data/') ? join(dataDir, configured.slice('.data/'.length)) : join(repoRoot, configured);
}

export function devServerArgs(options: DevServerOptions): string[] {
  const { config, persistent = true, headless = false } = options;
  const server = { ...config.server, ...options.ports };
  const args = ['server', 'start-dev', '--ip', server.ip, '--port', String(server.grpcPort), '--http-port', String(server.httpPort)];
  args.push('--metrics-port', String(server.metricsPort), '--namespace', server.namespace, '--log-level', server.logLevel);
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(server.uiPort));
  if (persistent) {
    args.push('--db-filename', devServerDbFile(server.dbFile));
    for (const [key, value] of Object.entries(server.sqlitePragmas)) args.push('--sqlite-pragma', `${key}=${value}`);
  }
  for (const [name, type] of Object.entries(config.searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(config.dynamicConfig)) args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  return args;
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { config, persistent = true, headless = false } = options;
  const server = { ...config.server, ...options.ports };
  if (persistent) mkdirSync(dirname(devServerDbFile(config.server.dbFile)), { recursive: true });
  let stdio: 'inherit' | ['ignore', number, number] = 'inherit';
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const fd = openSync(options.logFile, 'a');
    stdio = ['ignore', fd, fd];
  }
  const child = spawnManaged('temporal', options.cliPath, devServerArgs(options), { stdio });
  const address = `${server.ip}:${server.grpcPort}`;
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  try {
    await waitFor(
      `the Temporal dev server at ${address}`,
      // The server's HTTP API answers for the namespace once the frontend serves it. Probing over HTTP
      // rather than gRPC keeps the Temporal client library out of the launcher's memory.
      answersOk(`http://${server.ip}:${server.httpPort}/api/v1/namespaces/${server.namespace}`, 1000),
      60_000,
      250,
      () =>
        exitCode === undefined
          ? undefined
          : new Error(`it exited with code ${exitCode}${options.logFile ? `; see ${options.logFile}` : ''}`),
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return {
    address,
    namespace: server.namespace,
    uiUrl: headless ? null : `http://${server.ip}:${server.uiPort}`,
    child,
    stop: () => child.stop('SIGTERM', 5_000),
  };
}

/**
 * A throwaway dev server for tests and benchmarks: the settings of temporal-dev.yml, but headless, in
 * memory and on free ports.
 */
export async function startEphemeralDevServer(logFile: string): Promise<DevServer & { cliPath: string }> {
  const [grpcPort, httpPort, metricsPort] = await freePorts(3);
  const cliPath = await ensureTemporalCli();
  const server = await startDevServer({
    cliPath,
    config: loadTemporalDevConfig(),
    ports: { grpcPort: grpcPort!, httpPort: httpPort!, metricsPort: metricsPort! },
    persistent: false,
    headless: true,
    logFile,
  });
  return { ...server, cliPath };
}
