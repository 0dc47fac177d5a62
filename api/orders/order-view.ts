// Reads one order's full state: from its workflow (the source of truth), or from the database
// projection when the workflow is no longer retained by Temporal.
import { WorkflowNotFoundError } from '@temporalio/common';
import { TRPCError } from '@trpc/server';
import type { Client } from '@temporalio/client';
import type { Db } from '../../lib/db';
import { getOrderQuery, orderWorkflowId } from '../../workflows/messages';
import type { ActorRole } from '../../workflows/order-model';
import type { OrderView, TimelineEntry } from '../../workflows/order-types';
import type { OrderEvent } from '../../prisma/generated/client';
import { ORDER_NOT_FOUND } from '../errors';

/** Who is asking: a buyer may read their own orders, a seller those of their store. */
export type OrderOwner = { buyerId: string } | { storeId: string };

export interface OrderViewResult {
  order: OrderView;
  source: 'workflow' | 'projection';
}

function isOwnedBy(view: Pick<OrderView, 'buyer' | 'store'>, owner: OrderOwner): boolean {
  return 'buyerId' in owner ? view.buyer.id === owner.buyerId : view.store.id === owner.storeId;
}

export async function queryOrderWorkflow(temporal: Client, orderNumber: string): Promise<OrderView | null> {
  try {
    return await temporal.workflow.getHandle(orderWorkflowId(orderNumber)).query(getOrderQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/** A projected event row in the workflow's timeline shape. */
export function timelineEntryFromEvent(event: OrderEvent): TimelineEntry {
  return {
    seq: event.seq,
    from: event.fromStatus,
    to: event.toStatus,
    at: event.at.toISOString(),
    by: { role: event.actorRole as ActorRole, ...(event.actorId ? { id: event.actorId } : {}), name: event.actorName },
    ...(event.note ? { note: event.note } : {}),
  };
}

export async function projectedOrderView(db: Db, orderNumber: string): Promise<OrderView | null> {
  const order = await db.order.findUnique({
    where: { orderNumber },
    include: { items: true, events: { orderBy: { seq: 'asc' } }, store: { select: { id: true, name: true } }, buyer: { select: { name: true } } },
  });
  if (!order) return null;
  return {
    orderNumber: order.orderNumber,
    status: order.status,
    buyer: { id: order.buyerId, name: order.buyer.name },
    store: order.store,
    items: order.items.map((item) => ({ productId: item.productId, name: item.productName, unitPriceCentavos: item.unitPriceCentavos, quantity: item.quantity })),
    subtotalCentavos: order.subtotalCentavos,
    shippingCentavos: order.shippingCentavos,
    totalCentavos: order.totalCentavos,
    shipping: { name: order.customerName, phone: order.customerPhone, addressLine: order.addressLine, city: order.city, postalCode: order.postalCode },
    placedAt: order.createdAt.toISOString(),
    timeline: order.events.map(timelineEntryFromEvent),
    tracking: order.carrier && order.trackingNumber ? { carrier: order.carrier, trackingNumber: order.trackingNumber } : null,
    deadline: null,
    rejected: [],
  };
}

/**
 * The order if `owner` may see it. Someone else's order and a missing one get the same NOT_FOUND,
 * so the answer does not reveal which order numbers exist.
 */
export async function loadOwnedOrderView(deps: { db: Db; temporal: Client }, orderNumber: string, owner: OrderOwner): Promise<OrderViewResult> {
  const fromWorkflow = await queryOrderWorkflow(deps.temporal, orderNumber);
  const result: OrderViewResult | null = fromWorkflow
    ? { order: fromWorkflow, source: 'workflow' }
    : await projectedOrderView(deps.db, orderNumber).then((order) => (order ? { order, source: 'projection' as const } : null));
  if (!result || !isOwnedBy(result.order, owner)) throw new TRPCError({ code: 'NOT_FOUND', message: ORDER_NOT_FOUND });
  return result;
}

/** Checks ownership in the database before a change is sent to the workflow. */
export async function assertOwnsOrder(db: Db, orderNumber: string, owner: OrderOwner): Promise<void> {
  const order = await db.order.findFirst({ where: { orderNumber, ...owner }, select: { id: true } });
  if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: ORDER_NOT_FOUND });
}
