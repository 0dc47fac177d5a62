import { A } from '@solidjs/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import type { OrderStatus } from '../../../workflows/model/order-model';
import { type ApiOutputs, api } from '../api/client';
import { fieldErrors } from '../api/errors';
import { queryKeys, statusMessagesQuery } from '../api/queries';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { formText } from '../lib/form';
import './seller.css';

type StatusMessages = ApiOutputs['seller']['statusMessages'];

/**
 * The store's own words for the message buyers see with each status. A blank field keeps the default,
 * shown under each field. A change applies to status changes from now on; past ones keep what they said.
 */
export default function StatusMessagesPage() {
  const queryClient = useQueryClient();
  const messages = useQuery(statusMessagesQuery);
  const [saved, setSaved] = createSignal('');
  const save = useMutation(() => ({
    mutationFn: (input: { status: OrderStatus; message: string }[]) => api.seller.setStatusMessages.mutate({ messages: input }),
    onSuccess: (result: StatusMessages) => {
      queryClient.setQueryData(queryKeys.statusMessages, result);
      setSaved('Saved. Buyers see these messages with their orders’ next status changes.');
    },
  }));
  const onSubmit = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    setSaved('');
    const form = event.currentTarget;
    save.mutate((messages.data?.messages ?? []).map((entry) => ({ status: entry.status, message: formText(form, entry.status).trim() })));
  };
  const errorFor = (index: number) => fieldErrors(save.error)[`messages.${index}.message`];
  return (
    <>
      <p class="breadcrumb">
        <A href="/seller">← All orders</A>
      </p>
      <PageHeading text="Status messages" />
      <p class="lead-text">
        The message a buyer sees for each status of their order, in the tracker and in their notification. Leave a field blank to use the
        default. A change applies from the next status change; the history keeps what each buyer was told.
      </p>
      <ErrorMessage error={messages.error} />
      <Show when={messages.data}>
        {(data) => (
          <form class="form status-messages-form" onSubmit={onSubmit} novalidate>
            <ErrorMessage error={save.error} fieldsShownInline />
            <For each={data().messages}>
              {(entry, index) => (
                <div class="field">
                  <label for={`message-${entry.status}`}>{entry.label}</label>
                  <p class="field-hint" id={`message-${entry.status}-hint`}>
                    Default: {entry.defaultMessage}
                  </p>
                  <textarea
                    id={`message-${entry.status}`}
                    name={entry.status}
                    rows={2}
                    maxLength={300}
                    placeholder={entry.defaultMessage}
                    aria-describedby={`message-${entry.status}-hint${errorFor(index()) ? ` message-${entry.status}-error` : ''}`}
                    aria-invalid={errorFor(index()) ? true : undefined}
                    value={entry.customMessage ?? ''}
                  />
                  <Show when={errorFor(index())}>
                    <p class="field-error" id={`message-${entry.status}-error`}>
                      {errorFor(index())}
                    </p>
                  </Show>
                </div>
              )}
            </For>
            <p>
              <button type="submit" class="button primary" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save messages'}
              </button>
            </p>
            <p role="status">{saved()}</p>
          </form>
        )}
      </Show>
    </>
  );
}
