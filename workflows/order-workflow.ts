// One durable workflow per seller order. The workflow is the source of truth for the order's status;
// this file only wires messages, the confirm timer, operator cancellation and the projection onto
// OrderState.
import {
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { OrderActivities } from '../worker/activities';
import { parseOrderInput, parseStatusChange } from './message-schemas';
import { getOrderQuery, requestStatusSignal, setStatusUpdate } from './messages';
import {
  type Actor,
  autoCancelReason,
  isTerminal,
  type StatusChangeRequest,
  statusLabel,
  type TransitionRefusal,
} from './model/order-model';
import type { OrderInput, OrderView } from './model/order-types';
import { OrderState } from './order-state';
import { orderStatusKey } from './search-attributes';

// A projection is a couple of small writes; retry without limit so a database outage is ridden out.
const PROJECTION_OPTIONS = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
} as const;
const { projectTransition, syncProjection } = proxyActivities<OrderActivities>(PROJECTION_OPTIONS);

const SYSTEM: Actor = { role: 'system', name: 'Order service' };

/** Who a Temporal cancellation request (the UI's "Request Cancellation", `temporal workflow cancel`) comes from. */
const CANCELLATION_ACTOR: Actor = { role: 'operator', name: 'Temporal cancellation request' };
const CANCELLATION_NOTE = 'Cancelled by an operator.';

/**
 * Orders started before this patch ran without parsing their messages and let a Temporal cancellation
 * end the workflow. They keep that behaviour so their histories replay; every newer order parses each
 * message and turns a cancellation request into the model's operator cancel.
 */
export const OPERATOR_SAFE_PATCH = 'operator-safe-messages';

/**
 * Orders started before this patch refuse a buyer's shipped → delivered ("Order received") and record a
 * signal asking for it as refused; newer orders apply it (the model's `buyerConfirmsReceipt` rule).
 */
export const BUYER_CONFIRMS_RECEIPT_PATCH = 'buyer-confirms-receipt';

export async function orderWorkflow(rawInput: OrderInput): Promise<OrderView> {
  const operatorSafe = patched(OPERATOR_SAFE_PATCH);
  const buyerConfirmsReceipt = patched(BUYER_CONFIRMS_RECEIPT_PATCH);
  const input = operatorSafe ? parseInput(rawInput) : rawInput;
  const order = new OrderState(input, { buyerConfirmsReceipt });
  let cancellationRequested = false;
  // While a reset run rewrites the projection, transitions wait so they are projected after it.
  let projectionSyncing = false;
  describe(order);

  /** Runs `fn` so that a Temporal cancellation request cannot abort it half-way. */
  const shielded = <T>(fn: () => Promise<T>): Promise<T> => (operatorSafe ? CancellationScope.nonCancellable(fn) : fn());

  async function applyChange(request: StatusChangeRequest): Promise<OrderView> {
    const entry = order.apply(request, new Date());
    upsertSearchAttributes([{ key: orderStatusKey, value: entry.to }]);
    describe(order);
    // Waiting here lets the update's caller read its own change from the projection at once.
    await shielded(async () => {
      if (projectionSyncing) await condition(() => !projectionSyncing);
      await projectTransition({ orderNumber: input.orderNumber, buyerId: input.buyer.id, entry, tracking: order.tracking });
    });
    return order.view();
  }

  /** Applies a change the model allows, or records why it was refused; `raw` is the request as sent. */
  async function requestChange(raw: unknown, request: StatusChangeRequest): Promise<void> {
    const refusal = order.check(request);
    if (refusal) order.reject(raw, refusal, new Date());
    else await applyChange(request);
  }

  setHandler(getOrderQuery, () => order.view());

  setHandler(
    setStatusUpdate,
    // The validator has parsed the request; a history recorded before parsing replays its request as sent.
    (request) => applyChange(parseRequest(request) ?? request),
    {
      validator: (request) => {
        const parsed = parseStatusChange(request);
        if (!parsed.ok) throw ApplicationFailure.create({ type: 'MalformedRequest', message: parsed.message, nonRetryable: true });
        const refusal = order.check(parsed.value);
        if (refusal) throw ApplicationFailure.create({ type: refusal.type, message: refusal.message, nonRetryable: true });
      },
    },
  );

  setHandler(requestStatusSignal, async (raw) => {
    const parsed = parseStatusChange(raw);
    const malformed: TransitionRefusal = {
      type: 'MalformedRequest',
      message: parsed.ok ? 'The status change could not be applied.' : parsed.message,
    };
    if (operatorSafe) return parsed.ok ? requestChange(raw, parsed.value) : order.reject(raw, malformed, new Date());
    // Before the patch the raw request was used as sent, and a malformed one threw a TypeError that
    // failed every later workflow task. Such a task left no commands in the history, so refusing the
    // request now unwedges the order without breaking the replay of what it did record.
    const request = raw as StatusChangeRequest;
    let refusal: TransitionRefusal | null;
    try {
      refusal = order.check(request);
    } catch {
      refusal = malformed;
    }
    if (refusal) return order.reject(raw, refusal, new Date());
    try {
      await applyChange(request);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      order.reject(raw, malformed, new Date());
    }
  });

  if (operatorSafe) {
    CancellationScope.current().cancelRequested.catch(() => {
      cancellationRequested = true;
    });
  }

  watchForReset(order, {
    begin: () => {
      projectionSyncing = true;
    },
    end: () => {
      projectionSyncing = false;
    },
  });

  /** An operator's Temporal cancellation request, applied through the model like any other change. */
  async function applyCancellationRequest(): Promise<void> {
    cancellationRequested = false;
    const request: StatusChangeRequest = { to: 'cancelled', actor: CANCELLATION_ACTOR, note: CANCELLATION_NOTE };
    await requestChange(request, request);
  }

  if (!operatorSafe) {
    const remainingMs = Math.max(Date.parse(input.placedAt) + order.confirmWithinMs - Date.now(), 1);
    const leftPending = await condition(() => order.status !== 'pending', remainingMs);
    if (!leftPending) {
      await applyChange({ to: 'cancelled', actor: SYSTEM, note: autoCancelReason(order.confirmWithinMs) });
    }
    await condition(() => isTerminal(order.status) && allHandlersFinished() && !projectionSyncing);
    return order.view();
  }

  return CancellationScope.nonCancellable(async () => {
    const deadline = Date.parse(input.placedAt) + order.confirmWithinMs;
    while (order.status === 'pending') {
      const woke = await condition(() => order.status !== 'pending' || cancellationRequested, Math.max(deadline - Date.now(), 1));
      if (cancellationRequested) await applyCancellationRequest();
      else if (!woke) await applyChange({ to: 'cancelled', actor: SYSTEM, note: autoCancelReason(order.confirmWithinMs) });
    }
    for (;;) {
      await condition(() => (isTerminal(order.status) && allHandlersFinished() && !projectionSyncing) || cancellationRequested);
      if (!cancellationRequested) return order.view();
      await applyCancellationRequest();
    }
  });
}

function parseInput(rawInput: OrderInput): OrderInput {
  const parsed = parseOrderInput(rawInput);
  // Fails the workflow (not just its task): an order that cannot be read cannot be fulfilled.
  if (!parsed.ok) throw ApplicationFailure.create({ type: 'MalformedOrderInput', message: parsed.message, nonRetryable: true });
  return parsed.value;
}

function parseRequest(request: unknown): StatusChangeRequest | undefined {
  const parsed = parseStatusChange(request);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * A reset from the Temporal UI or CLI starts a new run that replays the old history up to the reset
 * point, so the projection may hold transitions this run has dropped. Once such a run is live, it
 * rewrites the projection to its own state. A reset run is told apart by its run ID, which differs from
 * the one its copied start event recorded. "Once live" is made deterministic by a patch named after the
 * history length: its marker is recorded by the first live workflow task and found at that same task
 * whenever the history is replayed. The history of a run reset from a reset run holds that run's sync
 * too; the sync answers with the run ID that asked for it, so a copied sync is told from this run's own.
 */
function watchForReset(order: OrderState, syncing: { begin(): void; end(): void }): void {
  const { runId, originalExecutionRunId } = workflowInfo();
  if (runId === originalExecutionRunId) return;
  void CancellationScope.nonCancellable(async () => {
    for (;;) {
      await condition(() => patched(`projection-follows-reset-${workflowInfo().historyLength}`));
      syncing.begin();
      const synced = await syncProjection({
        runId,
        orderNumber: order.input.orderNumber,
        timeline: order.view().timeline,
        tracking: order.tracking,
      });
      syncing.end();
      if (synced.runId === runId) return;
    }
  });
}

/** The line the Temporal UI shows as the workflow's current details. */
function describe(order: OrderState): void {
  const { orderNumber, store, buyer } = order.input;
  const tracking = order.tracking ? ` · ${order.tracking.carrier} ${order.tracking.trackingNumber}` : '';
  setCurrentDetails(`**${orderNumber}** · ${statusLabel(order.status)} · ${store.name} · buyer ${buyer.name}${tracking}`);
}
