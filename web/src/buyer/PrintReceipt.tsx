import { Show } from 'solid-js';
import { statusLabel } from '../../../workflows/model/order-model';
import type { BuyerOrder } from '../api/client';
import { OrderLines } from '../components/OrderLines';
import { formatDateTime } from '../lib/dates';

/** "Print receipt" on an order page; the browser prints the receipt below instead of the page. */
export function PrintReceiptButton() {
  return (
    <button type="button" class="button no-print" onClick={() => window.print()}>
      Print receipt
    </button>
  );
}

/**
 * The order as a clean receipt, shown only when printing: the store, order number, date, items and ₱
 * totals, and where it ships. The page around it (navigation, tracker, buttons) is hidden in print.
 */
export function PrintableReceipt(props: { order: BuyerOrder }) {
  return (
    <section class="printable-receipt" aria-label={`Receipt for order ${props.order.orderNumber}`}>
      <h2>
        <bdi>{props.order.storeName}</bdi>
      </h2>
      <dl class="details">
        <dt>Order</dt>
        <dd>{props.order.orderNumber}</dd>
        <dt>Placed</dt>
        <dd>{formatDateTime(props.order.placedAt)}</dd>
        <dt>Status</dt>
        <dd>{statusLabel(props.order.status)}</dd>
        <Show when={props.order.tracking}>
          {(tracking) => (
            <>
              <dt>Shipped with</dt>
              <dd>
                {tracking().carrier} {tracking().trackingNumber}
              </dd>
            </>
          )}
        </Show>
      </dl>
      <OrderLines order={props.order} caption={`Items in order ${props.order.orderNumber}`} />
      <h3>Ship to</h3>
      <address class="address">
        <bdi>{props.order.shipping.name}</bdi>
        <br />
        <bdi>{props.order.shipping.addressLine}</bdi>
        <br />
        <bdi>{props.order.shipping.city}</bdi> <bdi>{props.order.shipping.postalCode}</bdi>
        <br />
        {props.order.shipping.phone}
      </address>
    </section>
  );
}
