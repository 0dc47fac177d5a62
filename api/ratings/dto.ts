// Output and input schemas of ratings (see api/dto.ts for the rules every output follows).
import { z } from 'zod';
import { fields, orderNumberSchema, trimmed } from '../schemas';

const timestamp = z.iso.datetime();

/** How long a buyer may change a rating after first giving it. */
export const RATING_EDITABLE_DAYS = 30;
const MAX_RATING_COMMENT = 1000;

const ratingFields = {
  stars: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  ratedAt: timestamp,
  updatedAt: timestamp,
};

/** The buyer's rating of their order, if any, and whether they may rate (or re-rate) it now. */
export const buyerRatingDto = z.object({
  rating: z.object({ ...ratingFields, editableUntil: timestamp }).nullable(),
  /** True while the order is delivered and its rating is missing or still editable. */
  canRate: z.boolean(),
});

/** The rating of one of the store's orders, as its seller sees it. */
export const sellerOrderRatingDto = z.object({ rating: z.object(ratingFields).nullable() });

/** The store's average over every rated order, or null while none is rated. */
export const storeRatingDto = z.object({ average: z.number().min(1).max(5).nullable(), count: z.number().int().nonnegative() });

export const rateInput = fields('The rating', {
  orderNumber: orderNumberSchema,
  stars: z
    .number({ error: 'Stars must be a number from 1 to 5.' })
    .int('Stars must be a whole number from 1 to 5.')
    .min(1, 'Stars must be at least 1.')
    .max(5, 'Stars must be at most 5.'),
  /** Optional; blank removes the comment. */
  comment: trimmed(0, MAX_RATING_COMMENT, 'Comment').optional(),
});

export type BuyerRatingDto = z.infer<typeof buyerRatingDto>;
