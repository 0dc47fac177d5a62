import { Show } from 'solid-js';
import type { BuyerOrder } from '../api/client';
import { formatDeadline } from './deadline';

/**
 * A pending order's automatic-cancellation deadline, from the workflow's view of the order: "If Fashion
 * Store has not confirmed by Sat 28 Nov, 9:53 PM, the order is cancelled automatically."
 */
export function ConfirmDeadline(props: { order: Pick<BuyerOrder, 'deadline' | 'storeName' | 'status'> }) {
  return (
    <Show when={props.order.status === 'pending' ? props.order.deadline : null}>
      {(deadline) => (
        <p class="confirm-deadline">
          <span aria-hidden="true">⏰ </span>If <bdi>{props.order.storeName}</bdi> has not confirmed by{' '}
          <time datetime={deadline().at}>{formatDeadline(deadline().at)}</time>, the order is cancelled automatically.
        </p>
      )}
    </Show>
  );
}
