import { api, type ApiInputs, type ApiOutputs } from '../api/client';
import { fieldErrors } from '../api/errors';
import { useRequestMutation } from '../api/request-mutation';
import { FormDialog } from '../components/FormDialog';
import { FormField } from '../components/FormField';
import { formText } from '../lib/form';

export type CancelResult = ApiOutputs['orders']['cancel'];

/** Asks the buyer to confirm cancelling, with an optional reason for the seller. */
export function CancelOrderDialog(props: {
  orderNumber: string;
  onCancelled: (result: CancelResult) => void;
  onRefused: () => void;
  onClose: () => void;
}) {
  let dialog!: HTMLDialogElement;
  const cancel = useRequestMutation({
    send: (input: ApiInputs['orders']['cancel']) => api.orders.cancel.mutate(input),
    onSuccess: (result: CancelResult) => {
      dialog.close();
      props.onCancelled(result);
    },
    onRefused: () => props.onRefused(),
  });
  const onSubmit = (form: HTMLFormElement) => {
    const note = formText(form, 'note').trim();
    cancel.submit({ orderNumber: props.orderNumber, ...(note ? { note } : {}) });
  };
  return (
    <FormDialog
      ref={dialog}
      title={`Cancel order ${props.orderNumber}?`}
      description="The seller will not send it, and a cancelled order cannot be reopened."
      request={cancel.mutation}
      closeLabel="Keep order"
      submitLabel="Cancel order"
      pendingLabel="Cancelling…"
      destructive
      onSubmit={onSubmit}
      onClose={props.onClose}
    >
      <FormField
        label="Reason (optional)"
        name="note"
        multiline
        maxlength={500}
        hint="The seller sees this reason."
        error={fieldErrors(cancel.mutation.error).note}
      />
    </FormDialog>
  );
}
