import { A, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { trackedOrderQuery } from '../api/queries';
import { ClosedNotice } from '../components/ClosedNotice';
import { ErrorMessage } from '../components/ErrorMessage';
import { OrderLines } from '../components/OrderLines';
import { OrderProgress } from '../components/OrderProgress';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime } from '../lib/dates';
import { CancelOrder } from '../orders/CancelOrder';
import { useLiveOrder } from '../tracking/live-order';

/** After checkout: one card per store order, each tracking its status live, printable as a receipt. */
export default function ConfirmationPage() {
  const [params] = useSearchParams();
  const orderNumbers = () =>
    String(params.orders ?? '')
      .split(',')
      .filter(Boolean);
  const heading = () =>
    orderNumbers().length > 1 ? `Thank you! You placed ${orderNumbers().length} orders` : 'Thank you! Your order is placed';
  return (
    <div class="receipt">
      <PageHeading text={heading()} />
      <p class="lead">Each store ships its own order. This page follows them and updates by itself as the sellers move them along.</p>
      <For each={orderNumbers()}>{(orderNumber) => <PlacedOrder orderNumber={orderNumber} />}</For>
      <p class="actions no-print">
        <A href="/" class="button primary">
          Continue shopping
        </A>
        <button type="button" class="button" onClick={() => window.print()}>
          Print receipt
        </button>
      </p>
    </div>
  );
}

function PlacedOrder(props: { orderNumber: string }) {
  const tracked = useLiveOrder(() => trackedOrderQuery(props.orderNumber));
  return (
    <article class="order-card" aria-label={`Order ${props.orderNumber}`}>
      <Show when={tracked.data?.order} fallback={<ErrorMessage error={tracked.error} />}>
        {(order) => (
          <>
            <header class="order-card-header">
              <h2>{order().storeName}</h2>
              <p class="muted">
                Order <A href={`/orders/${order().orderNumber}`}>{order().orderNumber}</A> · placed {formatDateTime(order().placedAt)}
              </p>
            </header>
            <ClosedNotice note={order().closedNote} />
            <OrderProgress order={order()} updatedAt={tracked.dataUpdatedAt} />
            <OrderLines order={order()} caption={`Items in order ${order().orderNumber}`} />
            <CancelOrder order={order()} />
          </>
        )}
      </Show>
    </article>
  );
}
