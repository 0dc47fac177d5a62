// The one mapping from an order's full state (the workflow query, or its projection) to what its buyer or
// its seller may see. Clients never receive the raw state: no refused operator requests, no ids of people
// or stores, and actors only by a display name chosen for the reader.
import { type ActorRole, STATUS_INFO } from '../../workflows/model/order-model';
import type { OrderView, TimelineEntry } from '../../workflows/model/order-types';
import type { BuyerOrderDto, SellerOrderDto, TimelineEntryDto } from '../dto';
import type { ToldTimelineEntry } from './order-view';

/** How operators and the order service itself appear to buyers and sellers. */
export const OPERATOR_DISPLAY_NAME = 'Customer support';
export const SYSTEM_DISPLAY_NAME = 'Order service';

/** The facts the mapping reads. `rejected` is deliberately absent: refused requests never leave the API. */
type OrderState = Omit<OrderView, 'rejected' | 'timeline'> & { timeline: ToldTimelineEntry[] };

/** The seller account reading the order: the staff member of the order's store who is signed in. */
export interface SellerReader {
  userId: string;
  name: string;
}

function displayName(entry: TimelineEntry, view: OrderState, seller: SellerReader | null): string {
  const role: ActorRole = entry.by.role;
  switch (role) {
    // Only the order's buyer can act as its buyer through the API; the name is the one the order was
    // placed under, never whatever a message claimed.
    case 'buyer':
      return view.buyer.name;
    // The buyer sees the store. The seller sees their own staff by name (the actor id is the account's);
    // a seller action from elsewhere (an integration's signal) shows as the store.
    case 'seller':
      return seller && entry.by.id === seller.userId ? seller.name : view.store.name;
    case 'operator':
      return OPERATOR_DISPLAY_NAME;
    case 'system':
      return SYSTEM_DISPLAY_NAME;
    default:
      return assertNever(role);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown actor role: ${String(value)}`);
}

function timelineDto(view: OrderState, seller: SellerReader | null): TimelineEntryDto[] {
  return view.timeline.map((entry) => ({
    seq: entry.seq,
    from: entry.from,
    to: entry.to,
    at: entry.at,
    by: { role: entry.by.role, name: displayName(entry, view, seller) },
    note: entry.note ?? null,
    statusMessage: entry.statusMessage ?? STATUS_INFO[entry.to].buyerMessage,
  }));
}

function orderDto(view: OrderState, closedNote: string | null, seller: SellerReader | null): BuyerOrderDto {
  return {
    orderNumber: view.orderNumber,
    status: view.status,
    storeName: view.store.name,
    items: view.items.map((item) => ({
      productId: item.productId,
      name: item.name,
      unitPriceCentavos: item.unitPriceCentavos,
      quantity: item.quantity,
    })),
    subtotalCentavos: view.subtotalCentavos,
    shippingCentavos: view.shippingCentavos,
    totalCentavos: view.totalCentavos,
    shipping: { ...view.shipping },
    placedAt: view.placedAt,
    timeline: timelineDto(view, seller),
    tracking: view.tracking ? { carrier: view.tracking.carrier, trackingNumber: view.tracking.trackingNumber } : null,
    // A closed order's timer will never fire, whatever its last recorded state says.
    deadline: view.deadline && !closedNote ? { at: view.deadline.at } : null,
    closedNote,
  };
}

export function buyerOrderDto(view: OrderState, closedNote: string | null): BuyerOrderDto {
  return orderDto(view, closedNote, null);
}

export function sellerOrderDto(view: OrderState, closedNote: string | null, seller: SellerReader): SellerOrderDto {
  return orderDto(view, closedNote, seller);
}

/** An update the workflow accepted means its run goes on: the order was not closed outside its lifecycle. */
export const NOT_CLOSED = null;
