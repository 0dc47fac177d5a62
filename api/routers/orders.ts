// Buyer procedures: My Orders, tracking, cancelling and confirming receipt. Each answers with the buyer's DTO (api/dto.ts).
import { z } from 'zod';
import type { StatusChangeRequest } from '../../workflows/model/order-model';
import type { SessionUser } from '../auth/sessions';
import type { ApiDeps } from '../deps';
import { buyerOrderChangeDto, buyerOrderListDto, buyerOrderResultDto } from '../dto';
import { listedOrder, listedOrderSelect } from '../orders/listed-order';
import { buyerOrderDto, NOT_CLOSED } from '../orders/order-dto';
import { loadOwnedOrderView } from '../orders/order-view';
import { pageQuery, toPage } from '../orders/pagination';
import { sendStatusChange } from '../orders/status-change';
import { cancelInput, fields, orderNumberSchema, orderRefInput, pageInput, requestIdSchema } from '../schemas';
import { buyerProcedure, router } from '../trpc';

/** An action on one of the buyer's orders; the request ID makes a retried or double-clicked one apply once. */
const orderActionInput = fields('The request', { orderNumber: orderNumberSchema, requestId: requestIdSchema });

export const ordersRouter = router({
  /** The buyer's orders, newest first. */
  mine: buyerProcedure
    .input(z.object(pageInput).strict().default({ limit: 20 }))
    .output(buyerOrderListDto)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.order.findMany({
        where: { buyerId: ctx.user.id },
        ...pageQuery(input),
        select: { ...listedOrderSelect, store: { select: { name: true } } },
      });
      const page = toPage(rows, input);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((order) => ({ ...listedOrder(order), storeName: order.store.name })),
      };
    }),

  /** The order from its workflow (or the projection once the workflow is gone), as the buyer sees it. */
  track: buyerProcedure
    .input(orderRefInput)
    .output(buyerOrderResultDto)
    .query(async ({ ctx, input }) => {
      const loaded = await loadOwnedOrderView(ctx, input.orderNumber, { buyerId: ctx.user.id });
      return { order: buyerOrderDto(loaded.order, loaded.closedNote), source: loaded.source };
    }),

  /** Cancels the order while the model allows the buyer to (pending or confirmed). */
  cancel: buyerProcedure
    .input(cancelInput)
    .output(buyerOrderChangeDto)
    .mutation(({ ctx, input }) => buyerChange(ctx, input, { to: 'cancelled', note: input.note ?? 'Cancelled by the buyer.' })),

  /** "Order received": the buyer confirms a shipped order arrived, which makes it delivered. */
  confirmReceipt: buyerProcedure
    .input(orderActionInput)
    .output(buyerOrderChangeDto)
    .mutation(({ ctx, input }) => buyerChange(ctx, input, { to: 'delivered' })),
});

/** A change the buyer makes to their own order, answered with the order as they now see it. */
async function buyerChange(
  ctx: ApiDeps & { user: SessionUser },
  { orderNumber, requestId }: { orderNumber: string; requestId: string },
  change: Pick<StatusChangeRequest, 'to' | 'note'>,
) {
  const order = await sendStatusChange(ctx, { buyerId: ctx.user.id }, orderNumber, requestId, {
    ...change,
    actor: { role: 'buyer', id: ctx.user.id, name: ctx.user.name },
  });
  return { order: buyerOrderDto(order, NOT_CLOSED) };
}
