import { A } from '@solidjs/router';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { createMemo, For, Show, untrack } from 'solid-js';
import { formatPeso } from '../../../workflows/model/money';
import { myOrdersQuery } from '../api/queries';
import { myOrdersPollInterval } from '../buyer/my-orders-live';
import { ClosedBadge } from '../components/ClosedNotice';
import { ErrorMessage } from '../components/ErrorMessage';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { StatusBadge } from '../components/StatusBadge';
import { formatDate, isoString } from '../lib/dates';
import { usePollIntervalMs } from '../tracking/live-order';

/** The buyer's orders; the badges follow the sellers by polling while any order is open, and on focus. */
export default function MyOrdersPage() {
  const pollMs = usePollIntervalMs();
  const orders = useInfiniteQuery(() => {
    const everyMs = pollMs();
    type State = { state: { data: { pages: Parameters<typeof myOrdersPollInterval>[0] } | undefined } };
    const interval = (query: State) => myOrdersPollInterval(query.state.data?.pages, everyMs);
    return {
      ...myOrdersQuery(),
      refetchInterval: interval,
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: (query: State) => interval(query) !== false,
    };
  });
  // As in useLiveOrder: only the first load suspends the page; later polls update it in place.
  const data = createMemo(() => {
    if (orders.isPending) return orders.data;
    void orders.dataUpdatedAt;
    return untrack(() => orders.data);
  });
  const items = () => data()?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading text="My Orders" />
      <ErrorMessage error={orders.error} />
      <Show when={orders.isSuccess && items().length === 0}>
        <p class="notice">
          You have no orders yet. <A href="/">Start shopping</A>.
        </p>
      </Show>
      <ul class="order-list">
        <For each={items()}>
          {(order) => (
            <li>
              <A href={`/orders/${order.orderNumber}`} class="order-row">
                <span class="order-row-number">{order.orderNumber}</span>
                <StatusBadge status={order.status} />
                <span class="order-row-store">{order.storeName}</span>
                <span class="order-row-meta">
                  <time datetime={isoString(order.placedAt)}>{formatDate(order.placedAt)}</time> · {order.itemCount}{' '}
                  {order.itemCount === 1 ? 'item' : 'items'}
                  <Show when={order.closedNote !== null}>
                    {' '}
                    <ClosedBadge />
                  </Show>
                </span>
                <span class="order-row-total">{formatPeso(order.totalCentavos)}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
      <LoadMore pages={orders} label="Show older orders" />
    </>
  );
}
