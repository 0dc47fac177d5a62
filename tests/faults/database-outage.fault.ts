// The database goes down while orders change status, and comes back with its data. Changes sent through
// the API fail with a retryable error and succeed on retry; changes that reach the workflow another way
// (an operator's update or signal) are applied at once, and their projection catches up after the
// restore. Afterwards the projection equals the workflow state.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signedInClient } from '../../scripts/lib/api-client';
import { PROGRESS_STEPS } from '../../workflows/model/order-model';
import { newBuyer, placeOrder } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { OPERATOR, orderHandle, queryOrder, setStatus } from '../support/workflow-helpers';
import { advanceOrder, isRetryable, SELLER_STEPS, withRetries } from './support/api-retry';
import { recordFigures } from './support/figures';
import { auditOrders, expectCleanAudit } from './support/order-audit';
import { expectRetryableRefusal, serverErrors } from './support/outage-probes';
import { type OwnDatabase, startOwnDatabase } from './support/own-database';

let database: OwnDatabase;
let stack: TestStack;
beforeAll(async () => {
  database = await startOwnDatabase();
  stack = await startTestStack({ DATABASE_URL: database.url });
});
afterAll(async () => {
  await stack?.stop();
  await database?.remove();
});

/** The attempt number of the order's running projection activity, 0 when none runs. */
async function projectionAttempt(orderNumber: string): Promise<number> {
  const { raw } = await orderHandle(stack.temporal, orderNumber).describe();
  return raw.pendingActivities?.[0]?.attempt ?? 0;
}

test('status changes during a database outage are applied once, or refused retryably, and projected after the restore', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const buyerId = (await buyer.auth.me.query())!.id;
  const seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  const orderNumbers = await Promise.all(Array.from({ length: 12 }, () => placeOrder(buyer, stack.db)));
  await Promise.all(orderNumbers.map((orderNumber) => advanceOrder(seller, orderNumber, SELLER_STEPS.slice(0, 1))));
  const [inFlight, viaApi, viaUpdate, viaSignal] = [0, 3, 6, 9].map((start) => orderNumbers.slice(start, start + 3)) as [
    string[],
    string[],
    string[],
    string[],
  ];
  const processing = (orderNumber: string) => ({ orderNumber, requestId: randomUUID(), to: 'processing' as const });

  // Changes already on their way through the API when the database stops: each may land either side.
  const inFlightRequests = inFlight.map(processing);
  const inFlightCalls = inFlightRequests.map((request) =>
    seller.seller.setStatus.mutate(request).then(
      () => 'applied',
      (error: unknown) => error,
    ),
  );
  await database.stop();
  // Through the API: refused before anything reaches the workflow, with a retryable error.
  const apiRequests = viaApi.map(processing);
  await Promise.all(apiRequests.map((request) => expectRetryableRefusal(seller.seller.setStatus.mutate(request))));
  await expectRetryableRefusal(buyer.orders.mine.query({}));
  const ready = await fetch(`${stack.apiUrl}/readyz`);
  expect(ready.status).toBe(503);
  expect((await ready.json()).checks).toMatchObject({ temporal: 'ok', database: expect.not.stringMatching(/^ok$/) });

  // Straight to the workflows, as an operator would: applied at once, while the projection keeps failing.
  const updates = viaUpdate.map((orderNumber) => setStatus(stack.temporal, orderNumber, { to: 'processing', actor: OPERATOR }));
  await Promise.all(
    viaSignal.map((orderNumber) => orderHandle(stack.temporal, orderNumber).signal('requestStatus', { to: 'processing', actor: OPERATOR })),
  );
  for (const orderNumber of [...viaUpdate, ...viaSignal]) {
    await expect.poll(() => queryOrder(stack.temporal, orderNumber).then((view) => view.status)).toBe('processing');
    await expect.poll(() => projectionAttempt(orderNumber), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  }

  await database.start();
  for (const view of await Promise.all(updates)) expect(view.status).toBe('processing');
  for (const outcome of await Promise.all(inFlightCalls)) if (outcome !== 'applied') expect(isRetryable(outcome)).toBe(true);
  // The client retries what was refused, with the same request IDs.
  const count = { retries: 0 };
  for (const request of [...inFlightRequests, ...apiRequests]) {
    expect((await withRetries(() => seller.seller.setStatus.mutate(request), count)).order.status).toBe('processing');
  }
  // The rest of the lifecycle runs normally on the restored database.
  await Promise.all(orderNumbers.map((orderNumber) => advanceOrder(seller, orderNumber, SELLER_STEPS.slice(2), count)));

  const audit = await auditOrders(stack, buyerId, new Map(orderNumbers.map((orderNumber) => [orderNumber, PROGRESS_STEPS])));
  recordFigures('database outage', { ordersRun: orderNumbers.length, faultsInjected: 1, clientRetries: count.retries, ...audit });
  expectCleanAudit(audit);
  expect(serverErrors(stack.logs)).toEqual([]);
});
