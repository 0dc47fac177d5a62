import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { formatPeso } from '../../../workflows/money';
import type { ApiOutputs } from '../api/client';
import { ClosedBadge } from '../components/ClosedNotice';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, isoString } from '../lib/dates';

type SellerOrderRow = ApiOutputs['seller']['orders']['items'][number];

/** The store's orders; below 640 px each row becomes a card with its column names as labels. */
export function SellerOrdersTable(props: { orders: SellerOrderRow[] }) {
  return (
    <table class="orders-table">
      <caption class="visually-hidden">Orders</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col">Customer</th>
          <th scope="col" class="num">Items</th>
          <th scope="col" class="num">Total</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.orders}>
          {(order) => (
            <tr>
              <td data-label="Order">
                <A href={`/seller/orders/${order.orderNumber}`}>{order.orderNumber}</A>
              </td>
              <td data-label="Placed">
                <time datetime={isoString(order.placedAt)}>{formatDateTime(order.placedAt)}</time>
              </td>
              <td data-label="Customer">
                <span>
                  <bdi>{order.customerName}</bdi>
                  <span class="muted">
                    {' · '}
                    <bdi>{order.city}</bdi>
                  </span>
                </span>
              </td>
              <td data-label="Items" class="num">
                {order.itemCount}
              </td>
              <td data-label="Total" class="num">
                {formatPeso(order.totalCentavos)}
              </td>
              <td data-label="Status">
                <span class="badges">
                  <StatusBadge status={order.status} />
                  <Show when={order.closedNote !== null}>
                    {' '}
                    <ClosedBadge />
                  </Show>
                </span>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
