import { useQueryClient } from '@tanstack/solid-query';
import { type ApiInputs, api, type BuyerOrder } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { BuyerOrderAction, type OrderChangeHandlers, useOrderChange } from '../orders/BuyerOrderAction';
import { buyerKeys } from './queries';

/**
 * "Order received" on a shipped order: the buyer confirms the parcel arrived, which makes the order
 * delivered. It asks once more, since the step cannot be undone.
 */
export function OrderReceived(props: { order: BuyerOrder }) {
  const queryClient = useQueryClient();
  return (
    <BuyerOrderAction
      order={props.order}
      to="delivered"
      buttonClass="primary"
      button="Order received"
      doneNotice="Thank you! The order is marked delivered."
      // A delivered order may be rated now.
      onChanged={() => void queryClient.invalidateQueries({ queryKey: buyerKeys.rating(props.order.orderNumber) })}
      dialog={(handlers) => <ConfirmReceiptDialog orderNumber={props.order.orderNumber} {...handlers} />}
    />
  );
}

function ConfirmReceiptDialog(props: { orderNumber: string } & OrderChangeHandlers) {
  const confirm = useOrderChange((input: ApiInputs['orders']['confirmReceipt']) => api.orders.confirmReceipt.mutate(input), props);
  return (
    <FormDialog
      ref={confirm.dialogRef}
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
