// Termination (and any other close that runs no workflow code) leaves an order's projection saying it
// is still open. This module notices such workflows and closes their orders in the projection, so the
// lists, tracking and the workflow agree. The worker sweeps for them; the API reconciles one order at
// once when a seller or buyer meets it first.
import type { Client, WorkflowExecutionStatusName } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import proto from '@temporalio/proto';
import { getOrderQuery, ORDER_WORKFLOW_TYPE, orderNumberFromWorkflowId, orderWorkflowId } from '../workflows/messages';
import type { Db } from './db';
import { closeOrder, replaceProjection } from './order-projection';

/** Close statuses that mean the workflow stopped before the order reached delivered or cancelled. */
const CLOSED_EARLY: Partial<Record<WorkflowExecutionStatusName, string>> = {
  TERMINATED: 'Closed by an operator',
  CANCELLED: 'Cancelled by an operator',
  FAILED: 'Closed because the order could not be processed',
  TIMED_OUT: 'Closed because the order timed out',
};

/**
 * Closes the order of `orderNumber` if its workflow's latest run ended early. A run replaced by a
 * reset is not an end: the new run rewrites the projection itself. Returns true when it closed the order.
 */
export async function reconcileClosedOrder(db: Db, temporal: Client, orderNumber: string): Promise<boolean> {
  const handle = temporal.workflow.getHandle(orderWorkflowId(orderNumber));
  // No workflow at all: not started yet (the reconciler will start it), or no longer retained.
  const description = await handle.describe().catch((error: unknown) => {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  });
  if (!description) return false;
  const { runId, status } = description;
  const reason = CLOSED_EARLY[status.name];
  if (!reason) return false;
  // Closed already: the projection holds the closing entry, which the run's own timeline lacks.
  const row = await db.order.findUnique({ where: { orderNumber }, select: { closedNote: true } });
  if (!row || row.closedNote !== null) return false;
  const run = temporal.workflow.getHandle(orderWorkflowId(orderNumber), runId);
  // A transition the run made but had not projected when it was stopped is still part of its state.
  const view = await run.query(getOrderQuery).catch(() => null);
  if (view) await replaceProjection(db, { orderNumber, timeline: view.timeline, tracking: view.tracking });
  const detail = await closeReason(temporal, orderNumber, runId);
  return closeOrder(db, orderNumber, detail ? `${reason}: ${detail}` : `${reason}.`);
}

const SERVER_DEFAULT_TERMINATE_REASON = 'terminated by user via frontend';

/** The reason an operator typed when terminating the run, if any. */
async function closeReason(temporal: Client, orderNumber: string, runId: string): Promise<string | undefined> {
  const { history } = await temporal.workflowService.getWorkflowExecutionHistory({
    namespace: temporal.options.namespace,
    execution: { workflowId: orderWorkflowId(orderNumber), runId },
    historyEventFilterType: proto.temporal.api.enums.v1.HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT,
  });
  const reason = history?.events?.[0]?.workflowExecutionTerminatedEventAttributes?.reason?.trim();
  // The server's own words when the operator gave no reason say nothing to a buyer or seller.
  return reason && reason !== SERVER_DEFAULT_TERMINATE_REASON ? reason.slice(0, 300) : undefined;
}

export interface ClosedOrderSweepOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Only workflows closed at or after this time are looked at. */
  closedSince: Date;
}

/** Closes the orders of workflows on `taskQueue` that ended early since `closedSince`; returns how many. */
export async function sweepClosedOrders({ db, temporal, taskQueue, closedSince }: ClosedOrderSweepOptions): Promise<number> {
  const query = [
    `WorkflowType = '${ORDER_WORKFLOW_TYPE}'`,
    `TaskQueue = '${taskQueue.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
    `ExecutionStatus IN ('Terminated', 'Canceled', 'Failed', 'TimedOut')`,
    `CloseTime >= '${closedSince.toISOString()}'`,
  ].join(' AND ');
  const orderNumbers = new Set<string>();
  for await (const execution of temporal.workflow.list({ query })) {
    const orderNumber = orderNumberFromWorkflowId(execution.workflowId);
    if (orderNumber) orderNumbers.add(orderNumber);
  }
  let closed = 0;
  for (const orderNumber of orderNumbers) if (await reconcileClosedOrder(db, temporal, orderNumber)) closed++;
  return closed;
}
