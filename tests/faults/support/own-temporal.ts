// A Temporal dev server of the test's own, persisted to a SQLite file in a temporary folder, so it can
// be stopped and started again on the same ports with its workflows intact.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inject } from 'vitest';
import { type DevServer, startDevServer } from '../../../scripts/lib/dev-server';
import { repoRoot } from '../../../scripts/lib/paths';
import { freePorts } from '../../../scripts/lib/ports';
import { loadTemporalDevConfig } from '../../../scripts/lib/temporal-dev-config';

export interface OwnTemporal {
  address: string;
  namespace: string;
  /** Stops the server: SIGKILL for a crash, SIGTERM for an orderly stop. */
  stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts it again on the same ports and database file. */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  remove(): Promise<void>;
}

export async function startOwnTemporal(): Promise<OwnTemporal> {
  const dir = mkdtempSync(join(tmpdir(), 'orders-fault-temporal-'));
  const base = loadTemporalDevConfig();
  // dev-server.ts resolves dbFile against the repository root, as temporal-dev.yml does.
  const config = { ...base, server: { ...base.server, dbFile: relative(repoRoot, join(dir, 'dev.sqlite')) } };
  const [grpcPort, httpPort, metricsPort] = await freePorts(3);
  const options = {
    cliPath: inject('stack').temporalCliPath,
    config,
    ports: { grpcPort: grpcPort!, httpPort: httpPort!, metricsPort: metricsPort! },
    persistent: true,
    headless: true,
    logFile: join(dir, 'temporal.log'),
  };
  let server: DevServer | undefined = await startDevServer(options);
  const stop = async (signal: 'SIGKILL' | 'SIGTERM') => {
    await server?.child.stop(signal, 5_000);
    server = undefined;
  };
  return {
    address: server.address,
    namespace: server.namespace,
    stop,
    async start() {
      server = await startDevServer(options);
    },
    async remove() {
      await stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
