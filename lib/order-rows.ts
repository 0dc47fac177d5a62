// The one mapping between an order's database rows and the domain: an Order row with its items, store and
// buyer is an order's facts (what the workflow is started with), and an OrderEvent row is a timeline
// entry. Checkout writes rows with it, the reconciler rebuilds workflow inputs with it, and the API reads
// projected orders with it, so a column and its domain field are paired here and nowhere else.

import type { OrderEvent, Prisma } from '../prisma/generated/client';
import { countItems, lineTotal } from '../workflows/model/money';
import type { ActorRole } from '../workflows/model/order-model';
import type { OrderFacts, TimelineEntry } from '../workflows/model/order-types';

/** What an Order row must include to give the order's facts. */
export const orderFactsInclude = {
  items: true,
  store: { select: { id: true, name: true } },
  buyer: { select: { name: true } },
} as const;

type OrderRowWithFacts = Prisma.OrderGetPayload<{ include: typeof orderFactsInclude }>;

type ShippingColumns = Pick<OrderRowWithFacts, 'shippingName' | 'shippingPhone' | 'addressLine' | 'city' | 'postalCode'>;

/** Where the order goes, from the Order row's shipping columns. */
export function shippingFromRow(order: ShippingColumns): OrderFacts['shipping'] {
  return {
    name: order.shippingName,
    phone: order.shippingPhone,
    addressLine: order.addressLine,
    city: order.city,
    postalCode: order.postalCode,
  };
}

/** The order as sold, from the rows checkout wrote. */
export function orderFactsFromRow(order: OrderRowWithFacts): OrderFacts {
  return {
    orderNumber: order.orderNumber,
    buyer: { id: order.buyerId, name: order.buyer.name },
    store: { id: order.store.id, name: order.store.name },
    items: order.items.map((item) => ({
      productId: item.productId,
      name: item.name,
      unitPriceCentavos: item.unitPriceCentavos,
      quantity: item.quantity,
    })),
    subtotalCentavos: order.subtotalCentavos,
    shippingCentavos: order.shippingCentavos,
    totalCentavos: order.totalCentavos,
    shipping: shippingFromRow(order),
    placedAt: order.placedAt.toISOString(),
  };
}

/** The rows of a new order: the order itself, its items and its first event, under ids chosen by the caller. */
export function orderRowsFromFacts(facts: OrderFacts, ids: { orderId: string; checkoutId: string }, firstEntry: TimelineEntry) {
  const order: Prisma.OrderCreateManyInput = {
    id: ids.orderId,
    orderNumber: facts.orderNumber,
    checkoutId: ids.checkoutId,
    storeId: facts.store.id,
    buyerId: facts.buyer.id,
    itemCount: countItems(facts.items),
    subtotalCentavos: facts.subtotalCentavos,
    shippingCentavos: facts.shippingCentavos,
    totalCentavos: facts.totalCentavos,
    shippingName: facts.shipping.name,
    shippingPhone: facts.shipping.phone,
    addressLine: facts.shipping.addressLine,
    city: facts.shipping.city,
    postalCode: facts.shipping.postalCode,
    placedAt: new Date(facts.placedAt),
  };
  const items: Prisma.OrderItemCreateManyInput[] = facts.items.map((item) => ({
    orderId: ids.orderId,
    productId: item.productId,
    name: item.name,
    unitPriceCentavos: item.unitPriceCentavos,
    quantity: item.quantity,
    lineTotalCentavos: lineTotal(item),
  }));
  return { order, items, event: { orderId: ids.orderId, ...eventColumns(firstEntry) } satisfies Prisma.OrderEventCreateManyInput };
}

/** The OrderEvent fields of a timeline entry; the projection's statement writes these same values. */
export function eventColumns(entry: TimelineEntry) {
  return {
    seq: entry.seq,
    from: entry.from,
    to: entry.to,
    at: new Date(entry.at),
    actorRole: entry.by.role,
    actorId: entry.by.id ?? null,
    actorName: entry.by.name,
    note: entry.note ?? null,
  };
}

/** A projected event row in the workflow's timeline shape. */
export function timelineEntryFromEvent(event: OrderEvent): TimelineEntry {
  return {
    seq: event.seq,
    from: event.from,
    to: event.to,
    at: event.at.toISOString(),
    by: { role: event.actorRole as ActorRole, ...(event.actorId ? { id: event.actorId } : {}), name: event.actorName },
    ...(event.note ? { note: event.note } : {}),
  };
}
