// Builds the order worker. Shared by worker/main.ts, the tests and the benchmark, so they all run the
// same workflows and activities.
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Db } from '../lib/db';
import { createActivities } from './activities';
import { ORDER_WORKER_TUNING } from './worker-tuning';

const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export function bundleOrderWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
}

export interface OrderWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  /** The workflows, bundled once by bundleOrderWorkflows (the tests bundle once for every worker). */
  workflowBundle: WorkflowBundleWithSourceMap | { codePath: string };
  /** How many workflows stay in the worker's cache; 0 replays every workflow task from its history. */
  maxCachedWorkflows?: number;
}

export function createOrderWorker({
  connection,
  namespace,
  taskQueue,
  db,
  workflowBundle,
  maxCachedWorkflows,
}: OrderWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle,
    activities: createActivities(db),
    ...ORDER_WORKER_TUNING,
    ...(maxCachedWorkflows !== undefined ? { maxCachedWorkflows } : {}),
  });
}

// The bundler logs every module at info level; keep only what matters.
const quietBundlerLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string, meta?: Record<string, unknown>) => console.warn(message, meta ?? ''),
  error: (message: string, meta?: Record<string, unknown>) => console.error(message, meta ?? ''),
};
