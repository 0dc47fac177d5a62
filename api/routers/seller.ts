// Seller procedures: the store's order table, order detail and status changes. Every query is scoped
// to ctx.store, which sellerProcedure sets from the session. Each answers with the seller's DTO (api/dto.ts).
import { likeLiteral } from '../../lib/db';
import { orderWorkflowId } from '../../workflows/messages';
import { ORDER_STATUSES, type OrderStatus } from '../../workflows/order-model';
import { sellerOrderDetailDto, sellerOrderListDto, sellerOrderResultDto } from '../dto';
import { closedNoteOf, NOT_CLOSED, sellerOrderDto, type SellerReader } from '../orders/order-dto';
import { assertOwnsOrder, loadOwnedOrderView } from '../orders/order-view';
import { pageQuery, toPage } from '../orders/pagination';
import { sendStatusChange } from '../orders/status-change';
import { orderRefInput, sellerListInput, setStatusInput } from '../schemas';
import { router, sellerProcedure } from '../trpc';
import type { Prisma } from '../../prisma/generated/client';

const reader = (user: { id: string; name: string }): SellerReader => ({ userId: user.id, name: user.name });

export const sellerRouter = router({
  /** The store's orders with a status filter, search, pagination and counts for the filter tabs. */
  orders: sellerProcedure.input(sellerListInput.default({ limit: 20 })).output(sellerOrderListDto).query(async ({ ctx, input }) => {
    const storeId = ctx.store.id;
    const search: Prisma.OrderWhereInput = input.search
      ? { OR: [{ orderNumber: { startsWith: likeLiteral(input.search.toUpperCase()) } }, { customerName: { contains: likeLiteral(input.search), mode: 'insensitive' } }] }
      : {};
    const [rows, grouped] = await Promise.all([
      ctx.db.order.findMany({
        where: { storeId, ...(input.status ? { status: input.status } : {}), ...search },
        ...pageQuery(input),
        select: {
          id: true,
          orderNumber: true,
          status: true,
          createdAt: true,
          itemCount: true,
          totalCentavos: true,
          customerName: true,
          customerPhone: true,
          city: true,
          closedNote: true,
        },
      }),
      ctx.db.order.groupBy({ by: ['status'], where: { storeId, ...search }, _count: { _all: true } }),
    ]);
    const counts = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as Record<OrderStatus, number>;
    for (const group of grouped) counts[group.status] = group._count._all;
    const page = toPage(rows, input);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map(({ id: _id, createdAt, ...order }) => ({ ...order, placedAt: createdAt.toISOString() })),
      counts: { all: Object.values(counts).reduce((sum, count) => sum + count, 0), ...counts },
    };
  }),

  /** Order detail, with a link to its workflow in the Temporal UI for operators. */
  order: sellerProcedure.input(orderRefInput).output(sellerOrderDetailDto).query(async ({ ctx, input }) => {
    const loaded = await loadOwnedOrderView(ctx, input.orderNumber, { storeId: ctx.store.id });
    return {
      order: sellerOrderDto(loaded.order, await closedNoteOf(ctx.db, loaded), reader(ctx.user)),
      source: loaded.source,
      temporalUrl: temporalWorkflowUrl(ctx.env.TEMPORAL_UI_URL, ctx.env.TEMPORAL_NAMESPACE, input.orderNumber),
    };
  }),

  /** Moves the order to `to`. The request ID makes a retried or double-clicked change apply once. */
  setStatus: sellerProcedure.input(setStatusInput).output(sellerOrderResultDto).mutation(async ({ ctx, input }) => {
    await assertOwnsOrder(ctx.db, input.orderNumber, { storeId: ctx.store.id });
    const order = await sendStatusChange(ctx, input.orderNumber, input.requestId, {
      to: input.to,
      // The workflow's history names the person and the store for operators; clients see the DTO's names.
      actor: { role: 'seller', id: ctx.user.id, name: `${ctx.user.name} (${ctx.store.name})` },
      ...(input.note ? { note: input.note } : {}),
      ...(input.carrier ? { carrier: input.carrier } : {}),
      ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
    });
    return { order: sellerOrderDto(order, NOT_CLOSED, reader(ctx.user)), source: 'workflow' as const };
  }),
});

export function temporalWorkflowUrl(uiUrl: string, namespace: string, orderNumber: string): string {
  return `${uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(orderWorkflowId(orderNumber))}`;
}
