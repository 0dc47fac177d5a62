import { createSignal, For, Show } from 'solid-js';
import { nextStatuses, statusLabel, type OrderStatus } from '../../../workflows/order-model';
import { api, type ApiInputs, type ApiOutputs, type SellerOrder } from '../api/client';
import { fieldErrors } from '../api/errors';
import { useRequestMutation } from '../api/request-mutation';
import { FormDialog } from '../components/FormDialog';
import { FormField } from '../components/FormField';
import { StatusBadge } from '../components/StatusBadge';
import { formText } from '../lib/form';

export type StatusUpdateResult = ApiOutputs['seller']['setStatus'];

/**
 * Offers only the statuses the order may move to next, asking for carrier and tracking number when
 * shipping and a reason when cancelling.
 */
export function UpdateStatusDialog(props: { order: SellerOrder; onSaved: (result: StatusUpdateResult) => void; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  const choices = () => nextStatuses(props.order.status, 'seller');
  const [target, setTarget] = createSignal<OrderStatus | undefined>(choices()[0]);
  const save = useRequestMutation({
    send: (input: ApiInputs['seller']['setStatus']) => api.seller.setStatus.mutate(input),
    onSuccess: (result: StatusUpdateResult) => {
      dialog.close();
      props.onSaved(result);
    },
  });
  const fieldError = (name: string) => fieldErrors(save.mutation.error)[name];
  const onSubmit = (form: HTMLFormElement) => {
    const to = target();
    if (!to) return;
    const details =
      to === 'shipped'
        ? { carrier: formText(form, 'carrier'), trackingNumber: formText(form, 'trackingNumber') }
        : to === 'cancelled'
          ? { note: formText(form, 'note') }
          : {};
    save.submit({ orderNumber: props.order.orderNumber, to, ...details });
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
      submitLabel="Save"
      pendingLabel="Saving…"
      onSubmit={onSubmit}
      onClose={props.onClose}
    >
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
    </FormDialog>
  );
}
