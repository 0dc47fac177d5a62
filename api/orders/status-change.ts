// Sends a status change to an order's workflow as an update. The request ID is the update ID, so a
// retried or double-clicked request is applied once and returns the first result.
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { TRPCError } from '@trpc/server';
import { reconcileClosedOrder } from '../../lib/closed-orders';
import type { Db } from '../../lib/db';
import { orderWorkflowId, setStatusUpdate } from '../../workflows/messages';
import { checkTransition, type StatusChangeRequest } from '../../workflows/model/order-model';
import type { OrderView } from '../../workflows/model/order-types';
import { ORDER_NOT_FOUND, transitionRefusalError } from '../errors';
import type { OrderOwner, ToldOrderView } from './order-view';
import { readStatusMessages, tellStatusMessages } from './status-messages';

/**
 * Sends the change if `owner` owns the order; someone else's order answers like a missing one. The
 * ownership check also reads the status messages of the answer, so a change costs one database query
 * besides the session's and the projection's.
 */
export async function sendStatusChange(
  deps: { temporal: Client; db: Db },
  owner: OrderOwner,
  orderNumber: string,
  requestId: string,
  request: StatusChangeRequest,
): Promise<ToldOrderView> {
  const messages = await readStatusMessages(deps.db, orderNumber, owner);
  if (!messages) throw new TRPCError({ code: 'NOT_FOUND', message: ORDER_NOT_FOUND });
  let view: OrderView;
  try {
    view = await deps.temporal.workflow
      .getHandle(orderWorkflowId(orderNumber))
      .executeUpdate(setStatusUpdate, { args: [request], updateId: requestId });
  } catch (error) {
    // A finished order's workflow has completed, and an order an operator terminated has stopped, so
    // Temporal refuses the update before the model can. Answer from the projection instead.
    if (error instanceof WorkflowNotFoundError || isClosedWorkflowError(error)) await refuseForClosedOrder(deps, orderNumber, request);
    throw error;
  }
  // Entries projected before the update keep their messages; the new one gets the store's message read
  // just before, which is the one its projection records.
  return tellStatusMessages(view, messages);
}

/** Temporal's answer to an update of a workflow that has already closed. */
function isClosedWorkflowError(error: unknown): boolean {
  return error instanceof Error && /workflow execution already completed/i.test(error.message);
}

async function refuseForClosedOrder(deps: { temporal: Client; db: Db }, orderNumber: string, request: StatusChangeRequest): Promise<void> {
  await reconcileClosedOrder(deps.db, deps.temporal, orderNumber);
  const order = await deps.db.order.findUnique({ where: { orderNumber }, select: { status: true, closedNote: true } });
  if (order?.closedNote) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `This order was closed and can no longer change. ${order.closedNote.replace(/[^.]$/, '$&.')}`,
    });
  }
  const refusal = order && checkTransition(order.status, request);
  if (refusal) throw transitionRefusalError(refusal);
}
