import { A, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { trackedOrderQuery } from '../api/queries';
import { useMarkOrderRead } from '../buyer/mark-order-read';
import { OrderReceived } from '../buyer/OrderReceived';
import { PrintableReceipt, PrintReceiptButton } from '../buyer/PrintReceipt';
import { RateOrder } from '../buyer/RateOrder';
import { ClosedNotice } from '../components/ClosedNotice';
import { ErrorMessage } from '../components/ErrorMessage';
import { OrderLines } from '../components/OrderLines';
import { OrderProgress } from '../components/OrderProgress';
import { OrderTimeline } from '../components/OrderTimeline';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';
import { ShippingAddress } from '../components/ShippingAddress';
import { TrackingDetails } from '../components/TrackingDetails';
import { formatDateTime } from '../lib/dates';
import { CancelOrder } from '../orders/CancelOrder';
import { useLiveOrder } from '../tracking/live-order';

export default function OrderPage() {
  const params = useParams<{ orderNumber: string }>();
  const tracked = useLiveOrder(() => trackedOrderQuery(params.orderNumber));
  useMarkOrderRead(
    () => params.orderNumber,
    () => tracked.data?.order.timeline.length,
  );
  return (
    <div class="buyer-order-page">
      <PageHeading text={`Order ${params.orderNumber}`} />
      <Show
        when={tracked.data?.order}
        fallback={
          <>
            <ErrorMessage error={tracked.error} />
            <A href="/orders">Back to My Orders</A>
          </>
        }
      >
        {(order) => (
          <div class="order-layout">
            <p class="muted order-meta">
              <bdi>{order().storeName}</bdi> · placed {formatDateTime(order().placedAt)}
            </p>
            <p class="actions order-page-actions">
              <PrintReceiptButton />
            </p>
            <ClosedNotice note={order().closedNote} />
            <div class="order-main">
              <OrderProgress order={order()} updatedAt={tracked.dataUpdatedAt} />
              <OrderReceived order={order()} />
              <RateOrder orderNumber={order().orderNumber} status={order().status} />
              <TrackingDetails tracking={order().tracking} />
              <OrderTimeline timeline={order().timeline} />
            </div>
            <div class="order-side">
              <Panel heading="Items">
                <OrderLines order={order()} />
              </Panel>
              <ShippingAddress shipping={order().shipping} heading="Shipping to" />
              <CancelOrder order={order()} />
            </div>
            <PrintableReceipt order={order()} />
          </div>
        )}
      </Show>
    </div>
  );
}
