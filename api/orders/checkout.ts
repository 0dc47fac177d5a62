// Checkout: one order per store, priced from the database, crash-safe and idempotent.
// The rows are committed first, in one transaction keyed by (buyer, idempotency key); the workflows are
// started after, idempotently. A retry with the same key returns the same orders and starts whatever a
// crash left unstarted; the worker's reconciler does the same for a client that never retries.
import { createHash, randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { Db } from '../../lib/db';
import { orderFactsFromRow, orderFactsInclude, orderRowsFromFacts } from '../../lib/order-rows';
import { ensureOrderWorkflows, type OrderToStart } from '../../lib/order-workflows';
import { Prisma } from '../../prisma/generated/client';
import { countItems, priceOrder } from '../../workflows/model/money';
import type { OrderFacts, OrderLine } from '../../workflows/model/order-types';
import { placedEntry } from '../../workflows/model/timeline';
import type { SessionUser } from '../auth/sessions';
import type { ApiDeps } from '../deps';
import type { checkoutInput } from '../schemas';
import { newOrderNumber } from './order-number';

export type CheckoutInput = z.infer<typeof checkoutInput>;

/** How long a checkout may wait for a database connection to start its transaction. */
const CHECKOUT_MAX_WAIT_MS = 10_000;

export interface PlacedOrder {
  orderNumber: string;
  storeName: string;
  itemCount: number;
  totalCentavos: number;
}

function requestHash(input: CheckoutInput): string {
  const lines = [...input.lines].sort((a, b) => a.productId.localeCompare(b.productId));
  return createHash('sha256')
    .update(JSON.stringify({ lines, shipping: input.shipping }))
    .digest('hex');
}

function isUniqueViolation(error: unknown, field: string): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && JSON.stringify(error.meta ?? {}).includes(field)
  );
}

/** What checkout answers for each order: the same whether it placed the orders now or on a first try. */
function placedOrders(orders: readonly OrderToStart[]): PlacedOrder[] {
  return orders
    .map(({ input }) => ({
      orderNumber: input.orderNumber,
      storeName: input.store.name,
      itemCount: countItems(input.items),
      totalCentavos: input.totalCentavos,
    }))
    .sort((a, b) => a.orderNumber.localeCompare(b.orderNumber));
}

/** The orders of the buyer's checkout with this key, placed by an earlier request; null when there is none. */
async function findPlacedCheckout(db: Db, buyerId: string, idempotencyKey: string, confirmWithinMs: number) {
  const checkout = await db.checkout.findUnique({
    where: { buyerId_idempotencyKey: { buyerId, idempotencyKey } },
    select: { requestHash: true, orders: { include: orderFactsInclude } },
  });
  if (!checkout) return null;
  const orders = checkout.orders.map((row) => ({
    id: row.id,
    marked: row.workflowStartedAt !== null,
    input: { ...orderFactsFromRow(row), confirmWithinMs },
  }));
  return { requestHash: checkout.requestHash, orders };
}

/**
 * Prices the cart from the database and writes one order per store, in the order the stores first
 * appear in the cart; or names the first cart line whose product is no longer available.
 */
async function createCheckout(
  db: Db,
  buyer: SessionUser,
  input: CheckoutInput,
  hash: string,
  confirmWithinMs: number,
): Promise<OrderToStart[] | { unavailableLine: number }> {
  const products = await db.product.findMany({
    where: { id: { in: input.lines.map((line) => line.productId) }, active: true },
    select: { id: true, name: true, priceCentavos: true, store: { select: { id: true, name: true } } },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  const missing = input.lines.findIndex((line) => !byId.has(line.productId));
  if (missing >= 0) return { unavailableLine: missing + 1 };
  const storeLines = new Map<string, { store: { id: string; name: string }; lines: OrderLine[] }>();
  for (const line of input.lines) {
    const product = byId.get(line.productId)!;
    const group = storeLines.get(product.store.id) ?? { store: product.store, lines: [] };
    group.lines.push({ productId: product.id, name: product.name, unitPriceCentavos: product.priceCentavos, quantity: line.quantity });
    storeLines.set(product.store.id, group);
  }
  const placedAt = new Date();
  const checkoutId = randomUUID();
  const orders = [...storeLines.values()].map(({ store, lines }): OrderToStart => {
    const facts: OrderFacts = {
      orderNumber: newOrderNumber(placedAt),
      buyer: { id: buyer.id, name: buyer.name },
      store,
      items: lines,
      ...priceOrder(lines),
      shipping: input.shipping,
      placedAt: placedAt.toISOString(),
    };
    return { id: randomUUID(), marked: false, input: { ...facts, confirmWithinMs } };
  });
  const rows = orders.map(({ id, input: facts }) => orderRowsFromFacts(facts, { orderId: id, checkoutId }, placedEntry(facts)));
  // A batch of single inserts: the embedded database serves one transaction at a time, so the fewer
  // statements inside it, the less it holds up every other request. A burst of checkouts queues for the
  // pool's connections; it waits longer than Prisma's two seconds rather than fail the buyer's order.
  await db.$transaction(
    [
      db.checkout.create({
        data: { id: checkoutId, buyerId: buyer.id, idempotencyKey: input.idempotencyKey, requestHash: hash, createdAt: placedAt },
        select: { id: true },
      }),
      db.order.createMany({ data: rows.map((row) => row.order) }),
      db.orderItem.createMany({ data: rows.flatMap((row) => row.items) }),
      db.orderEvent.createMany({ data: rows.map((row) => row.event) }),
    ],
    { maxWait: CHECKOUT_MAX_WAIT_MS },
  );
  return orders;
}

export async function placeCheckout(deps: ApiDeps, buyer: SessionUser, input: CheckoutInput): Promise<PlacedOrder[]> {
  const { db } = deps;
  const confirmWithinMs = deps.env.ORDER_CONFIRM_WITHIN;
  const hash = requestHash(input);
  let orders: OrderToStart[] | undefined;
  // Written first and read only when the key turns out to be taken: a retry is rare, a new checkout is not.
  for (let attempt = 0; !orders; attempt++) {
    try {
      const created = await createCheckout(db, buyer, input, hash, confirmWithinMs);
      if (!Array.isArray(created)) {
        // A retry of a checkout placed before the product went away still gets its orders.
        const earlier = await findPlacedCheckout(db, buyer.id, input.idempotencyKey, confirmWithinMs);
        if (!earlier)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `The product in cart line ${created.unavailableLine} is not available any more.`,
          });
        orders = sameCart(earlier, hash);
      } else {
        orders = created;
      }
    } catch (error) {
      if (isUniqueViolation(error, 'idempotencyKey')) {
        // An earlier or concurrent request with the same key placed the checkout; its rows are committed.
        const earlier = await findPlacedCheckout(db, buyer.id, input.idempotencyKey, confirmWithinMs);
        if (!earlier) throw error;
        orders = sameCart(earlier, hash);
      } else if (!(isUniqueViolation(error, 'orderNumber') && attempt < 3)) {
        throw error;
      }
    }
  }
  await ensureOrderWorkflows(db, deps.temporal, deps.env.TEMPORAL_TASK_QUEUE, orders);
  return placedOrders(orders);
}

function sameCart(earlier: { requestHash: string; orders: OrderToStart[] }, hash: string): OrderToStart[] {
  if (earlier.requestHash !== hash) {
    throw new TRPCError({ code: 'CONFLICT', message: 'This checkout was already placed with a different cart. Start a new checkout.' });
  }
  return earlier.orders;
}
