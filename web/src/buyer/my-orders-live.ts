import { isTerminal, type OrderStatus } from '../../../workflows/model/order-model';

interface ListedOrder {
  status: OrderStatus;
  closedNote: string | null;
}

/**
 * My Orders keeps polling while any listed order can still change, and stops once every one is delivered,
 * cancelled or closed. Before the first page arrives there is nothing to decide, so it polls.
 */
export function myOrdersPollInterval(pages: readonly { items: readonly ListedOrder[] }[] | undefined, intervalMs: number): number | false {
  if (!pages) return intervalMs;
  const open = pages.some((page) => page.items.some((order) => order.closedNote === null && !isTerminal(order.status)));
  return open ? intervalMs : false;
}
