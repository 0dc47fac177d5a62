import { type ApiInputs, api } from '../api/client';
import { fieldErrors } from '../api/errors';
import { FormDialog } from '../components/FormDialog';
import { FormField } from '../components/FormField';
import { formText } from '../lib/form';
import { type OrderChangeHandlers, useOrderChange } from './BuyerOrderAction';

/** Asks the buyer to confirm cancelling, with an optional reason for the seller. */
export function CancelOrderDialog(props: { orderNumber: string } & OrderChangeHandlers) {
  const cancel = useOrderChange((input: ApiInputs['orders']['cancel']) => api.orders.cancel.mutate(input), props);
  const onSubmit = (form: HTMLFormElement) => {
    const note = formText(form, 'note').trim();
    cancel.submit({ orderNumber: props.orderNumber, ...(note ? { note } : {}) });
  };
  return (
    <FormDialog
      ref={cancel.dialogRef}
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
