// Bulk moves: one idempotent update per order (its own request ID), a few at a time, each with its own
// result. A refused, missing or failing order never stops the others.
import type { Client } from '@temporalio/client';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import { type Actor, type OrderStatus, statusLabel } from '../../workflows/model/order-model';
import { toTRPCError } from '../errors';
import { sendStatusChange } from '../orders/status-change';

/** How many updates run at once: enough to move 100 orders quickly, few enough to spare Temporal. */
const BULK_CONCURRENCY = 8;

export interface BulkMove {
  storeId: string;
  to: OrderStatus;
  actor: Actor;
  note?: string | undefined;
  orders: { orderNumber: string; requestId: string }[];
}

export interface BulkResult {
  orderNumber: string;
  outcome: 'moved' | 'refused' | 'not_found' | 'failed';
  status: OrderStatus | null;
  message: string;
}

export async function moveOrders(deps: { db: Db; temporal: Client; logger: Logger }, move: BulkMove): Promise<BulkResult[]> {
  const numbers = move.orders.map((order) => order.orderNumber);
  // Ownership for all of them in one query; another store's order reads as missing, as everywhere else.
  const owned = await deps.db.order.findMany({
    where: { storeId: move.storeId, orderNumber: { in: numbers } },
    select: { orderNumber: true, status: true },
  });
  const statusOf = new Map(owned.map((order) => [order.orderNumber, order.status]));
  return mapConcurrently(move.orders, BULK_CONCURRENCY, async ({ orderNumber, requestId }): Promise<BulkResult> => {
    if (!statusOf.has(orderNumber))
      return { orderNumber, outcome: 'not_found', status: null, message: `${orderNumber} was not found in your store.` };
    try {
      const order = await sendStatusChange(deps, { storeId: move.storeId }, orderNumber, requestId, {
        to: move.to,
        actor: move.actor,
        ...(move.note ? { note: move.note } : {}),
      });
      return { orderNumber, outcome: 'moved', status: order.status, message: `${orderNumber} moved to ${statusLabel(order.status)}.` };
    } catch (error) {
      const mapped = toTRPCError(error);
      if (mapped.code === 'INTERNAL_SERVER_ERROR' || mapped.code === 'SERVICE_UNAVAILABLE') {
        deps.logger.error('bulk move failed for an order', { orderNumber, code: mapped.code, error: String(error) });
        return {
          orderNumber,
          outcome: 'failed',
          status: null,
          message: `${orderNumber} could not be moved right now. ${mapped.code === 'SERVICE_UNAVAILABLE' ? 'Please try again in a moment.' : 'Please try again.'}`,
        };
      }
      if (mapped.code === 'NOT_FOUND')
        return { orderNumber, outcome: 'not_found', status: null, message: `${orderNumber} was not found in your store.` };
      const current = await deps.db.order.findUnique({ where: { orderNumber }, select: { status: true } });
      return { orderNumber, outcome: 'refused', status: current?.status ?? null, message: aboutOrder(orderNumber, mapped.message) };
    }
  });
}

/** "This order is already shipped." becomes "ORD-… is already shipped."; other sentences get the number in front. */
function aboutOrder(orderNumber: string, message: string): string {
  return message.startsWith('This order ') ? `${orderNumber} ${message.slice('This order '.length)}` : `${orderNumber}: ${message}`;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
