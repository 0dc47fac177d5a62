// The confirm timer: a pending order that its seller does not confirm in time is cancelled by the
// system. The deadline is shortened through configuration (ORDER_CONFIRM_WITHIN), not by sleeping.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { autoCancelReason } from '../../workflows/model/order-model';
import { newBuyer, placeOrder } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { orderHandle, projectedTimeline, queryOrder, SELLER, setStatus } from '../support/workflow-helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ ORDER_CONFIRM_WITHIN: '2s' });
});
afterAll(() => stack?.stop());

test('an unconfirmed order is cancelled automatically when its deadline passes', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const orderNumber = await placeOrder(buyer, stack.db);
  const pending = await queryOrder(stack.temporal, orderNumber);
  expect(Date.parse(pending.deadline!.at) - Date.parse(pending.placedAt)).toBe(2000);

  const final = await orderHandle(stack.temporal, orderNumber).result();
  expect(final.status).toBe('cancelled');
  expect(final.timeline.at(-1)).toMatchObject({ from: 'pending', to: 'cancelled', by: { role: 'system' }, note: autoCancelReason(2000) });
  expect(Date.parse(final.timeline.at(-1)!.at)).toBeGreaterThanOrEqual(Date.parse(pending.deadline!.at));
  expect(await projectedTimeline(stack.db, orderNumber)).toEqual(final.timeline);
});

test('a confirmed order is not cancelled when the confirm deadline passes', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const orderNumber = await placeOrder(buyer, stack.db);
  await setStatus(stack.temporal, orderNumber, { to: 'confirmed', actor: SELLER });
  const deadline = Date.parse((await queryOrder(stack.temporal, orderNumber)).placedAt) + 2000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(deadline - Date.now(), 0) + 1500));
  const view = await queryOrder(stack.temporal, orderNumber);
  expect(view.status).toBe('confirmed');
  expect(view.timeline).toHaveLength(2);
});
