import { useQueryClient } from '@tanstack/solid-query';
import { createSignal, type JSX, onMount, Show } from 'solid-js';
import { nextStatuses, type OrderStatus } from '../../../workflows/model/order-model';
import type { ApiOutputs, BuyerOrder } from '../api/client';
import { queryKeys } from '../api/queries';
import { useRequestMutation } from '../api/request-mutation';
import { showChangeInMyOrders } from '../buyer/my-orders-cache';

type TrackedOrder = ApiOutputs['orders']['track'];

/** What a buyer's change answers: the order after it. */
interface ChangedOrder {
  order: BuyerOrder;
}

/** What the dialog of a buyer's change reports back. */
export interface OrderChangeHandlers {
  onChanged: (result: ChangedOrder) => void;
  onRefused: () => void;
  onClose: () => void;
}

/**
 * A buyer's change to their own order (cancelling it, "Order received") behind a button, shown while the
 * model lets the buyer move the order `to` that status and the order was not closed outside its
 * lifecycle. A dialog asks once more. The answer updates the tracked order and My Orders at once; a
 * refusal (the seller moved first) refetches the order.
 */
export function BuyerOrderAction(props: {
  order: BuyerOrder;
  to: OrderStatus;
  button: JSX.Element;
  buttonClass: string;
  /** Said where the button was, once the change is made. */
  doneNotice: string;
  onChanged?: () => void;
  dialog: (handlers: OrderChangeHandlers) => JSX.Element;
}) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = createSignal(false);
  const [changedHere, setChangedHere] = createSignal(false);
  const allowed = () => props.order.closedNote === null && nextStatuses(props.order.status, 'buyer').includes(props.to);
  const trackedKey = () => queryKeys.trackedOrder(props.order.orderNumber);
  const onChanged = (result: ChangedOrder) => {
    // A change's answer comes from the workflow, whatever the cached poll was read from.
    queryClient.setQueryData<TrackedOrder>(trackedKey(), { order: result.order, source: 'workflow' });
    showChangeInMyOrders(queryClient, result.order);
    props.onChanged?.();
    setChangedHere(true);
  };
  return (
    <div class="order-actions no-print">
      <Show when={allowed()}>
        <button type="button" class={`button ${props.buttonClass}`} onClick={() => setAsking(true)}>
          {props.button}
        </button>
      </Show>
      <Show when={changedHere()}>
        <DoneNotice text={props.doneNotice} />
      </Show>
      <Show when={asking()}>
        {props.dialog({
          onChanged,
          onRefused: () => void queryClient.invalidateQueries({ queryKey: trackedKey() }),
          onClose: () => setAsking(false),
        })}
      </Show>
    </div>
  );
}

/** Takes the focus from the button that went away, so keyboard and screen-reader users keep their place. */
function DoneNotice(props: { text: string }) {
  let notice!: HTMLParagraphElement;
  onMount(() => notice.focus());
  return (
    <p ref={notice} tabindex="-1" class="notice">
      {props.text}
    </p>
  );
}

/** The request of a change's dialog: it closes the dialog on success and reports the answer. */
export function useOrderChange<Input extends { requestId: string }>(
  send: (input: Input) => Promise<ChangedOrder>,
  handlers: OrderChangeHandlers,
) {
  let dialog: HTMLDialogElement | undefined;
  const change = useRequestMutation({
    send,
    onSuccess: (result: ChangedOrder) => {
      dialog?.close();
      handlers.onChanged(result);
    },
    onRefused: () => handlers.onRefused(),
  });
  return { dialogRef: (element: HTMLDialogElement) => (dialog = element), mutation: change.mutation, submit: change.submit };
}
