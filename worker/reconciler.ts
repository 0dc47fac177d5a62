// Closes the one gap checkout cannot close by itself: a process that crashed after committing the order
// rows but before starting their workflows. Every worker sweeps for such rows; starting is idempotent,
// so several workers sweeping at once is harmless.
import type { Client } from '@temporalio/client';
import type { Db } from '../lib/db';
import { orderFactsFromRow, orderFactsInclude } from '../lib/order-rows';
import { ensureOrderWorkflows } from '../lib/order-workflows';

export interface ReconcilerOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  confirmWithinMs: number;
  /** Rows younger than this are left to the checkout that is still creating them. */
  graceMs?: number;
  batchSize?: number;
}

/** Starts the workflows of orders that have none yet; returns how many it started. */
export async function reconcileOrderWorkflows({
  db,
  temporal,
  taskQueue,
  confirmWithinMs,
  graceMs = 10_000,
  batchSize = 100,
}: ReconcilerOptions): Promise<number> {
  const orders = await db.order.findMany({
    where: { workflowStartedAt: null, placedAt: { lt: new Date(Date.now() - graceMs) } },
    include: orderFactsInclude,
    orderBy: { placedAt: 'asc' },
    take: batchSize,
  });
  const toStart = orders.map((row) => ({ id: row.id, marked: false, input: { ...orderFactsFromRow(row), confirmWithinMs } }));
  if (toStart.length) await ensureOrderWorkflows(db, temporal, taskQueue, toStart);
  return orders.length;
}
