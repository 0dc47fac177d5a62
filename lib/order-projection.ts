// The database projection of an order's workflow: the order row's status and one event row per
// timeline entry, plus the buyer's notification. Every write is keyed by (order, seq), so a retried
// write changes nothing. The activities, the closed-order reconciler and the API share these writes.

import { isDeepStrictEqual } from 'node:util';
import type { OrderEvent } from '../prisma/generated/client';
import { type Actor, checkTransition, isTerminal, STATUS_INFO } from '../workflows/model/order-model';
import type { ProjectionInput, TimelineEntry, TrackingInfo } from '../workflows/model/order-types';
import type { Db } from './db';
import { eventColumns, timelineEntryFromEvent } from './order-rows';

/** Writes one timeline entry; returns false when the order row does not exist. */
export async function projectEntry(
  db: Pick<Db, '$queryRaw'>,
  { orderNumber, buyerId, entry, tracking }: ProjectionInput,
): Promise<boolean> {
  const info = STATUS_INFO[entry.to];
  // The values of the event's columns come from the one mapping of lib/order-rows.ts.
  const event = eventColumns(entry);
  const note = event.note;
  // One statement, so the writes are atomic without a transaction and cost one round trip; every status
  // change waits for it. The status message in force is the store's own for the new status, or the
  // model's default; it is kept on the event and in the notification, so history shows what the buyer
  // was told. A retried write keeps the first message. The status only moves forward: an older entry
  // retried late must not overwrite a newer one.
  const projected = await db.$queryRaw<{ id: string }[]>`
    WITH target AS (SELECT "id", "storeId" FROM "Order" WHERE "orderNumber" = ${orderNumber}),
    message AS (
      SELECT t."id", COALESCE(
        (SELECT m."message" FROM "StoreStatusMessage" AS m WHERE m."storeId" = t."storeId" AND m."status" = ${entry.to}::"OrderStatus"),
        ${info.buyerMessage}::text) AS "text"
      FROM target AS t
    ),
    event AS (
      INSERT INTO "OrderEvent" ("id", "orderId", "seq", "fromStatus", "toStatus", "at", "actorRole", "actorId", "actorName", "note", "statusMessage")
      SELECT gen_random_uuid(), "id", ${event.seq}, ${event.from}::"OrderStatus", ${event.to}::"OrderStatus", ${event.at}::timestamp(3),
        ${event.actorRole}, ${event.actorId}::text, ${event.actorName}, ${note}::text, "text"
      FROM message
      ON CONFLICT ("orderId", "seq") DO NOTHING
    ),
    notification AS (
      INSERT INTO "Notification" ("id", "userId", "orderId", "eventSeq", "title", "body")
      SELECT gen_random_uuid(), ${buyerId}::uuid, "id", ${entry.seq}, ${`Order ${orderNumber}: ${info.label}`},
        CASE WHEN ${note}::text IS NULL THEN "text" ELSE "text" || ' ' || ${note}::text END
      FROM message
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
  return projected.length > 0;
}

export interface ProjectionSnapshot {
  orderNumber: string;
  timeline: TimelineEntry[];
  tracking: TrackingInfo | null;
}

/**
 * Makes the projection equal a workflow run's whole timeline, dropping entries the run does not have.
 * A reset run calls it, since the run it replaced may have projected transitions this one undid.
 * Returns false when the order row does not exist.
 */
export async function replaceProjection(db: Db, { orderNumber, timeline, tracking }: ProjectionSnapshot): Promise<boolean> {
  const last = timeline[timeline.length - 1];
  if (!last) return true;
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { orderNumber }, select: { id: true, buyerId: true, events: true } });
    if (!order) return false;
    const projected = new Map(order.events.map((event) => [event.seq, event]));
    const differing = timeline.filter((entry) => !matchesEvent(entry, projected.get(entry.seq))).map((entry) => entry.seq);
    // Events the run does not have go, with their notifications; those it has differently are written
    // again as new, with the status message in force now and an unread notification.
    const stale = { OR: [{ seq: { gt: last.seq } }, { seq: { in: differing } }] };
    await tx.orderEvent.deleteMany({ where: { orderId: order.id, ...stale } });
    await tx.notification.deleteMany({
      where: { orderId: order.id, OR: [{ eventSeq: { gt: last.seq } }, { eventSeq: { in: differing } }] },
    });
    for (const entry of timeline) {
      if (differing.includes(entry.seq)) await projectEntry(tx, { orderNumber, buyerId: order.buyerId, entry, tracking: null });
    }
    await tx.order.update({
      where: { id: order.id },
      data: {
        status: last.to,
        statusSeq: last.seq,
        carrier: tracking?.carrier ?? null,
        trackingNumber: tracking?.trackingNumber ?? null,
        closedNote: null,
      },
    });
    return true;
  });
}

/** Whether a projected event says exactly what a timeline entry says. */
function matchesEvent(entry: TimelineEntry, event: OrderEvent | undefined): boolean {
  return event !== undefined && isDeepStrictEqual(timelineEntryFromEvent(event), entry);
}

/** Who closes an order whose workflow an operator ended outside the order's lifecycle. */
const CLOSING_ACTOR: Actor = { role: 'operator', name: 'Temporal operator' };

/**
 * Closes an open order whose workflow ended without finishing it (terminated, say): the order becomes
 * cancelled where the model lets an operator cancel it, and in every case carries `note` as the reason
 * it can no longer change. An order that already finished, or was closed before, is left as it is.
 * Returns true when it closed the order now.
 */
export async function closeOrder(db: Db, orderNumber: string, note: string): Promise<boolean> {
  const order = await db.order.findUnique({
    where: { orderNumber },
    select: { id: true, buyerId: true, status: true, statusSeq: true, closedNote: true },
  });
  if (!order || order.closedNote !== null || isTerminal(order.status)) return false;
  if (!checkTransition(order.status, { to: 'cancelled', actor: CLOSING_ACTOR, note })) {
    const entry: TimelineEntry = {
      seq: order.statusSeq + 1,
      from: order.status,
      to: 'cancelled',
      at: new Date().toISOString(),
      by: CLOSING_ACTOR,
      note,
    };
    await projectEntry(db, { orderNumber, buyerId: order.buyerId, entry, tracking: null });
  }
  const closed = await db.order.updateMany({ where: { id: order.id, closedNote: null }, data: { closedNote: note } });
  return closed.count > 0;
}
