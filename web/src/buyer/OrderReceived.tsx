import { createSignal, onMount, Show } from 'solid-js';
import { useQueryClient } from '@tanstack/solid-query';
import { nextStatuses } from '../../../domain/order-model';
import { api, type ApiInputs, type ApiOutputs, type BuyerOrder } from '../api/client';
import { queryKeys } from '../api/queries';
import { useRequestMutation } from '../api/request-mutation';
import { FormDialog } from '../components/FormDialog';
import { showChangeInMyOrders } from './my-orders-cache';
import { buyerKeys } from './queries';

type ReceiptResult = ApiOutputs['orders']['confirmReceipt'];

/**
 * "Order received" on a shipped order: the buyer confirms the parcel arrived, which makes the order
 * delivered. It asks once more, since the step cannot be undone.
 */
export function OrderReceived(props: { order: BuyerOrder }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = createSignal(false);
  const [receivedHere, setReceivedHere] = createSignal(false);
  const canConfirm = () => props.order.closedNote === null && nextStatuses(props.order.status, 'buyer').includes('delivered');
  const trackedKey = () => queryKeys.trackedOrder(props.order.orderNumber);
  const onReceived = (result: ReceiptResult) => {
    queryClient.setQueryData(trackedKey(), result);
    showChangeInMyOrders(queryClient, result.order);
    void queryClient.invalidateQueries({ queryKey: buyerKeys.rating(props.order.orderNumber) });
    setReceivedHere(true);
  };
  return (
    <div class="order-actions no-print">
      <Show when={canConfirm()}>
        <button type="button" class="button primary" onClick={() => setAsking(true)}>
          Order received
        </button>
      </Show>
      <Show when={receivedHere()}>
        <ReceivedNotice />
      </Show>
      <Show when={asking()}>
        <ConfirmReceiptDialog
          orderNumber={props.order.orderNumber}
          onReceived={onReceived}
          onRefused={() => void queryClient.invalidateQueries({ queryKey: trackedKey() })}
          onClose={() => setAsking(false)}
        />
      </Show>
    </div>
  );
}

function ConfirmReceiptDialog(props: { orderNumber: string; onReceived: (result: ReceiptResult) => void; onRefused: () => void; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  const confirm = useRequestMutation({
    send: (input: ApiInputs['orders']['confirmReceipt']) => api.orders.confirmReceipt.mutate(input),
    onSuccess: (result: ReceiptResult) => {
      dialog.close();
      props.onReceived(result);
    },
    onRefused: () => props.onRefused(),
  });
  return (
    <FormDialog
      ref={dialog}
      title={`Did you receive order ${props.orderNumber}?`}
      description="Confirm only once the parcel is in your hands. The order is then marked delivered, and this cannot be undone."
      request={confirm.mutation}
      closeLabel="Not yet"
      submitLabel="Yes, I received it"
      pendingLabel="Saving…"
      onSubmit={() => confirm.submit({ orderNumber: props.orderNumber })}
      onClose={props.onClose}
    />
  );
}

/** Takes the focus from the button that went away, so keyboard and screen-reader users keep their place. */
function ReceivedNotice() {
  let notice!: HTMLParagraphElement;
  onMount(() => notice.focus());
  return (
    <p ref={notice} tabindex="-1" class="notice">
      Thank you! The order is marked delivered.
    </p>
  );
}
