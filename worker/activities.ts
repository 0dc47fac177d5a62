// Activities of the order workflow: they project each timeline entry into the database and write the
// buyer's notification. Every write is keyed by (order, seq), so a retried activity writes nothing twice.
import { STATUS_INFO } from '../workflows/order-model';
import type { ProjectionInput } from '../workflows/order-types';
import type { Db } from '../lib/db';

export function createActivities(db: Db) {
  return {
    async projectTransition({ orderNumber, buyerId, entry, tracking }: ProjectionInput): Promise<void> {
      const order = await db.order.findUnique({ where: { orderNumber }, select: { id: true } });
      // Order rows are committed before their workflow starts, so a missing row is an outage or a bug:
      // fail this attempt and let the retry policy try again.
      if (!order) throw new Error(`Order ${orderNumber} is not in the database`);
      const info = STATUS_INFO[entry.to];
      await db.$transaction([
        db.orderEvent.createMany({
          data: [
            {
              orderId: order.id,
              seq: entry.seq,
              fromStatus: entry.from,
              toStatus: entry.to,
              at: new Date(entry.at),
              actorRole: entry.by.role,
              actorId: entry.by.id ?? null,
              actorName: entry.by.name,
              note: entry.note ?? null,
            },
          ],
          skipDuplicates: true,
        }),
        // Only move forward: an older entry retried late must not overwrite a newer status.
        db.order.updateMany({
          where: { id: order.id, statusSeq: { lt: entry.seq } },
          data: {
            status: entry.to,
            statusSeq: entry.seq,
            ...(tracking ? { carrier: tracking.carrier, trackingNumber: tracking.trackingNumber } : {}),
          },
        }),
        db.notification.createMany({
          data: [
            {
              userId: buyerId,
              orderId: order.id,
              eventSeq: entry.seq,
              title: `Order ${orderNumber}: ${info.label}`,
              body: entry.note ? `${info.buyerMessage} ${entry.note}` : info.buyerMessage,
            },
          ],
          skipDuplicates: true,
        }),
      ]);
    },
  };
}

export type OrderActivities = ReturnType<typeof createActivities>;
