// Buyer procedures of ratings: read and give (or change) the rating of one of their own delivered orders.
import { buyerRatingDto, rateInput } from '../ratings/dto';
import { buyerRating, buyersOrderWithRating, rateOrder } from '../ratings/ratings';
import { orderRefInput } from '../schemas';
import { buyerProcedure, router } from '../trpc';

export const ratingsRouter = router({
  /** The buyer's rating of their order, or null, and whether they may rate it now. */
  mine: buyerProcedure
    .input(orderRefInput)
    .output(buyerRatingDto)
    .query(async ({ ctx, input }) => buyerRating(await buyersOrderWithRating(ctx.db, input.orderNumber, ctx.user.id))),

  /** 1–5 stars and an optional comment, once the order is delivered; changeable for 30 days. */
  rate: buyerProcedure
    .input(rateInput)
    .output(buyerRatingDto)
    .mutation(({ ctx, input }) => rateOrder(ctx.db, ctx.user.id, input)),
});
