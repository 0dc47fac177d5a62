// The status message each timeline entry told the buyer. The workflow does not know the stores' messages;
// the projection keeps the one in force with each event (lib/order-projection.ts). An event projected
// before messages were kept had the default; an entry not projected yet gets the store's message of now,
// which is what its projection is about to record.

import type { Db } from '../../lib/db';
import { Prisma } from '../../prisma/generated/client';
import { type OrderStatus, STATUS_INFO } from '../../workflows/model/order-model';
import type { OrderView } from '../../workflows/model/order-types';
import type { OrderOwner, ToldTimelineEntry } from './order-view';

export interface StatusMessages {
  /** Per projected event: the message kept with it, or null for an event projected before messages were kept. */
  recorded: Map<number, string | null>;
  /** The store's own messages in force now, by status. */
  current: Map<OrderStatus, string>;
}

interface Row {
  kind: 'order' | 'event' | 'store';
  seq: number | null;
  status: OrderStatus | null;
  message: string | null;
}

/**
 * An order's status messages, in one statement; null when the order does not exist or, with `owner`, is
 * not theirs. Status changes read them before the update, so this one query is also the ownership check.
 */
export async function readStatusMessages(
  db: Pick<Db, '$queryRaw'>,
  orderNumber: string,
  owner?: OrderOwner,
): Promise<StatusMessages | null> {
  const ownedBy =
    owner === undefined
      ? Prisma.sql`TRUE`
      : 'buyerId' in owner
        ? Prisma.sql`"buyerId" = ${owner.buyerId}::uuid`
        : Prisma.sql`"storeId" = ${owner.storeId}::uuid`;
  const rows = await db.$queryRaw<Row[]>`
    WITH target AS (SELECT "id", "storeId" FROM "Order" WHERE "orderNumber" = ${orderNumber} AND ${ownedBy})
    SELECT 'order' AS "kind", NULL::int AS "seq", NULL::text AS "status", NULL::text AS "message" FROM target
    UNION ALL
    SELECT 'event', e."seq", NULL, e."statusMessage" FROM "OrderEvent" AS e JOIN target AS t ON e."orderId" = t."id"
    UNION ALL
    SELECT 'store', NULL, m."status"::text, m."message" FROM "StoreStatusMessage" AS m JOIN target AS t ON m."storeId" = t."storeId"`;
  if (!rows.some((row) => row.kind === 'order')) return null;
  return {
    recorded: new Map(rows.filter((row) => row.kind === 'event').map((row) => [row.seq!, row.message])),
    current: new Map(rows.filter((row) => row.kind === 'store').map((row) => [row.status!, row.message!])),
  };
}

/** Adds to each timeline entry of `view` the status message the buyer was told with it. */
export function tellStatusMessages<V extends Pick<OrderView, 'timeline'>>(
  view: V,
  messages: StatusMessages | null,
): V & { timeline: ToldTimelineEntry[] } {
  const timeline = view.timeline.map((entry) => {
    const kept = messages?.recorded.get(entry.seq);
    const statusMessage = kept ?? (kept === null ? undefined : messages?.current.get(entry.to)) ?? STATUS_INFO[entry.to].buyerMessage;
    return { ...entry, statusMessage };
  });
  return { ...view, timeline };
}
