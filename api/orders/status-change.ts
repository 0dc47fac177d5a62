// Sends a status change to an order's workflow as an update. The request ID is the update ID, so a
// retried or double-clicked request is applied once and returns the first result.
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { Db } from '../../lib/db';
import { orderWorkflowId, setStatusUpdate } from '../../workflows/messages';
import { checkTransition, type StatusChangeRequest } from '../../workflows/order-model';
import type { OrderView } from '../../workflows/order-types';
import { transitionRefusalError } from '../errors';

export async function sendStatusChange(
  deps: { temporal: Client; db: Db },
  orderNumber: string,
  requestId: string,
  request: StatusChangeRequest,
): Promise<OrderView> {
  try {
    return await deps.temporal.workflow
      .getHandle(orderWorkflowId(orderNumber))
      .executeUpdate(setStatusUpdate, { args: [request], updateId: requestId });
  } catch (error) {
    // A delivered or cancelled order's workflow has completed, so Temporal refuses the update before the
    // model can. Answer with the model's own refusal, judged on the projected final status.
    if (error instanceof WorkflowNotFoundError) {
      const order = await deps.db.order.findUnique({ where: { orderNumber }, select: { status: true } });
      const refusal = order && checkTransition(order.status, request);
      if (refusal) throw transitionRefusalError(refusal);
    }
    throw error;
  }
}
