// The API process: tRPC over HTTP plus the built web app.
import { createDb } from '../lib/db';
import { loadEnv } from '../lib/env';
import { createLogger } from '../lib/logger';
import { connectTemporalClient, temporalConnectConfig } from '../lib/temporal';
import { createApiServer } from './server';

const env = loadEnv();
const logger = createLogger({ service: 'api', level: env.LOG_LEVEL });
const db = createDb(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
const temporal = await connectTemporalClient(temporalConnectConfig(env));
const server = createApiServer({ db, temporal, env, logger });

server.listen(env.PORT, env.HOST, () => logger.info('api ready', { url: `http://${env.HOST}:${env.PORT}` }));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Stop accepting connections, let in-flight requests finish, then close the clients.
    server.close(async () => {
      await Promise.allSettled([temporal.connection.close(), db.$disconnect()]);
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}
