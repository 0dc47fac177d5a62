// Child process of the benchmark: a Worker that bundles and runs only bare-workflow.ts, on its own
// task queue of the same dev server. It runs apart from the load generator, as the order worker does.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { temporalConnectConfig } from '../lib/temporal';
import { ORDER_WORKER_TUNING } from '../worker/worker-tuning';

const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE } = process.env;
if (!TEMPORAL_ADDRESS || !TEMPORAL_NAMESPACE || !TEMPORAL_TASK_QUEUE) {
  throw new Error('Set TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and TEMPORAL_TASK_QUEUE.');
}
Runtime.install({ logger: new DefaultLogger('WARN') });
// The same connection settings as the order worker (lib/temporal.ts), gRPC compression included.
const connection = await NativeConnection.connect(temporalConnectConfig({ TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE }).connectionOptions);
const worker = await Worker.create({
  connection,
  namespace: TEMPORAL_NAMESPACE,
  taskQueue: TEMPORAL_TASK_QUEUE,
  workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)),
  // The order worker's settings, and its cache size when the benchmark sets one.
  ...ORDER_WORKER_TUNING,
  ...(process.env.WORKER_MAX_CACHED_WORKFLOWS ? { maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS) } : {}),
});
console.log('bare worker ready');
// run() resolves after SIGTERM, once in-flight tasks have drained.
await worker.run();
await connection.close();
