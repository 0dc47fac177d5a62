// Output schemas of the API: what each procedure may send to a client, and nothing more. Every procedure
// declares one with .output(); tRPC parses the handler's result with it, and zod objects drop every key
// they do not declare, so a new field in the workflow's state or a database row reaches no client until
// it is added here. The web app's types are inferred from these schemas through the router.
//
// Rules: objects are plain z.object (unknown keys are stripped, never passed through), no any/unknown/
// record types, and no ids of people: an order DTO names the store, the buyer and the actors of its
// timeline by display name and role only (see api/orders/order-dto.ts).
import { z } from 'zod';
import { ACCOUNT_ROLES, ACTOR_ROLES, ORDER_STATUSES } from '../workflows/model/order-model';

const status = z.enum(ORDER_STATUSES);
/** An ISO 8601 UTC timestamp, e.g. 2026-11-26T09:30:00.000Z. */
const timestamp = z.iso.datetime();
const centavos = z.number().int();
const count = z.number().int().nonnegative();

// ── auth ────────────────────────────────────────────────────────────────────────────────────────────

/** The signed-in user: their own account id, and their own store for a seller. */
export const sessionUserDto = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  store: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }).nullable(),
});

export const logoutDto = z.object({ ok: z.literal(true) });

// ── catalog ─────────────────────────────────────────────────────────────────────────────────────────

/** Stores and their products are public: their ids are what the cart and checkout send back. */
export const catalogStoresDto = z.array(
  z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    products: z.array(z.object({ id: z.uuid(), name: z.string(), description: z.string(), emoji: z.string(), priceCentavos: centavos })),
  }),
);

// ── checkout ────────────────────────────────────────────────────────────────────────────────────────

export const checkoutPlacedDto = z.object({
  orders: z.array(z.object({ orderNumber: z.string(), storeName: z.string(), itemCount: count, totalCentavos: centavos })),
});

// ── orders: shared parts ────────────────────────────────────────────────────────────────────────────

/** A line as sold. `productId` is the public catalog id of the product (see catalog.stores). */
const orderLineDto = z.object({ productId: z.uuid(), name: z.string(), unitPriceCentavos: centavos, quantity: count });

const shippingDto = z.object({ name: z.string(), phone: z.string(), addressLine: z.string(), city: z.string(), postalCode: z.string() });

/**
 * One status change. `by` names who made it for the reader: the store, "Customer support" for an
 * operator, "Order service" for the system, the buyer by name, and for the seller their own staff by name.
 */
const timelineEntryDto = z.object({
  /** Position in the timeline (0 is the order being placed). */
  seq: count,
  from: status.nullable(),
  to: status,
  at: timestamp,
  by: z.object({ role: z.enum(ACTOR_ROLES), name: z.string() }),
  note: z.string().nullable(),
  /** The status message the buyer was told with this change: the store's own as it was then, or the default. */
  statusMessage: z.string(),
});

/** The order as its buyer or its seller sees it. The two differ only in how the timeline names people. */
const orderDto = z.object({
  orderNumber: z.string(),
  status,
  storeName: z.string(),
  items: z.array(orderLineDto),
  subtotalCentavos: centavos,
  shippingCentavos: centavos,
  totalCentavos: centavos,
  /** Where the order goes: the customer's name, phone and address as entered at checkout. */
  shipping: shippingDto,
  placedAt: timestamp,
  timeline: z.array(timelineEntryDto),
  tracking: z.object({ carrier: z.string(), trackingNumber: z.string() }).nullable(),
  /** When a pending order is cancelled unless the seller confirms it; null otherwise. */
  deadline: z.object({ at: timestamp }).nullable(),
  /** Why the order was closed outside its lifecycle (an operator ended its workflow); null otherwise. */
  closedNote: z.string().nullable(),
});

const buyerOrderDto = orderDto;
const sellerOrderDto = orderDto;

const source = z.enum(['workflow', 'projection']);

/** `nextCursor` is the row id of the last order on the page, to pass back as `cursor`. */
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.uuid().nullable() });

// ── orders (buyer) ──────────────────────────────────────────────────────────────────────────────────

/** What both lists say of an order. */
const listedOrder = {
  orderNumber: z.string(),
  status,
  placedAt: timestamp,
  itemCount: count,
  totalCentavos: centavos,
  closedNote: z.string().nullable(),
};

export const buyerOrderListDto = page(z.object({ ...listedOrder, storeName: z.string() }));

export const buyerOrderResultDto = z.object({ order: buyerOrderDto, source });

/** A buyer's change answers with the order after it, which the workflow's update returns. */
export const buyerOrderChangeDto = z.object({ order: buyerOrderDto });

// ── seller ──────────────────────────────────────────────────────────────────────────────────────────

export const sellerOrderListDto = page(
  z.object({
    ...listedOrder,
    /** Who and where, as far as the table shows them: the shipping details' name, phone and city. */
    shipping: shippingDto.pick({ name: true, phone: true, city: true }),
    /** The shipment's tracking number once the order has shipped. */
    trackingNumber: z.string().nullable(),
    /** When a pending order is cancelled unless the seller confirms it; null for other orders. */
    confirmBy: timestamp.nullable(),
  }),
).extend({
  /** Orders per status tab; they follow the search but not the status filter. */
  counts: z.object({ all: count, pending: count, confirmed: count, processing: count, shipped: count, delivered: count, cancelled: count }),
});

/** A seller's change answers with the order after it, which the workflow's update returns. */
export const sellerOrderChangeDto = z.object({ order: sellerOrderDto });

export const sellerOrderDetailDto = z.object({
  order: sellerOrderDto,
  source,
  /** The order's workflow in the Temporal Web UI, for a public deployment's operators; null otherwise (docs/deploy.md). */
  temporalUrl: z.url().nullable(),
});

/** One order's outcome in a bulk move, with a sentence such as "ORD-… moved to Processing." */
export const sellerBulkResultDto = z.object({
  results: z.array(
    z.object({
      orderNumber: z.string(),
      outcome: z.enum(['moved', 'refused', 'not_found', 'failed']),
      /** The order's status after the move; null when it is not known. */
      status: status.nullable(),
      message: z.string(),
    }),
  ),
  moved: count,
});

/** What goes in the parcel: who and where, and what, without prices. */
export const packingSlipsDto = z.object({
  slips: z.array(
    z.object({
      orderNumber: z.string(),
      placedAt: timestamp,
      storeName: z.string(),
      shipping: shippingDto,
      items: z.array(z.object({ name: z.string(), quantity: count })),
      itemCount: count,
    }),
  ),
});

/** The store's message for each status: its own where it set one, and the default beside it. */
export const statusMessagesDto = z.object({
  messages: z.array(z.object({ status, label: z.string(), defaultMessage: z.string(), customMessage: z.string().nullable() })),
});

// ── system ──────────────────────────────────────────────────────────────────────────────────────────

export const systemConfigDto = z.object({ trackingPollIntervalMs: z.number().int().positive() });

export type BuyerOrderDto = z.infer<typeof buyerOrderDto>;
export type SellerOrderDto = z.infer<typeof sellerOrderDto>;
export type TimelineEntryDto = z.infer<typeof timelineEntryDto>;
