// Reads one order's full state: from its workflow (the source of truth), or from the database
// projection when the workflow is no longer retained by Temporal or ended without finishing the order.
import { Client, QueryRejectedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { TRPCError } from '@trpc/server';
import { reconcileClosedOrder } from '../../lib/closed-orders';
import type { Db } from '../../lib/db';
import { orderFactsFromRow, orderFactsInclude, timelineEntryFromEvent } from '../../lib/order-rows';
import type { OrderEvent } from '../../prisma/generated/client';
import { getOrderQuery, orderWorkflowId } from '../../workflows/messages';
import { STATUS_INFO } from '../../workflows/model/order-model';
import type { OrderView, TimelineEntry } from '../../workflows/model/order-types';
import { ORDER_NOT_FOUND } from '../errors';
import { readStatusMessages, tellStatusMessages } from './status-messages';

/** Who is asking: a buyer may read their own orders, a seller those of their store. */
export type OrderOwner = { buyerId: string } | { storeId: string };

export interface OrderViewResult {
  order: ToldOrderView;
  source: 'workflow' | 'projection';
  /** Why the order was closed outside its lifecycle; only a projected order can be closed. */
  closedNote: string | null;
}

function isOwnedBy(view: Pick<OrderView, 'buyer' | 'store'>, owner: OrderOwner): boolean {
  return 'buyerId' in owner ? view.buyer.id === owner.buyerId : view.store.id === owner.storeId;
}

// Queries of this client fail on a workflow that ended without finishing its order (terminated, say),
// whose last state is no longer the order's: such an order is read from the projection, once closed.
const cleanRunClients = new WeakMap<Client, Client>();
function cleanRunClient(temporal: Client): Client {
  let client = cleanRunClients.get(temporal);
  if (!client) {
    client = new Client({
      connection: temporal.connection,
      namespace: temporal.options.namespace,
      workflow: { queryRejectCondition: 'NOT_COMPLETED_CLEANLY' },
    });
    cleanRunClients.set(temporal, client);
  }
  return client;
}

/**
 * The order's state from its workflow, or null when the workflow is gone or ended early. An order whose
 * workflow ended early is closed in the projection here and now, so the reader need not wait for the
 * worker's sweep.
 */
async function queryOrderWorkflow(deps: { db: Db; temporal: Client }, orderNumber: string): Promise<OrderView | null> {
  try {
    return await cleanRunClient(deps.temporal).workflow.getHandle(orderWorkflowId(orderNumber)).query(getOrderQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    if (error instanceof QueryRejectedError) {
      await reconcileClosedOrder(deps.db, deps.temporal, orderNumber);
      return null;
    }
    throw error;
  }
}

/** A timeline entry with the status message its buyer was told (see withStatusMessages). */
export type ToldTimelineEntry = TimelineEntry & { statusMessage?: string };

/** An order's state with the status message of each timeline entry. */
export type ToldOrderView = Omit<OrderView, 'timeline'> & { timeline: ToldTimelineEntry[] };

/** Adds to each timeline entry the status message the buyer was told with it (see status-messages.ts). */
async function withStatusMessages<V extends Pick<OrderView, 'orderNumber' | 'timeline'>>(
  db: Db,
  view: V,
): Promise<V & { timeline: ToldTimelineEntry[] }> {
  return tellStatusMessages(view, await readStatusMessages(db, view.orderNumber));
}

/** A projected event row with the status message kept with it (the default, for older events). */
function toldEntryFromEvent(event: OrderEvent): ToldTimelineEntry {
  return { ...timelineEntryFromEvent(event), statusMessage: event.statusMessage ?? STATUS_INFO[event.to].buyerMessage };
}

async function projectedOrderView(db: Db, orderNumber: string): Promise<(ToldOrderView & { closedNote: string | null }) | null> {
  const order = await db.order.findUnique({
    where: { orderNumber },
    include: { ...orderFactsInclude, events: { orderBy: { seq: 'asc' } } },
  });
  if (!order) return null;
  return {
    ...orderFactsFromRow(order),
    status: order.status,
    timeline: order.events.map(toldEntryFromEvent),
    tracking: order.carrier && order.trackingNumber ? { carrier: order.carrier, trackingNumber: order.trackingNumber } : null,
    deadline: null,
    rejected: [],
    closedNote: order.closedNote,
  };
}

/**
 * The order if `owner` may see it. Someone else's order and a missing one get the same NOT_FOUND,
 * so the answer does not reveal which order numbers exist.
 */
export async function loadOwnedOrderView(
  deps: { db: Db; temporal: Client },
  orderNumber: string,
  owner: OrderOwner,
): Promise<OrderViewResult> {
  const fromWorkflow = await queryOrderWorkflow(deps, orderNumber);
  const result: OrderViewResult | null = fromWorkflow
    ? { order: await withStatusMessages(deps.db, fromWorkflow), source: 'workflow', closedNote: null }
    : await projectedOrderView(deps.db, orderNumber).then((order) =>
        order ? { order, source: 'projection' as const, closedNote: order.closedNote } : null,
      );
  if (!result || !isOwnedBy(result.order, owner)) throw new TRPCError({ code: 'NOT_FOUND', message: ORDER_NOT_FOUND });
  return result;
}

/** Checks ownership in the database before a change is sent to the workflow. */
export async function assertOwnsOrder(db: Db, orderNumber: string, owner: OrderOwner): Promise<void> {
  const order = await db.order.findFirst({ where: { orderNumber, ...owner }, select: { id: true } });
  if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: ORDER_NOT_FOUND });
}
