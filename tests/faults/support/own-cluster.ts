// A Temporal cluster of the test's own, with a PostgreSQL of its own: a Debian cluster created for the
// test file on a free port, holding Temporal's two databases and the order database. The test can kill
// and restart single Temporal services and restart PostgreSQL under both, without disturbing any other
// test; everything is dropped at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../lib/free-port';
import { setUpDatabase } from '../../../scripts/db-setup';
import {
  controlDebianCluster,
  dropDebianCluster,
  ensureDebianCluster,
  ensureLoginRole,
  listDebianClusters,
} from '../../../scripts/lib/debian-postgres';
import { createMissingDatabases, databaseUrl } from '../../../scripts/lib/postgres-databases';
import { startEphemeralTemporalCluster, type TemporalCluster } from '../../../scripts/lib/temporal-cluster';

const CLUSTER_PREFIX = 'orders_faults_';

export interface OwnCluster {
  temporal: TemporalCluster;
  /** The order database, on the same PostgreSQL as Temporal. */
  databaseUrl: string;
  /** Stops PostgreSQL the way a crash does (no checkpoint); every client loses its connections. */
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  remove(): Promise<void>;
}

/** Drops the PostgreSQL clusters of earlier test runs that died before they could drop their own. */
function dropAbandonedClusters(): void {
  for (const cluster of listDebianClusters()) {
    if (cluster.name.startsWith(CLUSTER_PREFIX) && !isAlive(Number(cluster.name.slice(CLUSTER_PREFIX.length)))) dropDebianCluster(cluster);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startOwnCluster(): Promise<OwnCluster> {
  dropAbandonedClusters();
  const postgres = await ensureDebianCluster(`${CLUSTER_PREFIX}${process.pid}`, await freePort());
  ensureLoginRole(postgres, 'orders_faults', 'orders_faults');
  const endpoint = { host: '127.0.0.1', port: postgres.port, user: 'orders_faults', password: 'orders_faults' };
  await createMissingDatabases(endpoint, ['orders']);
  const url = databaseUrl(endpoint, 'orders');
  await setUpDatabase(url);
  const workDir = mkdtempSync(join(tmpdir(), 'orders-fault-cluster-'));
  const temporal = await startEphemeralTemporalCluster(url, workDir);
  return {
    temporal,
    databaseUrl: url,
    stopPostgres: () => controlDebianCluster(postgres, 'stop', 'immediate'),
    startPostgres: () => controlDebianCluster(postgres, 'start'),
    async remove() {
      await temporal.stop();
      dropDebianCluster(postgres);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
