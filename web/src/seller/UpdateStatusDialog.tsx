import { createSignal, For, Show } from 'solid-js';
import { nextStatuses, type OrderStatus, statusLabel } from '../../../workflows/model/order-model';
import { type ApiInputs, type ApiOutputs, api } from '../api/client';
import { fieldErrors } from '../api/errors';
import { useRequestMutation } from '../api/request-mutation';
import { FormDialog } from '../components/FormDialog';
import { FormField } from '../components/FormField';
import { StatusBadge } from '../components/StatusBadge';
import { formText } from '../lib/form';
import { ChangeNoteField } from './ChangeNoteField';
import { confirmLabel, consequenceOf, isIrreversible } from './irreversible';

export type StatusUpdateResult = ApiOutputs['seller']['setStatus'];

type Change = Omit<ApiInputs['seller']['setStatus'], 'requestId'>;

/**
 * Offers only the statuses the order may move to next, with nothing chosen in advance; asks for carrier
 * and tracking number when shipping, a reason when cancelling, and takes a note to the buyer on any
 * change. Delivered and Cancelled cannot be undone, so they take a second step that names the order and
 * says what follows.
 */
export function UpdateStatusDialog(props: {
  order: { orderNumber: string; status: OrderStatus };
  onSaved: (result: StatusUpdateResult) => void;
  onClose: () => void;
}) {
  let dialog!: HTMLDialogElement;
  const choices = () => nextStatuses(props.order.status, 'seller');
  const [target, setTarget] = createSignal<OrderStatus | undefined>();
  const [missingTarget, setMissingTarget] = createSignal(false);
  /** The change waiting for the seller's confirmation, for Delivered and Cancelled. */
  const [confirming, setConfirming] = createSignal<Change | undefined>();
  const save = useRequestMutation({
    send: (input: ApiInputs['seller']['setStatus']) => api.seller.setStatus.mutate(input),
    onSuccess: (result: StatusUpdateResult) => {
      dialog.close();
      props.onSaved(result);
    },
    // A refused change (a missing tracking number, say) goes back to the form to be corrected.
    onRefused: () => setConfirming(undefined),
  });
  const fieldError = (name: string) => fieldErrors(save.mutation.error)[name];
  const onSubmit = (form: HTMLFormElement) => {
    const pending = confirming();
    if (pending) return save.submit(pending);
    const to = target();
    if (!to) return setMissingTarget(true);
    const note = formText(form, 'note').trim();
    const change: Change = {
      orderNumber: props.order.orderNumber,
      to,
      ...(note || to === 'cancelled' ? { note } : {}),
      ...(to === 'shipped' ? { carrier: formText(form, 'carrier'), trackingNumber: formText(form, 'trackingNumber') } : {}),
    };
    if (isIrreversible(to) && !(to === 'cancelled' && !note)) return setConfirming(change);
    save.submit(change);
  };
  return (
    <FormDialog
      ref={dialog}
      title={`Update order ${props.order.orderNumber}`}
      description={
        <>
          Current status: <StatusBadge status={props.order.status} />
        </>
      }
      request={save.mutation}
      closeLabel="Close"
      submitLabel={confirming() ? confirmLabel(confirming()!.to) : 'Save'}
      pendingLabel="Saving…"
      destructive={!!confirming()}
      onSubmit={onSubmit}
      onClose={props.onClose}
    >
      {/* The fields stay in the form while the seller confirms, so "Go back" finds them as they were. */}
      <div class="dialog-fields" hidden={!!confirming()}>
        <fieldset class="status-choices" aria-describedby={missingTarget() && !target() ? 'status-choice-error' : undefined}>
          <legend>New status</legend>
          <For each={choices()}>
            {(status) => (
              <label class="choice">
                <input type="radio" name="to" value={status} checked={target() === status} onChange={() => setTarget(status)} />
                {statusLabel(status)}
              </label>
            )}
          </For>
          <Show when={missingTarget() && !target()}>
            <p class="field-error" id="status-choice-error">
              Choose the new status.
            </p>
          </Show>
        </fieldset>
        <Show when={target() === 'shipped'}>
          <FormField label="Carrier" name="carrier" required autocomplete="off" error={fieldError('carrier')} />
          <FormField label="Tracking number" name="trackingNumber" required autocomplete="off" error={fieldError('trackingNumber')} />
        </Show>
        <ChangeNoteField cancelling={target() === 'cancelled'} orders="one" error={fieldError('note')} />
      </div>
      <Show when={confirming()}>
        {(change) => (
          <div class="confirm-step" role="alert">
            <p>
              <strong>
                {change().to === 'delivered' ? `Mark order ${change().orderNumber} as delivered?` : `Cancel order ${change().orderNumber}?`}
              </strong>
            </p>
            <p>{consequenceOf(change().to, 1)}</p>
            <p>
              <button type="button" class="link-button" onClick={() => setConfirming(undefined)}>
                Go back
              </button>
            </p>
          </div>
        )}
      </Show>
    </FormDialog>
  );
}
