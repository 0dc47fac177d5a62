// An embedded PostgreSQL of the test's own, on disk in a temporary folder, migrated and seeded, so it
// can be stopped (an outage) and started again on the same port with its data intact.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../lib/free-port';
import { setUpDatabase } from '../../../scripts/db-setup';
import { type EmbeddedDb, startEmbeddedDb } from '../../../scripts/lib/embedded-db';

export interface OwnDatabase {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  remove(): Promise<void>;
}

export async function startOwnDatabase(): Promise<OwnDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'orders-fault-db-'));
  const options = { dataDir: join(dir, 'pgdata'), port: await freePort() };
  let db: EmbeddedDb | undefined = await startEmbeddedDb(options);
  await setUpDatabase(db.url);
  const stop = async () => {
    await db?.stop();
    db = undefined;
  };
  return {
    url: db.url,
    stop,
    async start() {
      db = await startEmbeddedDb(options);
    },
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
