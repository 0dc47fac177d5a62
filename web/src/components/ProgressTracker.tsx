import { For, Show } from 'solid-js';
import { isTerminal, type OrderStatus, PROGRESS_STEPS, STATUS_INFO, statusLabel } from '../../../workflows/model/order-model';
import { StatusEmoji } from '../buyer/StatusEmoji';

type StepState = 'done' | 'current' | 'upcoming';

const STEP_STATE_TEXT: Record<StepState, string> = { done: 'completed', current: 'current step', upcoming: 'not yet' };

function stepState(step: number, current: number, finished: boolean): StepState {
  if (step < current || (step === current && finished)) return 'done';
  return step === current ? 'current' : 'upcoming';
}

/**
 * The five forward steps of an order with the buyer's message for the current status. The status is
 * written out, and each step says in hidden text whether it is done, so colour is never the only cue.
 */
export function ProgressTracker(props: { status: OrderStatus; message?: string | undefined; note?: string | undefined }) {
  const current = () => PROGRESS_STEPS.indexOf(props.status as (typeof PROGRESS_STEPS)[number]);
  const state = (step: number) => stepState(step, current(), isTerminal(props.status));
  return (
    <section class="tracker" classList={{ 'tracker-cancelled': props.status === 'cancelled' }} aria-label="Order progress">
      <p class="tracker-status">
        <StatusEmoji status={props.status} />
        <span role="status">
          Status: <strong>{statusLabel(props.status)}</strong>
        </span>
      </p>
      <Show when={props.status !== 'cancelled'}>
        <ol class="tracker-steps">
          <For each={PROGRESS_STEPS}>
            {(step, index) => (
              <li class={`tracker-step step-${state(index())}`} aria-current={state(index()) === 'current' ? 'step' : undefined}>
                <span class="step-marker" aria-hidden="true">
                  {state(index()) === 'done' ? '✓' : index() + 1}
                </span>
                <span class="step-label">
                  <StatusEmoji status={step} />
                  {statusLabel(step)}
                </span>
                <span class="visually-hidden"> ({STEP_STATE_TEXT[state(index())]})</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
      {/* The store's own message where it set one (kept with the change), else the default. */}
      <p class="tracker-message">{props.message ?? STATUS_INFO[props.status].buyerMessage}</p>
      <Show when={props.note}>
        <p class="tracker-note">{props.note}</p>
      </Show>
    </section>
  );
}
