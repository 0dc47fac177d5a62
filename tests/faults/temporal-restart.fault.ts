// The Temporal dev server crashes (SIGKILL) mid-lifecycle and comes back on its persistent database
// file. During the outage the API answers with a retryable error and never a 500; the lists, which come
// from the database, keep working. Afterwards every order is still there and completes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signedInClient } from '../../scripts/lib/api-client';
import { type OrderStatus, PROGRESS_STEPS } from '../../workflows/model/order-model';
import { newBuyer, placeOrder, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { advanceOrder, SELLER_STEPS, withRetries } from './support/api-retry';
import { recordFigures } from './support/figures';
import { auditOrders, expectCleanAudit } from './support/order-audit';
import { expectRetryableRefusal, serverErrors } from './support/outage-probes';
import { type OwnTemporal, startOwnTemporal } from './support/own-temporal';

const DRIVEN = 12;

let temporal: OwnTemporal;
let stack: TestStack;
beforeAll(async () => {
  temporal = await startOwnTemporal();
  stack = await startTestStack({ TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: temporal.namespace });
});
afterAll(async () => {
  await stack?.stop();
  await temporal?.remove();
});

test('orders survive a Temporal crash; the API answers retryably while it is down', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const buyerId = (await buyer.auth.me.query())!.id;
  const seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  const driven = await Promise.all(Array.from({ length: DRIVEN }, () => placeOrder(buyer, stack.db)));
  const waiting = await placeOrder(buyer, stack.db);

  let stepsDone = 0;
  const count = { retries: 0 };
  const driving = Promise.all(driven.map((orderNumber) => advanceOrder(seller, orderNumber, SELLER_STEPS, count, () => stepsDone++)));
  await expect.poll(() => stepsDone, { timeout: 30_000 }).toBeGreaterThanOrEqual(DRIVEN);
  await temporal.stop('SIGKILL');
  expect(stepsDone).toBeLessThan(DRIVEN * SELLER_STEPS.length);

  // While Temporal is down: everything that needs it is refused retryably; lists still answer.
  const confirm = { orderNumber: waiting, requestId: randomUUID(), to: 'confirmed' as const };
  const [product] = await productsOf(stack.db, 'gadget-hub');
  const checkout = { idempotencyKey: randomUUID(), lines: [{ productId: product!.id, quantity: 2 }], shipping: SHIPPING };
  await Promise.all([
    expectRetryableRefusal(seller.seller.setStatus.mutate(confirm)),
    expectRetryableRefusal(seller.seller.order.query({ orderNumber: waiting })),
    expectRetryableRefusal(buyer.orders.track.query({ orderNumber: waiting })),
    expectRetryableRefusal(buyer.orders.cancel.mutate({ orderNumber: waiting, requestId: randomUUID() })),
    expectRetryableRefusal(buyer.checkout.place.mutate(checkout)),
  ]);
  const mine = await buyer.orders.mine.query({ limit: 100 });
  expect(mine.items).toHaveLength(DRIVEN + 2);
  const ready = await fetch(`${stack.apiUrl}/readyz`);
  expect(ready.status).toBe(503);
  expect((await ready.json()).checks).toMatchObject({ database: 'ok', temporal: expect.not.stringMatching(/^ok$/) });

  await temporal.start();
  // The same requests again, as a client retries them: each is applied once.
  await withRetries(() => seller.seller.setStatus.mutate(confirm), count);
  const placed = await withRetries(() => buyer.checkout.place.mutate(checkout), count);
  await driving;

  const expected = new Map<string, readonly OrderStatus[]>(driven.map((orderNumber) => [orderNumber, PROGRESS_STEPS]));
  expected.set(waiting, ['pending', 'confirmed']);
  for (const { orderNumber } of placed.orders) expected.set(orderNumber, ['pending']);
  const audit = await auditOrders(stack, buyerId, expected);
  recordFigures('Temporal restarted', { ordersRun: expected.size, faultsInjected: 1, clientRetries: count.retries, ...audit });
  expectCleanAudit(audit);
  expect(serverErrors(stack.logs)).toEqual([]);
});
