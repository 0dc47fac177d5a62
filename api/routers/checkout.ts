import { checkoutPlacedDto } from '../dto';
import { placeCheckout } from '../orders/checkout';
import { checkoutInput } from '../schemas';
import { buyerProcedure, router } from '../trpc';

export const checkoutRouter = router({
  /** Places the cart as one order per store. Safe to retry with the same idempotency key. */
  place: buyerProcedure
    .input(checkoutInput)
    .output(checkoutPlacedDto)
    .mutation(async ({ ctx, input }) => ({ orders: await placeCheckout(ctx, ctx.user, input) })),
});
