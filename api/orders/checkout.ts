// Checkout: one order per store, priced from the database, crash-safe and idempotent.
// The rows are committed first, in one transaction keyed by (buyer, idempotency key); the workflows are
// started after, idempotently. A retry with the same key returns the same orders and starts whatever a
// crash left unstarted; the worker's reconciler does the same for a client that never retries.
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../../lib/db';
import { ensureOrderWorkflows, orderInputInclude } from '../../lib/order-workflows';
import { lineTotal, SHIPPING_FEE_CENTAVOS, sumLines } from '../../domain/money';
import type { ApiDeps } from '../deps';
import type { SessionUser } from '../auth/sessions';
import type { checkoutInput } from '../schemas';
import { newOrderNumber } from './order-number';

export type CheckoutInput = z.infer<typeof checkoutInput>;

export interface PlacedOrder {
  orderNumber: string;
  storeName: string;
  itemCount: number;
  totalCentavos: number;
}

const checkoutInclude = { orders: { include: orderInputInclude, orderBy: { orderNumber: 'asc' } } } as const;

function requestHash(input: CheckoutInput): string {
  const lines = [...input.lines].sort((a, b) => a.productId.localeCompare(b.productId));
  return createHash('sha256').update(JSON.stringify({ lines, shipping: input.shipping })).digest('hex');
}

function isUniqueViolation(error: unknown, field: string): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === 'P2002' &&
    JSON.stringify(error.meta ?? {}).includes(field)
  );
}

async function findCheckout(db: Db, buyerId: string, idempotencyKey: string) {
  return db.checkout.findUnique({ where: { buyerId_idempotencyKey: { buyerId, idempotencyKey } }, include: checkoutInclude });
}

async function createCheckout(db: Db, buyer: SessionUser, input: CheckoutInput, hash: string) {
  const productIds = input.lines.map((line) => line.productId);
  const products = await db.product.findMany({ where: { id: { in: productIds }, active: true }, include: { store: { select: { id: true, name: true } } } });
  const byId = new Map(products.map((product) => [product.id, product]));
  const missing = input.lines.findIndex((line) => !byId.has(line.productId));
  if (missing >= 0) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `The product in cart line ${missing + 1} is not available any more.` });
  }
  // One order per store, in the order the stores first appear in the cart.
  const storeLines = new Map<string, { store: { id: string; name: string }; lines: { productId: string; name: string; unitPriceCentavos: number; quantity: number }[] }>();
  for (const line of input.lines) {
    const product = byId.get(line.productId)!;
    const group = storeLines.get(product.storeId) ?? { store: product.store, lines: [] };
    group.lines.push({ productId: product.id, name: product.name, unitPriceCentavos: product.priceCentavos, quantity: line.quantity });
    storeLines.set(product.storeId, group);
  }
  const now = new Date();
  const buyerActor = { actorRole: 'buyer', actorId: buyer.id, actorName: buyer.name };
  await db.checkout.create({
    data: {
      buyerId: buyer.id,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      createdAt: now,
      orders: {
        create: [...storeLines.values()].map(({ store, lines }) => {
          const subtotal = sumLines(lines);
          return {
            orderNumber: newOrderNumber(now),
            storeId: store.id,
            buyerId: buyer.id,
            itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
            subtotalCentavos: subtotal,
            shippingCentavos: SHIPPING_FEE_CENTAVOS,
            totalCentavos: subtotal + SHIPPING_FEE_CENTAVOS,
            customerName: input.shipping.name,
            customerPhone: input.shipping.phone,
            addressLine: input.shipping.addressLine,
            city: input.shipping.city,
            postalCode: input.shipping.postalCode,
            createdAt: now,
            items: {
              create: lines.map((line) => ({
                productId: line.productId,
                productName: line.name,
                unitPriceCentavos: line.unitPriceCentavos,
                quantity: line.quantity,
                lineTotalCentavos: lineTotal(line),
              })),
            },
            // The first timeline entry, identical to the one the workflow starts with.
            events: { create: [{ seq: 0, fromStatus: null, toStatus: 'pending', at: now, ...buyerActor }] },
          };
        }),
      },
    },
    // Read back after the commit, not inside the transaction: the embedded database serves one
    // transaction at a time, so every statement inside it holds up all other requests.
    select: { id: true },
  });
  return findCheckout(db, buyer.id, input.idempotencyKey);
}

export async function placeCheckout(deps: ApiDeps, buyer: SessionUser, input: CheckoutInput): Promise<PlacedOrder[]> {
  const { db } = deps;
  const hash = requestHash(input);
  let checkout = await findCheckout(db, buyer.id, input.idempotencyKey);
  for (let attempt = 0; !checkout; attempt++) {
    try {
      checkout = await createCheckout(db, buyer, input, hash);
    } catch (error) {
      if (isUniqueViolation(error, 'idempotencyKey')) {
        // A concurrent request with the same key won the race; its rows are committed, so read them.
        checkout = await findCheckout(db, buyer.id, input.idempotencyKey);
      } else if (!(isUniqueViolation(error, 'orderNumber') && attempt < 3)) {
        throw error;
      }
    }
  }
  if (checkout.requestHash !== hash) {
    throw new TRPCError({ code: 'CONFLICT', message: 'This checkout was already placed with a different cart. Start a new checkout.' });
  }
  await ensureOrderWorkflows(db, deps.temporal, deps.env.TEMPORAL_TASK_QUEUE, checkout.orders, deps.env.ORDER_CONFIRM_WITHIN);
  return checkout.orders.map((order) => ({
    orderNumber: order.orderNumber,
    storeName: order.store.name,
    itemCount: order.itemCount,
    totalCentavos: order.totalCentavos,
  }));
}
