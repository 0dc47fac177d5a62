import { createSignal, onMount, Show } from 'solid-js';
import { useQueryClient } from '@tanstack/solid-query';
import { nextStatuses } from '../../../domain/order-model';
import type { BuyerOrder } from '../api/client';
import { queryKeys } from '../api/queries';
import { showChangeInMyOrders } from '../buyer/my-orders-cache';
import { CancelOrderDialog, type CancelResult } from './CancelOrderDialog';

/**
 * "Cancel order" while the model lets the buyer cancel (pending or confirmed) and the order was not closed
 * outside its lifecycle (by an operator, say). The answer updates the tracked order in the cache at once;
 * a refusal (the seller started on the order meanwhile) refetches it.
 */
export function CancelOrder(props: { order: BuyerOrder }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = createSignal(false);
  const [cancelledHere, setCancelledHere] = createSignal(false);
  const canCancel = () => props.order.closedNote === null && nextStatuses(props.order.status, 'buyer').includes('cancelled');
  const trackedKey = () => queryKeys.trackedOrder(props.order.orderNumber);
  const onCancelled = (result: CancelResult) => {
    queryClient.setQueryData(trackedKey(), result);
    showChangeInMyOrders(queryClient, result.order);
    setCancelledHere(true);
  };
  return (
    <div class="order-actions no-print">
      <Show when={canCancel()}>
        <button type="button" class="button danger" onClick={() => setAsking(true)}>
          Cancel order<span class="visually-hidden"> {props.order.orderNumber}</span>
        </button>
      </Show>
      <Show when={cancelledHere()}>
        <CancelledNotice />
      </Show>
      <Show when={asking()}>
        <CancelOrderDialog
          orderNumber={props.order.orderNumber}
          onCancelled={onCancelled}
          onRefused={() => void queryClient.invalidateQueries({ queryKey: trackedKey() })}
          onClose={() => setAsking(false)}
        />
      </Show>
    </div>
  );
}

/** Takes the focus from the button that went away, so keyboard and screen-reader users keep their place. */
function CancelledNotice() {
  let notice!: HTMLParagraphElement;
  onMount(() => notice.focus());
  return (
    <p ref={notice} tabindex="-1" class="notice">
      You cancelled this order.
    </p>
  );
}
