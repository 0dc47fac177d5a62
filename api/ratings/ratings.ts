// Ratings of delivered orders, kept in the database only: an order's workflow has completed by the time
// it is rated, and a rating changes nothing in its lifecycle.
import { TRPCError } from '@trpc/server';
import type { Db } from '../../lib/db';
import type { OrderRating } from '../../prisma/generated/client';
import { ORDER_NOT_FOUND } from '../errors';
import { type BuyerRatingDto, RATING_EDITABLE_DAYS } from './dto';

const DAY_MS = 86_400_000;

function editableUntil(rating: Pick<OrderRating, 'createdAt'>): Date {
  return new Date(rating.createdAt.getTime() + RATING_EDITABLE_DAYS * DAY_MS);
}

export function ratingFields(rating: OrderRating) {
  return {
    stars: rating.stars,
    comment: rating.comment,
    ratedAt: rating.createdAt.toISOString(),
    updatedAt: rating.updatedAt.toISOString(),
  };
}

/** The buyer's order with its rating; someone else's order and a missing one are both NOT_FOUND. */
export async function buyersOrderWithRating(db: Db, orderNumber: string, buyerId: string) {
  const order = await db.order.findFirst({
    where: { orderNumber, buyerId },
    select: { id: true, storeId: true, status: true, rating: true },
  });
  if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: ORDER_NOT_FOUND });
  return order;
}

export function buyerRating(order: { status: string; rating: OrderRating | null }, now = new Date()): BuyerRatingDto {
  const rating = order.rating;
  return {
    rating: rating ? { ...ratingFields(rating), editableUntil: editableUntil(rating).toISOString() } : null,
    canRate: order.status === 'delivered' && (!rating || now < editableUntil(rating)),
  };
}

/** Gives or changes the buyer's rating of their delivered order. */
export async function rateOrder(
  db: Db,
  buyerId: string,
  input: { orderNumber: string; stars: number; comment?: string | undefined },
): Promise<BuyerRatingDto> {
  const order = await buyersOrderWithRating(db, input.orderNumber, buyerId);
  if (order.status !== 'delivered') {
    throw new TRPCError({ code: 'CONFLICT', message: 'You can rate an order once it has been delivered.' });
  }
  const now = new Date();
  if (order.rating && now >= editableUntil(order.rating)) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `A rating can be changed for ${RATING_EDITABLE_DAYS} days after it is given; this one can no longer change.`,
    });
  }
  // Absent keeps the comment as it is only when editing the stars; a new rating starts without one.
  const comment = input.comment === undefined ? (order.rating?.comment ?? null) : input.comment || null;
  const rating = await db.orderRating.upsert({
    where: { orderId: order.id },
    create: { orderId: order.id, storeId: order.storeId, stars: input.stars, comment },
    update: { stars: input.stars, comment },
  });
  return buyerRating({ status: order.status, rating }, now);
}
