// What a buyer's notification says about one status change: one sentence that starts with the order
// number, e.g. "ORD-20261126-4F7K2Q is on its way: LBC Express LBC-123456". Written at read time from the
// projected event and the order, so it always names the store and the tracking as they are.
import type { ActorRole, OrderStatus } from '../../workflows/model/order-model';

export interface NotificationFacts {
  orderNumber: string;
  storeName: string;
  to: OrderStatus;
  actorRole: ActorRole;
  note: string | null;
  carrier: string | null;
  trackingNumber: string | null;
}

export function notificationText(facts: NotificationFacts): string {
  const { orderNumber: order, storeName: store } = facts;
  switch (facts.to) {
    case 'pending':
      return `${order} was placed with ${store}.`;
    case 'confirmed':
      return `${order} was confirmed by ${store}.`;
    case 'processing':
      return `${store} is preparing ${order}.`;
    case 'shipped':
      return facts.carrier && facts.trackingNumber
        ? `${order} is on its way: ${facts.carrier} ${facts.trackingNumber}`
        : `${order} is on its way.`;
    case 'delivered':
      return `${order} was delivered. You can now rate and review it.`;
    case 'cancelled':
      if (facts.actorRole === 'system') return `${order} was cancelled automatically: ${store} did not confirm it in time.`;
      return facts.note ? `${order} was cancelled: ${facts.note}` : `${order} was cancelled.`;
  }
}
