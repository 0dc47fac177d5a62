import { createSignal, For, onMount, Show } from 'solid-js';
import { useMutation } from '@tanstack/solid-query';
import { nextStatuses, statusLabel, type OrderStatus } from '../../../workflows/order-model';
import type { OrderView } from '../../../workflows/order-types';
import { api, type ApiInputs, type ApiOutputs } from '../api/client';
import { fieldErrors, isServerAnswer } from '../api/errors';
import { retryUnanswered } from '../api/query-client';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormField } from '../components/FormField';
import { SubmitButton } from '../components/SubmitButton';
import { StatusBadge } from '../components/StatusBadge';
import { formText } from '../lib/form';
import { newUuid } from '../lib/uuid';

export type StatusUpdateResult = ApiOutputs['seller']['setStatus'];

/**
 * A modal dialog (native <dialog>: focus stays inside, Escape closes it) that offers only the statuses
 * the order may move to next, asking for carrier and tracking number when shipping and a reason when
 * cancelling.
 */
export function UpdateStatusDialog(props: { order: OrderView; onSaved: (result: StatusUpdateResult) => void; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  const choices = () => nextStatuses(props.order.status, 'seller');
  const [target, setTarget] = createSignal<OrderStatus | undefined>(choices()[0]);
  // One ID per submission: a double click or a retry of an unanswered request applies once.
  let requestId = newUuid();
  const save = useMutation(() => ({
    mutationFn: (input: ApiInputs['seller']['setStatus']) => api.seller.setStatus.mutate(input),
    retry: retryUnanswered,
    onSuccess: (result: StatusUpdateResult) => {
      props.onSaved(result);
      dialog.close();
    },
    onError: (error: unknown) => {
      // The server has decided on that request; the seller's corrected attempt is a new one.
      if (isServerAnswer(error)) requestId = newUuid();
    },
  }));
  const fieldError = (name: string) => fieldErrors(save.error)[name];
  onMount(() => dialog.showModal());
  const onSubmit = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const to = target();
    if (!to || save.isPending) return;
    const form = event.currentTarget;
    const details =
      to === 'shipped'
        ? { carrier: formText(form, 'carrier'), trackingNumber: formText(form, 'trackingNumber') }
        : to === 'cancelled'
          ? { note: formText(form, 'note') }
          : {};
    save.mutate({ orderNumber: props.order.orderNumber, requestId, to, ...details });
  };
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="update-dialog-title" onClose={() => props.onClose()}>
      <form class="form" onSubmit={onSubmit} novalidate>
        <h2 id="update-dialog-title">Update order {props.order.orderNumber}</h2>
        <p>
          Current status: <StatusBadge status={props.order.status} />
        </p>
        <ErrorMessage error={save.error} fieldsShownInline />
        <fieldset class="status-choices">
          <legend>New status</legend>
          <For each={choices()}>
            {(status) => (
              <label class="choice">
                <input type="radio" name="to" value={status} checked={target() === status} onChange={() => setTarget(status)} />
                {statusLabel(status)}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={target() === 'shipped'}>
          <FormField label="Carrier" name="carrier" required autocomplete="off" error={fieldError('carrier')} />
          <FormField label="Tracking number" name="trackingNumber" required autocomplete="off" error={fieldError('trackingNumber')} />
        </Show>
        <Show when={target() === 'cancelled'}>
          <FormField label="Reason for cancelling" name="note" multiline required hint="The buyer sees this reason." error={fieldError('note')} />
        </Show>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => dialog.close()}>
            Close
          </button>
          <SubmitButton pending={save.isPending} label="Save" pendingLabel="Saving…" />
        </div>
      </form>
    </dialog>
  );
}
