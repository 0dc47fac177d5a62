// Helpers to drive and inspect order workflows directly through the Temporal client.
import { type Client, type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../lib/db';
import { timelineEntryFromEvent } from '../../lib/order-rows';
import { getOrderQuery, orderWorkflowId, setStatusUpdate } from '../../workflows/messages';
import type { Actor, StatusChangeRequest } from '../../workflows/model/order-model';
import type { OrderView, TimelineEntry } from '../../workflows/model/order-types';
import type { orderWorkflow } from '../../workflows/order-workflow';

export const SELLER: Actor = { role: 'seller', id: 'seller-test', name: 'Test Seller' };
export const OPERATOR: Actor = { role: 'operator', name: 'ops@example.com' };

export function orderHandle(temporal: Client, orderNumber: string): WorkflowHandle<typeof orderWorkflow> {
  return temporal.workflow.getHandle<typeof orderWorkflow>(orderWorkflowId(orderNumber));
}

export function setStatus(temporal: Client, orderNumber: string, request: StatusChangeRequest, updateId?: string): Promise<OrderView> {
  return orderHandle(temporal, orderNumber).executeUpdate(setStatusUpdate, { args: [request], ...(updateId ? { updateId } : {}) });
}

export function queryOrder(temporal: Client, orderNumber: string): Promise<OrderView> {
  return orderHandle(temporal, orderNumber).query(getOrderQuery);
}

/** The typed refusal of an update, e.g. 'InvalidTransition'; fails if the update was accepted. */
export async function refusalOf(update: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await update;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return { type: error.cause.type ?? '', message: error.cause.message };
    }
    throw error;
  }
  throw new Error('Expected the update to be refused, but it was accepted');
}

/** The seller requests that move an order from pending to `target` along the happy path. */
export function stepsTo(target: 'confirmed' | 'processing' | 'shipped' | 'delivered'): StatusChangeRequest[] {
  const path: StatusChangeRequest[] = [
    { to: 'confirmed', actor: SELLER },
    { to: 'processing', actor: SELLER },
    { to: 'shipped', actor: SELLER, carrier: 'LBC Express', trackingNumber: 'LBC-123456' },
    { to: 'delivered', actor: SELLER },
  ];
  return path.slice(0, path.findIndex((step) => step.to === target) + 1);
}

export async function driveTo(temporal: Client, orderNumber: string, target: Parameters<typeof stepsTo>[0]): Promise<OrderView> {
  let view: OrderView | undefined;
  for (const step of stepsTo(target)) view = await setStatus(temporal, orderNumber, step);
  return view!;
}

/** The projected timeline of an order, in the workflow's own shape, for equality checks. */
export async function projectedTimeline(db: Db, orderNumber: string): Promise<TimelineEntry[]> {
  const events = await db.orderEvent.findMany({ where: { order: { orderNumber } }, orderBy: { seq: 'asc' } });
  return events.map(timelineEntryFromEvent);
}

/** How many updates a workflow's history holds, to prove what did and did not leave a trace. */
export async function acceptedUpdateCount(temporal: Client, orderNumber: string): Promise<number> {
  const history = await orderHandle(temporal, orderNumber).fetchHistory();
  return (history.events ?? []).filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length;
}
