// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) served over the wire protocol, so Prisma
// and `pg` connect to it exactly as they would to a real PostgreSQL server.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { BatchAwareQueryQueue } from './pglite-query-queue';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/** Starts PGlite on 127.0.0.1:`port`. With no `dataDir`, the database lives in memory. */
export async function startEmbeddedDb({ dataDir, port }: { dataDir?: string; port: number }): Promise<EmbeddedDb> {
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir);
  // PGlite is single-connection; the socket server multiplexes many client connections onto it.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 200 });
  // Connections take their queue from the server when they attach, so swapping it before start() is enough.
  (server as unknown as { queryQueue: BatchAwareQueryQueue }).queryQueue = new BatchAwareQueryQueue(db);
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
