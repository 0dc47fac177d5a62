// The seller's view of ratings: the store's average on the orders page, and the buyer's rating of one
// order on its page. Self-contained, so each page mounts it with one line.

import { useQuery } from '@tanstack/solid-query';
import { Show, Suspense } from 'solid-js';
import { Panel } from '../components/Panel';
import { formatDate } from '../lib/dates';
import { sellerOrderRatingQuery, storeRatingQuery } from './queries';
import { Stars } from './Stars';
import './buyer.css';

/** "Customer rating: ★★★★☆ 4.3 out of 5 from 12 rated orders", or that none is rated yet. */
export function StoreRatingSummary() {
  // Each has its own boundary, so loading a rating never suspends the seller's page around it.
  return (
    <Suspense fallback={null}>
      <StoreRatingLine />
    </Suspense>
  );
}

function StoreRatingLine() {
  const summary = useQuery(storeRatingQuery);
  return (
    <Show when={summary.data}>
      {(data) => (
        <p class="store-rating">
          <strong>Customer rating:</strong>{' '}
          <Show when={data().average} fallback={<span class="muted">no rated orders yet.</span>}>
            {(average) => (
              <>
                <Stars stars={average()} /> <span aria-hidden="true">{average().toFixed(1)} out of 5</span> from {data().count} rated{' '}
                {data().count === 1 ? 'order' : 'orders'}
              </>
            )}
          </Show>
        </p>
      )}
    </Show>
  );
}

/** The buyer's rating and comment of this order, once given. */
export function OrderRatingPanel(props: { orderNumber: string }) {
  return (
    <Suspense fallback={null}>
      <OrderRatingContent orderNumber={props.orderNumber} />
    </Suspense>
  );
}

function OrderRatingContent(props: { orderNumber: string }) {
  const rating = useQuery(() => sellerOrderRatingQuery(props.orderNumber));
  return (
    <Show when={rating.data?.rating}>
      {(given) => (
        <Panel heading="Customer rating">
          <p>
            <Stars stars={given().stars} /> <span aria-hidden="true">{given().stars} out of 5</span>
          </p>
          <Show when={given().comment} fallback={<p class="muted">No comment.</p>}>
            <blockquote class="rating-comment">
              <bdi>{given().comment}</bdi>
            </blockquote>
          </Show>
          <p class="muted">
            Rated {formatDate(given().ratedAt)}
            {given().updatedAt !== given().ratedAt ? `, changed ${formatDate(given().updatedAt)}` : ''}
          </p>
        </Panel>
      )}
    </Show>
  );
}
