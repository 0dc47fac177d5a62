// Seller procedures of ratings, part of the seller router: the rating of one of the store's orders
// and the store's average. Scoped to ctx.store like every seller procedure.
import { TRPCError } from '@trpc/server';
import { ORDER_NOT_FOUND } from '../errors';
import { sellerOrderRatingDto, storeRatingDto } from '../ratings/dto';
import { ratingFields } from '../ratings/ratings';
import { orderRefInput } from '../schemas';
import { sellerProcedure } from '../trpc';

export const sellerRatingProcedures = {
  /** The buyer's rating and comment of one of the store's orders, or null. */
  orderRating: sellerProcedure
    .input(orderRefInput)
    .output(sellerOrderRatingDto)
    .query(async ({ ctx, input }) => {
      const order = await ctx.db.order.findFirst({
        where: { orderNumber: input.orderNumber, storeId: ctx.store.id },
        select: { rating: true },
      });
      if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: ORDER_NOT_FOUND });
      return { rating: order.rating ? ratingFields(order.rating) : null };
    }),

  /** The store's average stars over its rated orders, and how many there are. */
  storeRating: sellerProcedure.output(storeRatingDto).query(async ({ ctx }) => {
    const result = await ctx.db.orderRating.aggregate({ where: { storeId: ctx.store.id }, _avg: { stars: true }, _count: { _all: true } });
    return { average: result._avg.stars === null ? null : Math.round(result._avg.stars * 10) / 10, count: result._count._all };
  }),
};
