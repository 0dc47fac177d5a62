// The order workflow against the real dev server: lifecycle, refusals, buyer cancel, idempotent updates,
// search attributes and the projection.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ActorRole, isTerminal, ORDER_STATUSES, type OrderStatus, TRANSITIONS } from '../../workflows/model/order-model';
import { newBuyer, placeOrder } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import {
  acceptedUpdateCount,
  driveTo,
  OPERATOR,
  orderHandle,
  projectedTimeline,
  queryOrder,
  refusalOf,
  SELLER,
  setStatus,
} from '../support/workflow-helpers';

let stack: TestStack;
let buyer: Awaited<ReturnType<typeof newBuyer>>;
let buyerId: string;

beforeAll(async () => {
  stack = await startTestStack();
  buyer = await newBuyer(stack.apiUrl, 'Lifecycle Buyer');
  buyerId = (await buyer.auth.me.query())!.id;
});
afterAll(() => stack?.stop());

const newOrder = () => placeOrder(buyer, stack.db);
const buyerActor = () => ({ role: 'buyer' as const, id: buyerId, name: 'Lifecycle Buyer' });

/** An order driven to `status` along the happy path (or cancelled from pending). */
async function orderIn(status: OrderStatus): Promise<string> {
  const orderNumber = await newOrder();
  if (status === 'cancelled') await setStatus(stack.temporal, orderNumber, { to: 'cancelled', actor: SELLER, note: 'Out of stock' });
  else if (status !== 'pending') await driveTo(stack.temporal, orderNumber, status);
  return orderNumber;
}

test('happy path: pending → confirmed → processing → shipped → delivered, with timeline, actors and tracking', async () => {
  const orderNumber = await newOrder();
  const started = Date.now();
  const final = await driveTo(stack.temporal, orderNumber, 'delivered');

  expect(final.status).toBe('delivered');
  expect(final.timeline.map((entry) => [entry.from, entry.to, entry.by.role])).toEqual([
    [null, 'pending', 'buyer'],
    ['pending', 'confirmed', 'seller'],
    ['confirmed', 'processing', 'seller'],
    ['processing', 'shipped', 'seller'],
    ['shipped', 'delivered', 'seller'],
  ]);
  expect(final.timeline.map((entry) => entry.seq)).toEqual([0, 1, 2, 3, 4]);
  const times = final.timeline.map((entry) => Date.parse(entry.at));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  expect(times[4]).toBeGreaterThanOrEqual(started - 1000);
  expect(final.tracking).toEqual({ carrier: 'LBC Express', trackingNumber: 'LBC-123456' });
  expect(final.deadline).toBeNull();

  // The workflow completes once the order is terminal, returning the final state.
  const handle = orderHandle(stack.temporal, orderNumber);
  expect((await handle.result()).status).toBe('delivered');
  const description = await handle.describe();
  expect(description.status.name).toBe('COMPLETED');
  expect(description.searchAttributes.OrderStatus).toEqual(['delivered']);

  // The projection equals the workflow's timeline, and the buyer got one notification per change.
  expect(await projectedTimeline(stack.db, orderNumber)).toEqual(final.timeline);
  const row = await stack.db.order.findUniqueOrThrow({ where: { orderNumber }, include: { notifications: true } });
  expect(row).toMatchObject({ status: 'delivered', statusSeq: 4, carrier: 'LBC Express', trackingNumber: 'LBC-123456' });
  expect(row.notifications.map((n) => n.eventSeq).sort()).toEqual([1, 2, 3, 4]);
});

test('a pending order has a confirm deadline and search attributes for operators', async () => {
  const orderNumber = await newOrder();
  const view = await queryOrder(stack.temporal, orderNumber);
  expect(view.status).toBe('pending');
  expect(Date.parse(view.deadline!.at) - Date.parse(view.placedAt)).toBe(stack.env.ORDER_CONFIRM_WITHIN);

  const description = await orderHandle(stack.temporal, orderNumber).describe();
  expect(description.searchAttributes).toMatchObject({ OrderStatus: ['pending'], StoreId: [view.store.id], BuyerId: [buyerId] });
  expect(await description.staticSummary()).toContain(orderNumber);

  // The operators' list filter finds it.
  const query = `OrderStatus = "pending" AND BuyerId = "${buyerId}"`;
  const found: string[] = [];
  for await (const execution of stack.temporal.workflow.list({ query })) found.push(execution.workflowId);
  expect(found).toContain(`order-${orderNumber}`);
});

describe('every transition outside the table is refused with a typed error and leaves no trace', () => {
  const roles: ActorRole[] = ['seller', 'buyer', 'operator'];
  for (const from of ORDER_STATUSES) {
    test(`from ${from}`, async () => {
      const orderNumber = await orderIn(from);
      const acceptedBefore = await acceptedUpdateCount(stack.temporal, orderNumber);
      let refusals = 0;
      for (const role of roles) {
        for (const to of ORDER_STATUSES) {
          const allowed = TRANSITIONS[from][to]?.includes(role);
          if (allowed) continue;
          const actor = role === 'buyer' ? buyerActor() : role === 'seller' ? SELLER : OPERATOR;
          const update = setStatus(stack.temporal, orderNumber, { to, actor, note: 'reason', carrier: 'X', trackingNumber: 'T-1234' });
          if (isTerminal(from)) {
            // A terminal order's workflow has completed: Temporal itself refuses the update.
            await expect(update, `${role}: ${from} → ${to}`).rejects.toBeInstanceOf(WorkflowNotFoundError);
          } else {
            const refusal = await refusalOf(update);
            expect(refusal.type, `${role}: ${from} → ${to}`).toBe(TRANSITIONS[from][to] ? 'NotAllowedForActor' : 'InvalidTransition');
            expect(refusal.message.length).toBeGreaterThan(10);
          }
          refusals++;
        }
      }
      expect(refusals).toBeGreaterThan(0);
      expect((await queryOrder(stack.temporal, orderNumber)).status).toBe(from);
      expect(await acceptedUpdateCount(stack.temporal, orderNumber)).toBe(acceptedBefore);
    });
  }
});

test('shipping needs a carrier and a tracking number; a seller cancel needs a reason', async () => {
  const orderNumber = await orderIn('processing');
  expect((await refusalOf(setStatus(stack.temporal, orderNumber, { to: 'shipped', actor: SELLER }))).type).toBe('MissingTrackingInfo');
  expect(
    (await refusalOf(setStatus(stack.temporal, orderNumber, { to: 'shipped', actor: SELLER, carrier: 'LBC', trackingNumber: '  ' }))).type,
  ).toBe('MissingTrackingInfo');
  expect((await refusalOf(setStatus(stack.temporal, orderNumber, { to: 'cancelled', actor: SELLER }))).type).toBe('MissingCancelReason');
  const cancelled = await setStatus(stack.temporal, orderNumber, { to: 'cancelled', actor: SELLER, note: 'Damaged in the warehouse' });
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.timeline.at(-1)).toMatchObject({
    from: 'processing',
    to: 'cancelled',
    note: 'Damaged in the warehouse',
    by: { role: 'seller' },
  });
});

describe('buyer cancel', () => {
  for (const from of ['pending', 'confirmed'] as const) {
    test(`is allowed while ${from}`, async () => {
      const orderNumber = await orderIn(from);
      const view = await setStatus(stack.temporal, orderNumber, { to: 'cancelled', actor: buyerActor() });
      expect(view.status).toBe('cancelled');
      expect(view.timeline.at(-1)!.by).toEqual(buyerActor());
      expect((await orderHandle(stack.temporal, orderNumber).result()).status).toBe('cancelled');
    });
  }
  for (const [from, type] of [
    ['processing', 'NotAllowedForActor'],
    ['shipped', 'InvalidTransition'],
  ] as const) {
    test(`is refused while ${from}`, async () => {
      const orderNumber = await orderIn(from);
      const refusal = await refusalOf(setStatus(stack.temporal, orderNumber, { to: 'cancelled', actor: buyerActor() }));
      expect(refusal.type).toBe(type);
    });
  }
});

test('a duplicate update ID is applied once and returns the first result', async () => {
  const orderNumber = await newOrder();
  const updateId = randomUUID();
  const request = { to: 'confirmed' as const, actor: SELLER };
  const results = await Promise.all([1, 2, 3].map(() => setStatus(stack.temporal, orderNumber, request, updateId)));
  const again = await setStatus(stack.temporal, orderNumber, request, updateId);
  for (const view of [...results, again]) expect(view.timeline.map((entry) => entry.to)).toEqual(['pending', 'confirmed']);
  expect(await acceptedUpdateCount(stack.temporal, orderNumber)).toBe(1);
  expect(await projectedTimeline(stack.db, orderNumber)).toHaveLength(2);
});

test('an invalid signal is recorded as rejected; a valid one is applied', async () => {
  const orderNumber = await newOrder();
  const handle = orderHandle(stack.temporal, orderNumber);
  await handle.signal('requestStatus', { to: 'shipped', actor: OPERATOR });
  await handle.signal('requestStatus', { to: 'confirmed', actor: OPERATOR, note: 'Confirmed by phone' });
  await expect.poll(async () => (await queryOrder(stack.temporal, orderNumber)).status).toBe('confirmed');
  const view = await queryOrder(stack.temporal, orderNumber);
  expect(view.rejected).toHaveLength(1);
  expect(view.rejected[0]).toMatchObject({ type: 'InvalidTransition', request: { to: 'shipped', actor: OPERATOR } });
  expect(view.timeline.at(-1)).toMatchObject({ to: 'confirmed', by: OPERATOR, note: 'Confirmed by phone' });
  await expect.poll(() => projectedTimeline(stack.db, orderNumber)).toEqual(view.timeline);
});

test('the projection equals the timeline even when the projection activity failed several times first', async () => {
  const orderNumber = await newOrder();
  // A real database fault: a trigger refuses the first three event inserts of this order. The count
  // lives in a sequence, because nextval() survives the rollback of the failed transaction.
  const tag = orderNumber.replaceAll('-', '_').toLowerCase();
  await stack.db.$executeRawUnsafe(`CREATE SEQUENCE fault_${tag}`);
  await stack.db.$executeRawUnsafe(`
    CREATE FUNCTION fail_${tag}() RETURNS trigger AS $$
    BEGIN
      IF NEW."orderId" = (SELECT id FROM "Order" WHERE "orderNumber" = '${orderNumber}') AND nextval('fault_${tag}') <= 3 THEN
        RAISE EXCEPTION 'injected projection fault';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await stack.db.$executeRawUnsafe(`CREATE TRIGGER fail_${tag} BEFORE INSERT ON "OrderEvent" FOR EACH ROW EXECUTE FUNCTION fail_${tag}()`);
  try {
    const final = await driveTo(stack.temporal, orderNumber, 'delivered');
    // The first projection was refused three times; its fourth attempt succeeded.
    const history = await orderHandle(stack.temporal, orderNumber).fetchHistory();
    const attempts = (history.events ?? []).flatMap((event) => event.activityTaskStartedEventAttributes?.attempt ?? []);
    expect(Math.max(...attempts)).toBe(4);
    expect(await projectedTimeline(stack.db, orderNumber)).toEqual(final.timeline);
  } finally {
    await stack.db.$executeRawUnsafe(`DROP TRIGGER fail_${tag} ON "OrderEvent"`);
    await stack.db.$executeRawUnsafe(`DROP FUNCTION fail_${tag}()`);
    await stack.db.$executeRawUnsafe(`DROP SEQUENCE fault_${tag}`);
  }
});
