// Sends a status change to an order's workflow as an update. The request ID is the update ID, so a
// retried or double-clicked request is applied once and returns the first result.
import type { Client } from '@temporalio/client';
import { orderWorkflowId, setStatusUpdate } from '../../workflows/messages';
import type { StatusChangeRequest } from '../../workflows/order-model';
import type { OrderView } from '../../workflows/order-types';

export function sendStatusChange(temporal: Client, orderNumber: string, requestId: string, request: StatusChangeRequest): Promise<OrderView> {
  return temporal.workflow.getHandle(orderWorkflowId(orderNumber)).executeUpdate(setStatusUpdate, { args: [request], updateId: requestId });
}
