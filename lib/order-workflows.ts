// Starting order workflows, shared by checkout (API) and the reconciler (worker). Starting is
// idempotent: the workflow ID comes from the order number and an existing run is reused.
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { ORDER_WORKFLOW_TYPE, orderWorkflowId } from '../workflows/messages';
import { countItems, formatPeso } from '../workflows/model/money';
import type { OrderInput } from '../workflows/model/order-types';
import type { orderWorkflow } from '../workflows/order-workflow';
import { buyerIdKey, orderStatusKey, storeIdKey } from '../workflows/search-attributes';
import type { Db } from './db';

async function startOrderWorkflow(temporal: Client, taskQueue: string, input: OrderInput): Promise<void> {
  const itemCount = countItems(input.items);
  try {
    // Typed by the workflow function, so its arguments are checked; the API never loads workflow code.
    await temporal.workflow.start<typeof orderWorkflow>(ORDER_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: orderWorkflowId(input.orderNumber),
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: new TypedSearchAttributes([
        { key: orderStatusKey, value: 'pending' },
        { key: storeIdKey, value: input.store.id },
        { key: buyerIdKey, value: input.buyer.id },
      ]),
      memo: { orderNumber: input.orderNumber, store: input.store.name, buyer: input.buyer.name, totalCentavos: input.totalCentavos },
      staticSummary: `${input.orderNumber} · ${input.store.name} · ${itemCount} item${itemCount === 1 ? '' : 's'} · ${formatPeso(input.totalCentavos)}`,
    });
  } catch (error) {
    // The order already ran to completion: it exists, which is all a start has to ensure.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** An order row whose workflow must exist: its id, whether the row already says so, and the workflow's input. */
export interface OrderToStart {
  id: string;
  marked: boolean;
  input: OrderInput;
}

/**
 * Starts the workflow of every order (idempotently), then marks the rows as started. Checkout calls it
 * for its own orders; the reconciler calls it for rows whose checkout crashed before this step.
 */
export async function ensureOrderWorkflows(db: Db, temporal: Client, taskQueue: string, orders: readonly OrderToStart[]): Promise<void> {
  await Promise.all(orders.map((order) => startOrderWorkflow(temporal, taskQueue, order.input)));
  const unmarked = orders.filter((order) => !order.marked).map((order) => order.id);
  if (unmarked.length) {
    await db.order.updateMany({ where: { id: { in: unmarked }, workflowStartedAt: null }, data: { workflowStartedAt: new Date() } });
  }
}
