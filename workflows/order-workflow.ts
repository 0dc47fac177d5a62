// One durable workflow per seller order. The workflow is the source of truth for the order's status;
// this file only wires messages, the confirm timer and the projection onto OrderState.
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { OrderActivities } from '../worker/activities';
import { getOrderQuery, requestStatusSignal, setStatusUpdate } from './messages';
import { autoCancelReason, isTerminal, statusLabel, type Actor, type StatusChangeRequest } from './order-model';
import { OrderState } from './order-state';
import type { OrderInput, OrderView } from './order-types';
import { orderStatusKey } from './search-attributes';

const { projectTransition } = proxyActivities<OrderActivities>({
  // A projection is a couple of small writes; retry without limit so a database outage is ridden out.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const SYSTEM: Actor = { role: 'system', name: 'Order service' };

export async function orderWorkflow(input: OrderInput): Promise<OrderView> {
  const order = new OrderState(input);
  describe(order);

  async function applyChange(request: StatusChangeRequest): Promise<OrderView> {
    const entry = order.apply(request, new Date());
    upsertSearchAttributes([{ key: orderStatusKey, value: entry.to }]);
    describe(order);
    // Waiting here lets the update's caller read its own change from the projection at once.
    await projectTransition({ orderNumber: input.orderNumber, buyerId: input.buyer.id, entry, tracking: order.tracking });
    return order.view();
  }

  setHandler(getOrderQuery, () => order.view());

  setHandler(setStatusUpdate, applyChange, {
    validator: (request) => {
      const refusal = order.check(request);
      if (refusal) throw ApplicationFailure.create({ type: refusal.type, message: refusal.message, nonRetryable: true });
    },
  });

  setHandler(requestStatusSignal, async (request) => {
    const refusal = order.check(request);
    if (refusal) {
      order.reject(request, refusal, new Date());
      return;
    }
    await applyChange(request);
  });

  const remainingMs = Math.max(Date.parse(input.placedAt) + order.confirmWithinMs - Date.now(), 1);
  const leftPending = await condition(() => order.status !== 'pending', remainingMs);
  if (!leftPending) {
    await applyChange({ to: 'cancelled', actor: SYSTEM, note: autoCancelReason(order.confirmWithinMs) });
  }

  await condition(() => isTerminal(order.status) && allHandlersFinished());
  return order.view();
}

/** The line the Temporal UI shows as the workflow's current details. */
function describe(order: OrderState): void {
  const { orderNumber, store, buyer } = order.input;
  const tracking = order.tracking ? ` · ${order.tracking.carrier} ${order.tracking.trackingNumber}` : '';
  setCurrentDetails(`**${orderNumber}** · ${statusLabel(order.status)} · ${store.name} · buyer ${buyer.name}${tracking}`);
}
