// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) served over the wire protocol, so Prisma
// and `pg` connect to it exactly as they would to a real PostgreSQL server.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { repoRoot } from './paths';
import { BatchAwareQueryQueue } from './pglite-query-queue';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL's default of 128 MB of shared buffers costs PGlite about 150 MiB of resident memory once
 * touched, and WASM memory is never given back. The demo and test databases are a few dozen MiB, so
 * 16 MB holds their working set (reopening the demo database: 311 → 163 MiB).
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Creates the data directory (initdb) in a short-lived process. Inside WASM, initdb grows the memory of
 * the process that runs it to about 800 MiB, and WASM memory never shrinks; the long-lived server then
 * only reopens the directory. initdb writes PG_VERSION first and the rest over seconds, so it works in
 * a sibling folder that is renamed into place once complete: an interrupted first start leaves no
 * half-made directory that a later start would take for a database.
 */
async function initDataDir(dataDir: string): Promise<void> {
  const building = `${dataDir}.initdb`;
  rmSync(building, { recursive: true, force: true });
  const script = `import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create(process.argv[1]); await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, building], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve));
  if (code !== 0) throw new Error(`Creating the embedded database in ${dataDir} failed (exit code ${code}):\n${stderr}`);
  renameSync(building, dataDir);
}

/** Starts PGlite on 127.0.0.1:`port`. With no `dataDir`, the database lives in memory. */
export async function startEmbeddedDb({ dataDir, port }: { dataDir?: string; port: number }): Promise<EmbeddedDb> {
  if (dataDir) {
    mkdirSync(dirname(dataDir), { recursive: true });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await initDataDir(dataDir);
  }
  const db = await PGlite.create(dataDir, { startParams: START_PARAMS });
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
