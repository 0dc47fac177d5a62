// Activities of the order workflow: they project each timeline entry into the database and write the
// buyer's notification. Every write is keyed by (order, seq), so a retried activity writes nothing twice.
import { STATUS_INFO } from '../workflows/order-model';
import type { ProjectionInput } from '../workflows/order-types';
import type { Db } from '../lib/db';

export function createActivities(db: Db) {
  return {
    async projectTransition({ orderNumber, buyerId, entry, tracking }: ProjectionInput): Promise<void> {
      const info = STATUS_INFO[entry.to];
      const body = entry.note ? `${info.buyerMessage} ${entry.note}` : info.buyerMessage;
      // One statement, so the three writes are atomic without a transaction and cost one round trip;
      // every status change waits for it. The status only moves forward: an older entry retried late
      // must not overwrite a newer one.
      const projected = await db.$queryRaw<{ id: string }[]>`
        WITH target AS (SELECT "id" FROM "Order" WHERE "orderNumber" = ${orderNumber}),
        event AS (
          INSERT INTO "OrderEvent" ("id", "orderId", "seq", "fromStatus", "toStatus", "at", "actorRole", "actorId", "actorName", "note")
          SELECT gen_random_uuid(), "id", ${entry.seq}, ${entry.from}::"OrderStatus", ${entry.to}::"OrderStatus", ${new Date(entry.at)}::timestamp(3),
            ${entry.by.role}, ${entry.by.id ?? null}::text, ${entry.by.name}, ${entry.note ?? null}::text
          FROM target
          ON CONFLICT ("orderId", "seq") DO NOTHING
        ),
        notification AS (
          INSERT INTO "Notification" ("id", "userId", "orderId", "eventSeq", "title", "body")
          SELECT gen_random_uuid(), ${buyerId}::uuid, "id", ${entry.seq}, ${`Order ${orderNumber}: ${info.label}`}, ${body}
          FROM target
          ON CONFLICT ("orderId", "eventSeq", "userId") DO NOTHING
        ),
        moved AS (
          UPDATE "Order"
          SET "status" = ${entry.to}::"OrderStatus", "statusSeq" = ${entry.seq}, "updatedAt" = ${new Date()}::timestamp(3),
            "carrier" = COALESCE(${tracking?.carrier ?? null}::text, "carrier"),
            "trackingNumber" = COALESCE(${tracking?.trackingNumber ?? null}::text, "trackingNumber")
          WHERE "id" IN (SELECT "id" FROM target) AND "statusSeq" < ${entry.seq}
        )
        SELECT "id" FROM target`;
      // Order rows are committed before their workflow starts, so a missing row is an outage or a bug:
      // fail this attempt and let the retry policy try again.
      if (!projected.length) throw new Error(`Order ${orderNumber} is not in the database`);
    },
  };
}

export type OrderActivities = ReturnType<typeof createActivities>;
