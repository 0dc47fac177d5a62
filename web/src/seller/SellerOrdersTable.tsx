import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatPeso } from '../../../workflows/model/money';
import type { ApiOutputs } from '../api/client';
import { ClosedBadge } from '../components/ClosedNotice';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, isoString } from '../lib/dates';
import { useNow } from '../lib/now';
import { timeLeftToConfirm } from './deadline';

export type SellerOrderRow = ApiOutputs['seller']['orders']['items'][number];

interface SellerOrdersTableProps {
  orders: SellerOrderRow[];
  isSelected: (orderNumber: string) => boolean;
  onSelect: (orderNumber: string, selected: boolean) => void;
  /** Selects or clears every order shown. */
  onSelectAll: (selected: boolean) => void;
  isNew: (placedAt: string) => boolean;
  onUpdate: (order: SellerOrderRow) => void;
}

/**
 * The store's orders, each with a checkbox named after its order number and its own Update button.
 * Below 640 px each row becomes a card with its column names as labels.
 */
export function SellerOrdersTable(props: SellerOrdersTableProps) {
  const now = useNow(60_000);
  const allSelected = () => props.orders.length > 0 && props.orders.every((order) => props.isSelected(order.orderNumber));
  return (
    <table class="orders-table seller-table">
      <caption class="visually-hidden">Orders</caption>
      <thead>
        <tr>
          <th scope="col" class="select-cell">
            <input
              type="checkbox"
              aria-label="Select all orders shown"
              checked={allSelected()}
              onChange={(event) => props.onSelectAll(event.currentTarget.checked)}
            />
          </th>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col">Customer</th>
          <th scope="col" class="num">
            Items
          </th>
          <th scope="col" class="num">
            Total
          </th>
          <th scope="col">Status</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.orders}>
          {(order) => {
            const deadline = () => (order.confirmBy ? timeLeftToConfirm(order.confirmBy, now()) : undefined);
            return (
              <tr classList={{ selected: props.isSelected(order.orderNumber) }}>
                <td class="select-cell" data-label="Select">
                  <input
                    type="checkbox"
                    aria-label={order.orderNumber}
                    checked={props.isSelected(order.orderNumber)}
                    onChange={(event) => props.onSelect(order.orderNumber, event.currentTarget.checked)}
                  />
                </td>
                <td data-label="Order" class="nowrap">
                  <A href={`/seller/orders/${order.orderNumber}`}>{order.orderNumber}</A>
                  <Show when={props.isNew(order.placedAt)}>
                    {' '}
                    <span class="new-mark">New</span>
                  </Show>
                </td>
                <td data-label="Placed" class="nowrap">
                  <time datetime={isoString(order.placedAt)}>{formatDateTime(order.placedAt)}</time>
                </td>
                <td data-label="Customer">
                  <span>
                    <bdi>{order.shipping.name}</bdi>
                    <span class="muted">
                      {' · '}
                      <bdi>{order.shipping.city}</bdi>
                    </span>
                    <Show when={order.trackingNumber}>
                      <span class="muted tracking-number">
                        {' · '}
                        <bdi>{order.trackingNumber}</bdi>
                      </span>
                    </Show>
                  </span>
                </td>
                <td data-label="Items" class="num">
                  {order.itemCount}
                </td>
                <td data-label="Total" class="num nowrap">
                  {formatPeso(order.totalCentavos)}
                </td>
                <td data-label="Status">
                  {/* One grid cell on a phone card: the badge with its deadline under it. */}
                  <span class="status-cell">
                    <span class="badges">
                      <StatusBadge status={order.status} />
                      <Show when={order.closedNote !== null}>
                        {' '}
                        <ClosedBadge />
                      </Show>
                    </span>
                    <Show when={deadline()}>
                      {(left) => (
                        <span class="deadline" classList={{ urgent: left().urgent }}>
                          <Show when={left().urgent}>
                            <span aria-hidden="true">⚠ </span>
                            <span class="visually-hidden">Urgent: </span>
                          </Show>
                          {left().text}
                        </span>
                      )}
                    </Show>
                  </span>
                </td>
                <td data-label="Actions">
                  <Show when={order.closedNote === null && order.status !== 'delivered' && order.status !== 'cancelled'}>
                    <button type="button" class="button small" onClick={() => props.onUpdate(order)}>
                      Update
                    </button>
                  </Show>
                </td>
              </tr>
            );
          }}
        </For>
      </tbody>
    </table>
  );
}
