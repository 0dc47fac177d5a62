// The worker process: runs order workflows and their activities, two sweeps that keep the database and
// Temporal in step (the checkout reconciler and the closed-order sweep), and the purge of expired
// sessions and old login attempts.
import { NativeConnection, Runtime } from '@temporalio/worker';
import { sweepClosedOrders } from '../lib/closed-orders';
import { createDb } from '../lib/db';
import { loadEnv } from '../lib/env';
import { freePort } from '../lib/free-port';
import { createLogger } from '../lib/logger';
import { connectTemporalClient, temporalConnectConfig } from '../lib/temporal';
import { AUTH_PURGE_INTERVAL_MS, purgeAuthRows } from './auth-purge';
import { bundleOrderWorkflows, createOrderWorker } from './create-worker';
import { createWorkerOpsServer } from './ops-server';
import { runPeriodically } from './periodic';
import { reconcileOrderWorkflows } from './reconciler';
import { createSdkLogger, sdkLogLevel } from './sdk-logger';

const env = loadEnv();
const logger = createLogger({ service: 'worker', level: env.LOG_LEVEL });
const CLOSED_SWEEP_MS = 20_000;
// The SDK's metrics exporter listens on a private port; /metrics of the ops server republishes it. The
// SDK cannot be handed port 0 and asked which port it got, so a port free a moment before is used.
const sdkMetricsAddress = `127.0.0.1:${await freePort()}`;
Runtime.install({
  logger: createSdkLogger(logger.child({}, sdkLogLevel(env.LOG_LEVEL))),
  telemetryOptions: {
    // The Core SDK's own warnings go to the same logger instead of straight to the console.
    logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
    metrics: { prometheus: { bindAddress: sdkMetricsAddress } },
  },
});

const db = createDb(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
const temporalConfig = temporalConnectConfig(env);
const connection = await NativeConnection.connect(temporalConfig.connectionOptions);
const temporal = await connectTemporalClient(temporalConfig);
const workflowBundle = env.WORKFLOW_BUNDLE_PATH ? { codePath: env.WORKFLOW_BUNDLE_PATH } : await bundleOrderWorkflows();
const worker = await createOrderWorker({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  db,
  workflowBundle,
  maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
});

const ops = createWorkerOpsServer({ worker, db, temporal, sdkMetricsUrl: `http://${sdkMetricsAddress}/metrics` });
if (env.WORKER_OPS_PORT !== undefined) ops.listen(env.WORKER_OPS_PORT, env.HOST);

const stopSweeps = new AbortController();
const logSweepError = (sweep: string) => (error: unknown) => logger.error(`${sweep} failed`, { error: String(error) });
const reconciler = runPeriodically(
  () => reconcileOrderWorkflows({ db, temporal, taskQueue: env.TEMPORAL_TASK_QUEUE, confirmWithinMs: env.ORDER_CONFIRM_WITHIN }),
  { intervalMs: 15_000, signal: stopSweeps.signal, onError: logSweepError('reconciler sweep') },
);
// Orders whose workflow an operator terminated are closed in the projection within CLOSED_SWEEP_MS.
// Each sweep looks back a minute past the previous one, since visibility records land a little late.
let closedSince = new Date(Date.now() - 7 * 24 * 3_600_000);
const closedOrderSweep = runPeriodically(
  async () => {
    const startedAt = Date.now();
    await sweepClosedOrders({ db, temporal, taskQueue: env.TEMPORAL_TASK_QUEUE, closedSince });
    closedSince = new Date(startedAt - 60_000);
  },
  { intervalMs: CLOSED_SWEEP_MS, signal: stopSweeps.signal, onError: logSweepError('closed-order sweep') },
);
const authPurge = runPeriodically(
  async () => {
    const { sessions, loginAttempts } = await purgeAuthRows({ db, loginWindowMs: env.LOGIN_WINDOW });
    if (sessions || loginAttempts) logger.info('auth rows purged', { sessions, loginAttempts });
  },
  { intervalMs: AUTH_PURGE_INTERVAL_MS, signal: stopSweeps.signal, onError: logSweepError('auth purge') },
);

logger.info('worker ready', { taskQueue: env.TEMPORAL_TASK_QUEUE, namespace: env.TEMPORAL_NAMESPACE });
// Worker.run() resolves after SIGINT/SIGTERM, once in-flight tasks have drained.
await worker.run();
stopSweeps.abort();
await Promise.all([reconciler, closedOrderSweep, authPurge]);
ops.close();
await Promise.all([temporal.connection.close(), connection.close(), db.$disconnect()]);
