// Starting order workflows, shared by checkout (API) and the reconciler (worker). Starting is
// idempotent: the workflow ID comes from the order number and an existing run is reused.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { formatPeso } from '../domain/money';
import { orderWorkflowId } from '../workflows/messages';
import type { OrderInput } from '../domain/order-types';
import { buyerIdKey, orderStatusKey, storeIdKey } from '../workflows/search-attributes';
import type { Prisma } from '../prisma/generated/client';
import type { Db } from './db';

export async function startOrderWorkflow(client: Client, taskQueue: string, input: OrderInput): Promise<void> {
  const itemCount = input.items.reduce((sum, item) => sum + item.quantity, 0);
  try {
    await client.workflow.start('orderWorkflow', {
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

/** What an order row must include to rebuild its workflow's input. */
export const orderInputInclude = {
  items: true,
  store: { select: { id: true, name: true } },
  buyer: { select: { name: true } },
} as const;

type OrderRowForInput = Prisma.OrderGetPayload<{ include: typeof orderInputInclude }>;

/** Rebuilds a workflow's input from the order rows written at checkout (items and prices as sold). */
export function orderInputFromRow(order: OrderRowForInput, confirmWithinMs: number): OrderInput {
  return {
    orderNumber: order.orderNumber,
    buyer: { id: order.buyerId, name: order.buyer.name },
    store: { id: order.store.id, name: order.store.name },
    items: order.items.map((item) => ({
      productId: item.productId,
      name: item.productName,
      unitPriceCentavos: item.unitPriceCentavos,
      quantity: item.quantity,
    })),
    subtotalCentavos: order.subtotalCentavos,
    shippingCentavos: order.shippingCentavos,
    totalCentavos: order.totalCentavos,
    shipping: {
      name: order.customerName,
      phone: order.customerPhone,
      addressLine: order.addressLine,
      city: order.city,
      postalCode: order.postalCode,
    },
    placedAt: order.createdAt.toISOString(),
    confirmWithinMs,
  };
}

/**
 * Starts the workflow of every order row (idempotently), then marks the rows as started. Checkout calls
 * it for its own orders; the reconciler calls it for rows whose checkout crashed before this step.
 */
export async function ensureOrderWorkflows(
  db: Db,
  client: Client,
  taskQueue: string,
  orders: OrderRowForInput[],
  confirmWithinMs: number,
): Promise<void> {
  await Promise.all(orders.map((order) => startOrderWorkflow(client, taskQueue, orderInputFromRow(order, confirmWithinMs))));
  const unmarked = orders.filter((order) => !order.workflowStartedAt).map((order) => order.id);
  if (unmarked.length) {
    await db.order.updateMany({ where: { id: { in: unmarked }, workflowStartedAt: null }, data: { workflowStartedAt: new Date() } });
  }
}
