// Buyer procedures: My Orders, tracking and cancelling.
import { z } from 'zod';
import { assertOwnsOrder, loadOwnedOrderView } from '../orders/order-view';
import { pageQuery, toPage } from '../orders/pagination';
import { sendStatusChange } from '../orders/status-change';
import { cancelInput, orderRefInput, pageInput } from '../schemas';
import { buyerProcedure, router } from '../trpc';

export const ordersRouter = router({
  /** The buyer's orders, newest first. */
  mine: buyerProcedure.input(z.object(pageInput).strict().default({ limit: 20 })).query(async ({ ctx, input }) => {
    const rows = await ctx.db.order.findMany({
      where: { buyerId: ctx.user.id },
      ...pageQuery(input),
      select: {
        id: true,
        orderNumber: true,
        status: true,
        createdAt: true,
        itemCount: true,
        totalCentavos: true,
        store: { select: { name: true } },
      },
    });
    const page = toPage(rows, input);
    return { ...page, items: page.items.map(({ store, ...order }) => ({ ...order, storeName: store.name })) };
  }),

  /** The whole order state from its workflow (or the projection once the workflow is gone). */
  track: buyerProcedure.input(orderRefInput).query(({ ctx, input }) => loadOwnedOrderView(ctx, input.orderNumber, { buyerId: ctx.user.id })),

  /** Cancels the order while the model allows the buyer to (pending or confirmed). */
  cancel: buyerProcedure.input(cancelInput).mutation(async ({ ctx, input }) => {
    await assertOwnsOrder(ctx.db, input.orderNumber, { buyerId: ctx.user.id });
    const order = await sendStatusChange(ctx, input.orderNumber, input.requestId, {
      to: 'cancelled',
      actor: { role: 'buyer', id: ctx.user.id, name: ctx.user.name },
      note: input.reason ?? 'Cancelled by the buyer.',
    });
    return { order, source: 'workflow' as const };
  }),
});
