// Child process of the benchmark: the embedded database on EMBEDDED_DB_PORT, in memory. PGlite runs on
// the event loop of its host process; hosting it here keeps it off the load generator's, just as
// `npm start` hosts it in the otherwise idle launcher.
import { startEmbeddedDb } from '../scripts/lib/embedded-db';

const port = Number(process.env.EMBEDDED_DB_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('Set EMBEDDED_DB_PORT to a free port.');
const db = await startEmbeddedDb({ port });
console.log(`embedded database ready at ${db.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void db.stop().finally(() => process.exit(0)));
}
