import { A, useParams } from '@solidjs/router';
import { useQueryClient } from '@tanstack/solid-query';
import { createSignal, Show } from 'solid-js';
import { isTerminal, statusLabel } from '../../../workflows/model/order-model';
import { queryKeys, sellerOrderQuery } from '../api/queries';
import { OrderRatingPanel } from '../buyer/SellerRatings';
import { ClosedNotice } from '../components/ClosedNotice';
import { ErrorMessage } from '../components/ErrorMessage';
import { OrderLines } from '../components/OrderLines';
import { OrderTimeline } from '../components/OrderTimeline';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';
import { ShippingAddress } from '../components/ShippingAddress';
import { StatusBadge } from '../components/StatusBadge';
import { TrackingDetails } from '../components/TrackingDetails';
import { UpdatedAgo } from '../components/UpdatedAgo';
import { formatDateTime } from '../lib/dates';
import { useLiveOrder } from '../tracking/live-order';
import { type StatusUpdateResult, UpdateStatusDialog } from './UpdateStatusDialog';
import './seller.css';

export default function SellerOrderPage() {
  const params = useParams<{ orderNumber: string }>();
  const queryClient = useQueryClient();
  const detail = useLiveOrder(() => sellerOrderQuery(params.orderNumber));
  const [dialogOpen, setDialogOpen] = createSignal(false);
  const [savedMessage, setSavedMessage] = createSignal('');
  // Delivered and cancelled orders are final; so is one closed outside its lifecycle (closedNote).
  const isClosed = () => !!detail.data && (isTerminal(detail.data.order.status) || detail.data.order.closedNote !== null);
  // The update returns the new state, so the page shows it at once instead of waiting for a poll.
  const onSaved = (result: StatusUpdateResult) => {
    queryClient.setQueryData(queryKeys.sellerOrder(params.orderNumber), (previous: typeof detail.data) =>
      previous ? { ...previous, order: result.order } : previous,
    );
    void queryClient.invalidateQueries({ queryKey: queryKeys.sellerOrderLists });
    setSavedMessage(`Status changed to ${statusLabel(result.order.status)}.`);
  };
  return (
    <>
      <p class="breadcrumb">
        <A href="/seller">← All orders</A>
      </p>
      <PageHeading text={`Order ${params.orderNumber}`} />
      <p class="visually-hidden" role="status">
        {savedMessage()}
      </p>
      <Show when={detail.data} fallback={<ErrorMessage error={detail.error} />}>
        {(data) => (
          <div class="order-layout customer-first">
            <div class="order-status-bar">
              <p>
                Status: <StatusBadge status={data().order.status} />
              </p>
              <Show
                when={!isClosed()}
                fallback={
                  <Show when={data().order.closedNote === null}>
                    <p class="muted">This order is closed.</p>
                  </Show>
                }
              >
                <button type="button" class="button primary" onClick={() => setDialogOpen(true)}>
                  Update status
                </button>
              </Show>
              <A class="button" href={`/seller/packing-slips?orders=${data().order.orderNumber}`}>
                Print packing slip
              </A>
              {/* Operators' tool: only where the deployment publishes its Temporal UI (docs/deploy.md). */}
              <Show when={data().temporalUrl}>
                {(url) => (
                  <a class="temporal-link" href={url()} target="_blank" rel="noopener noreferrer">
                    Open in Temporal UI<span class="visually-hidden"> (opens in a new tab)</span>
                  </a>
                )}
              </Show>
            </div>
            <ClosedNotice note={data().order.closedNote} />
            <UpdatedAgo at={detail.dataUpdatedAt} final={isClosed()} />
            <p class="muted order-meta">Placed {formatDateTime(data().order.placedAt)}</p>
            {/* Where to ship comes first on a phone; beside the order on a wide screen. */}
            <div class="order-side">
              <ShippingAddress shipping={data().order.shipping} heading="Customer" />
              <OrderRatingPanel orderNumber={data().order.orderNumber} />
            </div>
            <div class="order-main">
              <Panel heading="Items">
                <OrderLines order={data().order} />
              </Panel>
              <TrackingDetails tracking={data().order.tracking} />
              <OrderTimeline timeline={data().order.timeline} />
            </div>
            <Show when={dialogOpen() && !isClosed()}>
              <UpdateStatusDialog order={data().order} onSaved={onSaved} onClose={() => setDialogOpen(false)} />
            </Show>
          </div>
        )}
      </Show>
    </>
  );
}
