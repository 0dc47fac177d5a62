// The buyer's in-app notifications: one per status change of their orders that someone else made (the
// store, customer support or the order service), read from the rows the projection writes. Every query is
// scoped to ctx.user; nothing here reads or changes another account's notifications.

import type { Db } from '../../lib/db';
import { Prisma } from '../../prisma/generated/client';
import type { ActorRole, OrderStatus } from '../../workflows/model/order-model';
import { markAllReadInput, markOrderReadInput, notificationListDto, notificationListInput, unreadCountDto } from '../notifications/dto';
import { notificationText } from '../notifications/notification-text';
import { assertOwnsOrder } from '../orders/order-view';
import { buyerProcedure, router } from '../trpc';

interface NotificationRow {
  orderNumber: string;
  storeName: string;
  seq: number;
  to: OrderStatus;
  actorRole: ActorRole;
  note: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  at: Date;
  readAt: Date | null;
}

/** The buyer's own actions (placing, cancelling, confirming receipt) are not news to them. */
const FROM_OTHERS = Prisma.sql`e."actorRole" <> 'buyer'`;

async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count"
    FROM "Notification" n JOIN "OrderEvent" e ON e."orderId" = n."orderId" AND e."seq" = n."eventSeq"
    WHERE n."userId" = ${userId}::uuid AND n."readAt" IS NULL AND ${FROM_OTHERS}`;
  return row?.count ?? 0;
}

export const notificationsRouter = router({
  /** The newest notifications, newest first, and how many are unread. */
  list: buyerProcedure
    .input(notificationListInput.default({ limit: 20 }))
    .output(notificationListDto)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.$queryRaw<NotificationRow[]>`
        SELECT o."orderNumber", s."name" AS "storeName", e."seq", e."toStatus"::text AS "to", e."actorRole", e."note",
          o."carrier", o."trackingNumber", e."at", n."readAt"
        FROM "Notification" n
          JOIN "OrderEvent" e ON e."orderId" = n."orderId" AND e."seq" = n."eventSeq"
          JOIN "Order" o ON o."id" = n."orderId"
          JOIN "Store" s ON s."id" = o."storeId"
        WHERE n."userId" = ${ctx.user.id}::uuid AND ${FROM_OTHERS}
        ORDER BY e."at" DESC, e."seq" DESC
        LIMIT ${input.limit}`;
      return {
        items: rows.map((row) => ({
          orderNumber: row.orderNumber,
          seq: row.seq,
          status: row.to,
          text: notificationText({ ...row }),
          at: row.at.toISOString(),
          read: row.readAt !== null,
        })),
        unreadCount: await unreadCount(ctx.db, ctx.user.id),
      };
    }),

  /**
   * Marks as read every notification of a change made at or before `until` (the newest one the buyer was
   * shown), so one that arrives meanwhile stays unread.
   */
  markAllRead: buyerProcedure
    .input(markAllReadInput)
    .output(unreadCountDto)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.$executeRaw`
        UPDATE "Notification" n SET "readAt" = now()
        FROM "OrderEvent" e
        WHERE e."orderId" = n."orderId" AND e."seq" = n."eventSeq"
          AND n."userId" = ${ctx.user.id}::uuid AND n."readAt" IS NULL AND e."at" <= ${new Date(input.until)}::timestamp(3)`;
      return { unreadCount: await unreadCount(ctx.db, ctx.user.id) };
    }),

  /** Marks as read the notifications of one of the buyer's orders, once its page is open. */
  markOrderRead: buyerProcedure
    .input(markOrderReadInput)
    .output(unreadCountDto)
    .mutation(async ({ ctx, input }) => {
      await assertOwnsOrder(ctx.db, input.orderNumber, { buyerId: ctx.user.id });
      await ctx.db.notification.updateMany({
        where: { userId: ctx.user.id, readAt: null, order: { orderNumber: input.orderNumber } },
        data: { readAt: new Date() },
      });
      return { unreadCount: await unreadCount(ctx.db, ctx.user.id) };
    }),
});
