import { useMutation } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { type OrderStatus, statusLabel } from '../../../workflows/model/order-model';
import { type ApiOutputs, api } from '../api/client';
import { fieldErrors, isServerAnswer } from '../api/errors';
import { retryUnanswered } from '../api/query-client';
import { FormDialog } from '../components/FormDialog';
import { formText } from '../lib/form';
import { newUuid } from '../lib/uuid';
import { ChangeNoteField } from './ChangeNoteField';
import { confirmLabel, consequenceOf, isIrreversible } from './irreversible';

export type BulkMoveResult = ApiOutputs['seller']['bulkSetStatus'];

/**
 * Moves the selected orders to one status. Every order carries its own request ID, made once when the
 * dialog opens, so a retried request moves each order once. The answer lists each order's own result.
 */
export function BulkMoveDialog(props: {
  orderNumbers: string[];
  to: OrderStatus;
  onDone: (result: BulkMoveResult) => void;
  onClose: () => void;
}) {
  let dialog!: HTMLDialogElement;
  const requestIds = new Map(props.orderNumbers.map((orderNumber) => [orderNumber, newUuid()]));
  const [note, setNote] = createSignal<string | undefined>();
  const [result, setResult] = createSignal<BulkMoveResult>();
  const move = useMutation(() => ({
    mutationFn: (input: { note: string | undefined }) =>
      api.seller.bulkSetStatus.mutate({
        to: props.to,
        orders: props.orderNumbers.map((orderNumber) => ({ orderNumber, requestId: requestIds.get(orderNumber)! })),
        ...(input.note !== undefined ? { note: input.note } : {}),
      }),
    retry: retryUnanswered,
    onSuccess: (answer: BulkMoveResult) => {
      setResult(answer);
      props.onDone(answer);
    },
    onError: (error: unknown) => {
      // Refused as a whole (a missing reason, say): nothing moved, so the next try may use new IDs.
      if (isServerAnswer(error)) {
        for (const orderNumber of props.orderNumbers) requestIds.set(orderNumber, newUuid());
        setNote(undefined);
      }
    },
  }));
  const count = props.orderNumbers.length;
  const ordersText = count === 1 ? '1 order' : `${count} orders`;
  const onSubmit = (form: HTMLFormElement) => {
    if (result()) return dialog.close();
    if (move.isPending) return;
    const confirmed = note();
    if (confirmed !== undefined) return move.mutate({ note: confirmed || undefined });
    const typed = formText(form, 'note').trim();
    // Delivered and Cancelled take a second step; a cancel without a reason goes to the server, which
    // says what is missing.
    if (isIrreversible(props.to) && !(props.to === 'cancelled' && !typed)) return setNote(typed);
    move.mutate({ note: typed || (props.to === 'cancelled' ? '' : undefined) });
  };
  const submitLabel = () => (result() ? 'Done' : note() !== undefined ? confirmLabel(props.to, count) : `Move ${ordersText}`);
  return (
    <FormDialog
      ref={dialog}
      title={`Move ${ordersText} to ${statusLabel(props.to)}`}
      description={props.orderNumbers.join(', ')}
      request={move}
      closeLabel="Close"
      submitLabel={submitLabel()}
      pendingLabel="Moving…"
      destructive={note() !== undefined && !result()}
      onSubmit={onSubmit}
      onClose={props.onClose}
    >
      <Show
        when={result()}
        fallback={
          <>
            <div class="dialog-fields" hidden={note() !== undefined}>
              <ChangeNoteField cancelling={props.to === 'cancelled'} orders="several" error={fieldErrors(move.error).note} />
            </div>
            <Show when={note() !== undefined}>
              <div class="confirm-step" role="alert">
                <p>
                  <strong>{props.to === 'delivered' ? `Mark ${ordersText} as delivered?` : `Cancel ${ordersText}?`}</strong>
                </p>
                <p>{consequenceOf(props.to, count)}</p>
                <p>
                  <button type="button" class="link-button" onClick={() => setNote(undefined)}>
                    Go back
                  </button>
                </p>
              </div>
            </Show>
          </>
        }
      >
        {(answer) => (
          <section aria-label="Results" class="bulk-results">
            <p role="status">
              {answer().moved} of {answer().results.length} moved.
            </p>
            <ul>
              <For each={answer().results}>
                {(line) => (
                  <li classList={{ 'result-moved': line.outcome === 'moved', 'result-not-moved': line.outcome !== 'moved' }}>
                    <span aria-hidden="true">{line.outcome === 'moved' ? '✓ ' : '✗ '}</span>
                    {line.message}
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </Show>
    </FormDialog>
  );
}
