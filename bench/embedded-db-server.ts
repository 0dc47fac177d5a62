// Child process of the benchmark: the embedded database on EMBEDDED_DB_PORT, with its data in
// EMBEDDED_DB_DATA_DIR as under `npm start` (in memory when unset). PGlite runs on the event loop of its
// host process; hosting it here keeps it off the load generator's.
import { startEmbeddedDb } from '../scripts/lib/embedded-db';

const port = Number(process.env.EMBEDDED_DB_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('Set EMBEDDED_DB_PORT to a free port.');
const db = await startEmbeddedDb({ port, ...(process.env.EMBEDDED_DB_DATA_DIR ? { dataDir: process.env.EMBEDDED_DB_DATA_DIR } : {}) });
console.log(`embedded database ready at ${db.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void db.stop().finally(() => process.exit(0)));
}
