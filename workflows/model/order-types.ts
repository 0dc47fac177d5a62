// Plain data shapes of an order, shared by the workflow, the activities, the API and the web app.
import type { Actor, OrderStatus, TransitionErrorType } from './order-model';

export interface OrderLine {
  productId: string;
  name: string;
  unitPriceCentavos: number;
  quantity: number;
}

export interface ShippingDetails {
  name: string;
  phone: string;
  addressLine: string;
  city: string;
  postalCode: string;
}

/** What an order is, as sold: the same in the workflow's input and in its state. */
export interface OrderFacts {
  orderNumber: string;
  buyer: { id: string; name: string };
  store: { id: string; name: string };
  items: OrderLine[];
  subtotalCentavos: number;
  shippingCentavos: number;
  totalCentavos: number;
  shipping: ShippingDetails;
  /** ISO time the buyer placed the order; the first timeline entry. */
  placedAt: string;
}

export interface OrderInput extends OrderFacts {
  /** How long the seller has to confirm before the order is cancelled automatically. */
  confirmWithinMs?: number;
}

export interface TimelineEntry {
  seq: number;
  from: OrderStatus | null;
  to: OrderStatus;
  /** ISO timestamp. */
  at: string;
  by: Actor;
  note?: string;
}

export interface TrackingInfo {
  carrier: string;
  trackingNumber: string;
}

export interface RejectedChange {
  at: string;
  /** The request as it arrived; a malformed one may be anything, cut short if it is large. */
  request: unknown;
  type: TransitionErrorType;
  message: string;
}

/** The whole state of an order, as the workflow query returns it. */
export interface OrderView extends OrderFacts {
  status: OrderStatus;
  timeline: TimelineEntry[];
  tracking: TrackingInfo | null;
  /** When the current step times out (only a pending order has a deadline), or null. */
  deadline: { at: string } | null;
  rejected: RejectedChange[];
}

/** What the projection activity writes for one timeline entry. */
export interface ProjectionInput {
  orderNumber: string;
  buyerId: string;
  entry: TimelineEntry;
  tracking: TrackingInfo | null;
}
