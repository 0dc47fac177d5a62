import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { formatPeso } from '../../../workflows/money';
import { myOrdersQuery } from '../api/queries';
import { ClosedBadge } from '../components/ClosedNotice';
import { ErrorMessage } from '../components/ErrorMessage';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { StatusBadge } from '../components/StatusBadge';
import { formatDate, isoString } from '../lib/dates';

export default function MyOrdersPage() {
  const orders = useInfiniteQuery(myOrdersQuery);
  const items = () => orders.data?.pages.flatMap((page) => page.items) ?? [];
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
