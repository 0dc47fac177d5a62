import { useMutation, useQuery, useQueryClient } from '@tanstack/solid-query';
import { createSignal, For, Show, Suspense } from 'solid-js';
import type { OrderStatus } from '../../../workflows/model/order-model';
import { type ApiInputs, type ApiOutputs, api } from '../api/client';
import { fieldErrors } from '../api/errors';
import { FormDialog } from '../components/FormDialog';
import { FormField } from '../components/FormField';
import { Panel } from '../components/Panel';
import { formatDate } from '../lib/dates';
import { formText } from '../lib/form';
import { buyerKeys, ratingQuery } from './queries';

type RatingResult = ApiOutputs['ratings']['rate'];

/**
 * "Rate & review" on a delivered order: 1–5 stars and an optional comment, from a control named "Rate this
 * order"; the buyer may change it for 30 days. Nothing shows before the order is delivered.
 */
export function RateOrder(props: { orderNumber: string; status: OrderStatus }) {
  // Its own boundary: loading the rating must never suspend the order page around it (focus, dialogs).
  return (
    <Suspense fallback={null}>
      <RateOrderPanel orderNumber={props.orderNumber} status={props.status} />
    </Suspense>
  );
}

function RateOrderPanel(props: { orderNumber: string; status: OrderStatus }) {
  const queryClient = useQueryClient();
  const rating = useQuery(() => ratingQuery(props.orderNumber, props.status));
  const [editing, setEditing] = createSignal(false);
  const [savedHere, setSavedHere] = createSignal(false);
  const onSaved = (result: RatingResult) => {
    queryClient.setQueryData(buyerKeys.ratingOf(props.orderNumber, props.status), result);
    setSavedHere(true);
  };
  const shown = () => rating.data && (rating.data.canRate || rating.data.rating);
  return (
    <Show when={shown() ? rating.data : null}>
      {(data) => (
        <Panel heading="Rate & review" class="no-print">
          <Show
            when={data().rating}
            fallback={<p>Your order has arrived. You can now rate &amp; review it; the store sees your rating.</p>}
          >
            {(given) => (
              <div class="given-rating">
                <p>
                  <span class="stars" aria-hidden="true">
                    {'★'.repeat(given().stars)}
                    {'☆'.repeat(5 - given().stars)}
                  </span>{' '}
                  You rated this order {given().stars} out of 5.
                </p>
                <Show when={given().comment}>
                  <blockquote class="rating-comment">
                    <bdi>{given().comment}</bdi>
                  </blockquote>
                </Show>
                <p class="muted">
                  {data().canRate
                    ? `You can change it until ${formatDate(given().editableUntil)}.`
                    : 'This rating can no longer be changed.'}
                </p>
              </div>
            )}
          </Show>
          <Show when={savedHere()}>
            <p class="notice" role="status">
              Thank you for your rating!
            </p>
          </Show>
          <Show when={data().canRate}>
            <button type="button" class="button" onClick={() => setEditing(true)}>
              {data().rating ? 'Change your rating' : 'Rate this order'}
            </button>
          </Show>
          <Show when={editing()}>
            <RatingDialog orderNumber={props.orderNumber} current={data().rating} onSaved={onSaved} onClose={() => setEditing(false)} />
          </Show>
        </Panel>
      )}
    </Show>
  );
}

function RatingDialog(props: {
  orderNumber: string;
  current: { stars: number; comment: string | null } | null;
  onSaved: (result: RatingResult) => void;
  onClose: () => void;
}) {
  let dialog!: HTMLDialogElement;
  const [starsError, setStarsError] = createSignal('');
  const rate = useMutation(() => ({
    mutationFn: (input: ApiInputs['ratings']['rate']) => api.ratings.rate.mutate(input),
    onSuccess: (result: RatingResult) => {
      dialog.close();
      props.onSaved(result);
    },
  }));
  const onSubmit = (form: HTMLFormElement) => {
    const stars = Number(formText(form, 'stars'));
    if (!stars) {
      setStarsError('Choose from 1 to 5 stars.');
      return;
    }
    setStarsError('');
    // One line, as the shared free-text rules ask: line breaks become spaces.
    const comment = formText(form, 'comment').trim();
    if (!rate.isPending) rate.mutate({ orderNumber: props.orderNumber, stars, comment });
  };
  const errors = () => fieldErrors(rate.error);
  return (
    <FormDialog
      ref={dialog}
      title={`Rate order ${props.orderNumber}`}
      description="How was your order? Your rating and comment are shown to the store."
      request={rate}
      closeLabel="Close"
      submitLabel="Save rating"
      pendingLabel="Saving…"
      onSubmit={onSubmit}
      onClose={props.onClose}
    >
      <fieldset class="star-choice" aria-describedby={starsError() || errors().stars ? 'stars-error' : undefined}>
        <legend>Stars</legend>
        <div class="star-options">
          <For each={[1, 2, 3, 4, 5]}>
            {(stars) => (
              <label class="star-option">
                <input type="radio" name="stars" value={stars} checked={props.current?.stars === stars} />
                <span aria-hidden="true">{'★'.repeat(stars)}</span>
                <span class="visually-hidden">{stars === 1 ? '1 star' : `${stars} stars`}</span>
              </label>
            )}
          </For>
        </div>
        <Show when={starsError() || errors().stars}>
          <p class="field-error" id="stars-error">
            {starsError() || errors().stars}
          </p>
        </Show>
      </fieldset>
      <FormField
        label="Comment (optional)"
        name="comment"
        multiline
        maxlength={1000}
        value={props.current?.comment ?? ''}
        hint="At most 1000 characters."
        error={errors().comment}
      />
    </FormDialog>
  );
}
