import { Match, Switch } from 'solid-js';
import { isTerminal } from '../../../workflows/model/order-model';
import type { BuyerOrder } from '../api/client';
import { formatDeadline } from './deadline';

/**
 * A pending order's automatic-cancellation deadline, from the workflow's view of the order: "If Fashion
 * Store has not confirmed by Sat 28 Nov, 9:53 PM, the order is cancelled automatically." Once the store
 * confirms, a line of the same size says when, so the page does not jump while the buyer reads it.
 */
export function ConfirmDeadline(props: { order: Pick<BuyerOrder, 'deadline' | 'storeName' | 'status' | 'timeline'> }) {
  const deadline = () => (props.order.status === 'pending' ? props.order.deadline : null);
  const confirmed = () => (isTerminal(props.order.status) ? undefined : props.order.timeline.find((entry) => entry.to === 'confirmed'));
  return (
    <Switch>
      <Match when={deadline()}>
        {(due) => (
          <p class="confirm-deadline">
            <span aria-hidden="true">⏰ </span>If <bdi>{props.order.storeName}</bdi> has not confirmed by{' '}
            <time datetime={due().at}>{formatDeadline(due().at)}</time>, the order is cancelled automatically.
          </p>
        )}
      </Match>
      <Match when={confirmed()}>
        {(entry) => (
          <p class="confirm-deadline confirmed-in-time">
            <span aria-hidden="true">✔️ </span>
            <bdi>{props.order.storeName}</bdi> confirmed the order on <time datetime={entry().at}>{formatDeadline(entry().at)}</time>.
          </p>
        )}
      </Match>
    </Switch>
  );
}
