// Seller procedures: the store's order table, order detail, status changes one by one or in bulk, packing
// slips and the store's status messages. Every query is scoped to ctx.store, which sellerProcedure sets
// from the session. Each answers with the seller's DTO (api/dto.ts).

import type { Db } from '../../lib/db';
import type { Env } from '../../lib/env';
import { shippingFromRow } from '../../lib/order-rows';
import { orderWorkflowId } from '../../workflows/messages';
import { ORDER_STATUSES, type OrderStatus, STATUS_INFO, statusLabel } from '../../workflows/model/order-model';
import {
  packingSlipsDto,
  sellerBulkResultDto,
  sellerOrderChangeDto,
  sellerOrderDetailDto,
  sellerOrderListDto,
  statusMessagesDto,
} from '../dto';
import { listedOrder, listedOrderSelect } from '../orders/listed-order';
import { NOT_CLOSED, type SellerReader, sellerOrderDto } from '../orders/order-dto';
import { loadOwnedOrderView } from '../orders/order-view';
import { pageQuery, toPage } from '../orders/pagination';
import { sendStatusChange } from '../orders/status-change';
import { bulkSetStatusInput, orderRefInput, packingSlipsInput, sellerListInput, setStatusInput, setStatusMessagesInput } from '../schemas';
import { moveOrders } from '../seller/bulk';
import { confirmByOf, filterWhere, oldestFirst, searchWhere } from '../seller/order-filter';
import { router, sellerProcedure } from '../trpc';
import { sellerRatingProcedures } from './seller-ratings';

const reader = (user: { id: string; name: string }): SellerReader => ({ userId: user.id, name: user.name });
/** The workflow's history names the person and the store for operators; clients see the DTO's names. */
const sellerActor = (user: { id: string; name: string }, store: { name: string }) => ({
  role: 'seller' as const,
  id: user.id,
  name: `${user.name} (${store.name})`,
});

export const sellerRouter = router({
  /** The store's orders with a status filter, search, sorting, pagination and counts for the filter tabs. */
  orders: sellerProcedure
    .input(sellerListInput.default({ limit: 20 }))
    .output(sellerOrderListDto)
    .query(async ({ ctx, input }) => {
      const storeId = ctx.store.id;
      const [rows, grouped] = await Promise.all([
        ctx.db.order.findMany({
          where: filterWhere(storeId, input),
          ...pageQuery(input, oldestFirst(input)),
          select: { ...listedOrderSelect, shippingName: true, shippingPhone: true, city: true, trackingNumber: true },
        }),
        ctx.db.order.groupBy({ by: ['status'], where: { storeId, ...searchWhere(input.search) }, _count: { _all: true } }),
      ]);
      const counts = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as Record<OrderStatus, number>;
      for (const group of grouped) counts[group.status] = group._count._all;
      const page = toPage(rows, input);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((order) => ({
          ...listedOrder(order),
          shipping: { name: order.shippingName, phone: order.shippingPhone, city: order.city },
          trackingNumber: order.trackingNumber,
          confirmBy: confirmByOf(order, ctx.env.ORDER_CONFIRM_WITHIN)?.toISOString() ?? null,
        })),
        counts: { all: Object.values(counts).reduce((sum, count) => sum + count, 0), ...counts },
      };
    }),

  /** Order detail, with a link to its workflow in the Temporal UI where the deployment offers one. */
  order: sellerProcedure
    .input(orderRefInput)
    .output(sellerOrderDetailDto)
    .query(async ({ ctx, input }) => {
      const loaded = await loadOwnedOrderView(ctx, input.orderNumber, { storeId: ctx.store.id });
      return {
        order: sellerOrderDto(loaded.order, loaded.closedNote, reader(ctx.user)),
        source: loaded.source,
        temporalUrl: sellerTemporalUrl(ctx.env, input.orderNumber),
      };
    }),

  /** Moves the order to `to`. The request ID makes a retried or double-clicked change apply once. */
  setStatus: sellerProcedure
    .input(setStatusInput)
    .output(sellerOrderChangeDto)
    .mutation(async ({ ctx, input }) => {
      const order = await sendStatusChange(ctx, { storeId: ctx.store.id }, input.orderNumber, input.requestId, {
        to: input.to,
        actor: sellerActor(ctx.user, ctx.store),
        ...(input.note ? { note: input.note } : {}),
        ...(input.carrier ? { carrier: input.carrier } : {}),
        ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
      });
      return { order: sellerOrderDto(order, NOT_CLOSED, reader(ctx.user)) };
    }),

  /**
   * Moves up to 100 orders to `to`, each by its own update with its own request ID, so a retried bulk
   * move applies each order's change once. Every order gets its own result; none blocks the others.
   */
  bulkSetStatus: sellerProcedure
    .input(bulkSetStatusInput)
    .output(sellerBulkResultDto)
    .mutation(async ({ ctx, input }) => {
      const results = await moveOrders(ctx, {
        storeId: ctx.store.id,
        to: input.to,
        actor: sellerActor(ctx.user, ctx.store),
        note: input.note,
        orders: input.orders,
      });
      return { results, moved: results.filter((result) => result.outcome === 'moved').length };
    }),

  /** Packing slips of the store's orders, in the order asked: no prices, since a slip travels in the parcel. */
  packingSlips: sellerProcedure
    .input(packingSlipsInput)
    .output(packingSlipsDto)
    .query(async ({ ctx, input }) => {
      const orders = await ctx.db.order.findMany({
        where: { storeId: ctx.store.id, orderNumber: { in: input.orderNumbers } },
        select: {
          orderNumber: true,
          placedAt: true,
          itemCount: true,
          shippingName: true,
          shippingPhone: true,
          addressLine: true,
          city: true,
          postalCode: true,
          items: { select: { name: true, quantity: true }, orderBy: { name: 'asc' } },
        },
      });
      const byNumber = new Map(orders.map((order) => [order.orderNumber, order]));
      const slips = input.orderNumbers.flatMap((orderNumber) => {
        const order = byNumber.get(orderNumber);
        if (!order) return [];
        return [
          {
            orderNumber,
            placedAt: order.placedAt.toISOString(),
            storeName: ctx.store.name,
            shipping: shippingFromRow(order),
            items: order.items.map((item) => ({ name: item.name, quantity: item.quantity })),
            itemCount: order.itemCount,
          },
        ];
      });
      return { slips };
    }),

  /** The message buyers see for each status: the store's own where it set one, with the default. */
  statusMessages: sellerProcedure.output(statusMessagesDto).query(async ({ ctx }) => statusMessagesOf(ctx.db, ctx.store.id)),

  /**
   * Replaces the store's messages for the statuses sent; a blank message brings back the default. Changes
   * from now on carry the new message; past ones keep the message they were sent with.
   */
  setStatusMessages: sellerProcedure
    .input(setStatusMessagesInput)
    .output(statusMessagesDto)
    .mutation(async ({ ctx, input }) => {
      const storeId = ctx.store.id;
      await ctx.db.$transaction(
        input.messages.map(({ status, message }) =>
          message && message !== STATUS_INFO[status].buyerMessage
            ? ctx.db.storeStatusMessage.upsert({
                where: { storeId_status: { storeId, status } },
                create: { storeId, status, message },
                update: { message },
              })
            : ctx.db.storeStatusMessage.deleteMany({ where: { storeId, status } }),
        ),
      );
      return statusMessagesOf(ctx.db, storeId);
    }),

  ...sellerRatingProcedures,
});

async function statusMessagesOf(db: Db, storeId: string) {
  const custom = await db.storeStatusMessage.findMany({ where: { storeId }, select: { status: true, message: true } });
  return {
    messages: ORDER_STATUSES.map((status) => ({
      status,
      label: statusLabel(status),
      defaultMessage: STATUS_INFO[status].buyerMessage,
      customMessage: custom.find((row) => row.status === status)?.message ?? null,
    })),
  };
}

/**
 * The Temporal UI is an operators' tool. A seller gets a link to it only when TEMPORAL_UI_URL is set to
 * an address other than the loopback one: the dev server's UI on 127.0.0.1 is reachable from the
 * server's own machine only, and is not meant for sellers. See docs/deploy.md.
 */
export function sellerTemporalUrl(env: Pick<Env, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>, orderNumber: string): string | null {
  if (!env.TEMPORAL_UI_URL || isLoopbackUrl(env.TEMPORAL_UI_URL)) return null;
  return temporalWorkflowUrl(env.TEMPORAL_UI_URL, env.TEMPORAL_NAMESPACE, orderNumber);
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
}

function temporalWorkflowUrl(uiUrl: string, namespace: string, orderNumber: string): string {
  return `${uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(orderWorkflowId(orderNumber))}`;
}
