// Delivered and Cancelled end an order: the seller confirms them in a second step that names the
// order(s) and says what follows.
import { isTerminal, type OrderStatus } from '../../../workflows/model/order-model';

export const isIrreversible = (status: OrderStatus) => isTerminal(status);

/** What follows the move, for `count` orders. */
export function consequenceOf(status: OrderStatus, count: number): string {
  const buyer = count === 1 ? 'The buyer is' : 'Each buyer is';
  const order = count === 1 ? 'the order' : 'these orders';
  return status === 'delivered'
    ? `${buyer} told the order has been delivered, and ${order} can no longer change. This cannot be undone.`
    : `${buyer} told the order is cancelled, with your reason, and ${order} can no longer change. This cannot be undone.`;
}

export function confirmLabel(status: OrderStatus, count = 1): string {
  const what = count === 1 ? '' : ` ${count} orders`;
  return status === 'delivered' ? `Yes, mark${what} as delivered` : count === 1 ? 'Yes, cancel the order' : `Yes, cancel${what}`;
}
