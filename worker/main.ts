// The worker process: runs order workflows and their activities, and the checkout reconciler.
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createDb } from '../lib/db';
import { loadEnv } from '../lib/env';
import { connectTemporalClient, temporalConnectConfig } from '../lib/temporal';
import { freePort } from '../scripts/lib/ports';
import { bundleOrderWorkflows, createOrderWorker } from './create-worker';
import { createWorkerOpsServer } from './ops-server';
import { runReconcilerLoop } from './reconciler';

const env = loadEnv();
// The SDK's metrics exporter listens on a private port; /metrics of the ops server republishes it.
const sdkMetricsAddress = `127.0.0.1:${await freePort()}`;
Runtime.install({
  // The SDK logs every state change at INFO; keep its warnings and errors unless debugging.
  logger: new DefaultLogger(env.LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN'),
  telemetryOptions: { metrics: { prometheus: { bindAddress: sdkMetricsAddress } } },
});

const db = createDb(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
const temporalConfig = temporalConnectConfig(env);
const connection = await NativeConnection.connect(temporalConfig.connectionOptions);
const client = await connectTemporalClient(temporalConfig);
const workflowBundle = await bundleOrderWorkflows();
const worker = await createOrderWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE, db, workflowBundle });

const ops = createWorkerOpsServer({ worker, db, client, sdkMetricsUrl: `http://${sdkMetricsAddress}/metrics` });
if (env.WORKER_OPS_PORT !== undefined) ops.listen(env.WORKER_OPS_PORT, env.HOST);

const stopReconciler = new AbortController();
const reconciler = runReconcilerLoop({
  db,
  client,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  confirmWithinMs: env.ORDER_CONFIRM_WITHIN,
  intervalMs: 15_000,
  signal: stopReconciler.signal,
  onError: (error) => console.error(JSON.stringify({ level: 'error', msg: 'reconciler sweep failed', error: String(error) })),
});

console.log(JSON.stringify({ level: 'info', msg: 'worker ready', taskQueue: env.TEMPORAL_TASK_QUEUE, namespace: env.TEMPORAL_NAMESPACE }));
// Worker.run() resolves after SIGINT/SIGTERM, once in-flight tasks have drained.
await worker.run();
stopReconciler.abort();
await reconciler;
ops.close();
await Promise.all([client.connection.close(), connection.close(), db.$disconnect()]);
