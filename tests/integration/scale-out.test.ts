// Two worker processes and two API processes share one Temporal server and one database (PGlite, or
// PostgreSQL with TEST_DATABASE_URL). Orders are spread across them; one worker and one API are killed
// mid-run. Clients fail over to the other API with the same idempotency key or request ID, and every
// order still completes exactly once.
import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createApiClient, signedInClient } from '../../scripts/lib/api-client';
import type { ManagedChild } from '../../scripts/lib/child-process';
import { freePorts } from '../../scripts/lib/ports';
import { orderWorkflowId } from '../../workflows/messages';
import { BUYER_PASSWORD, productsOf, SHIPPING } from '../support/fixtures';
import { spawnServiceProcess } from '../support/service-process';
import { startTestStack, type TestStack } from '../support/test-stack';
import { orderHandle, projectedTimeline, stepsTo } from '../support/workflow-helpers';

const ORDERS = 30;
let stack: TestStack;
const processes: ManagedChild[] = [];

beforeAll(async () => {
  stack = await startTestStack({}, { inProcessWorker: false });
});
afterAll(async () => {
  await Promise.all(processes.map((child) => child.stop('SIGKILL')));
  await stack?.stop();
});

/** True for failures a client should retry elsewhere: the API is gone or the backend is unavailable. */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const code = (error.data as { code?: string } | undefined)?.code;
  return code === undefined || code === 'SERVICE_UNAVAILABLE';
}

/** Calls `call` on one API, failing over to the other until it succeeds. */
async function withFailover<T>(pair: [ApiClient, ApiClient], first: number, call: (client: ApiClient) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(pair[(first + attempt) % 2]!);
    } catch (error) {
      if (!isRetryable(error) || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

test('orders complete exactly once across two workers and two APIs when one of each is killed', async () => {
  const [portA, portB] = await freePorts(2);
  const [workerA, workerB, apiA, apiB] = await Promise.all([
    spawnServiceProcess(stack, 'worker'),
    spawnServiceProcess(stack, 'worker'),
    spawnServiceProcess(stack, 'api', { PORT: String(portA) }),
    spawnServiceProcess(stack, 'api', { PORT: String(portB) }),
  ]);
  processes.push(workerA, workerB, apiA, apiB);
  const urls = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];

  // Sessions live in the database, so each user signs in once per API process.
  const email = `scale-${randomUUID()}@test.example`;
  await createApiClient(urls[0]!).auth.register.mutate({ email, name: 'Scale Buyer', password: BUYER_PASSWORD });
  const buyer = (await Promise.all(urls.map((url) => signedInClient(url, email, BUYER_PASSWORD)))) as [ApiClient, ApiClient];
  const seller = (await Promise.all(urls.map((url) => signedInClient(url, 'fashion@seller.test')))) as [ApiClient, ApiClient];
  const [product] = await productsOf(stack.db, 'fashion-store');

  const orderNumbers: string[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const request = { idempotencyKey: randomUUID(), lines: [{ productId: product!.id, quantity: 1 }], shipping: SHIPPING };
    const { orders } = await withFailover(buyer, i, (client) => client.checkout.place.mutate(request));
    orderNumbers.push(orders[0]!.orderNumber);
  }

  let stepsDone = 0;
  const driving = Promise.all(
    orderNumbers.map(async (orderNumber, i) => {
      for (const [s, step] of stepsTo('delivered').entries()) {
        const request = { orderNumber, requestId: randomUUID(), to: step.to, carrier: step.carrier, trackingNumber: step.trackingNumber };
        await withFailover(seller, i + s, (client) => client.seller.setStatus.mutate(request));
        stepsDone++;
      }
    }),
  );
  await expect.poll(() => stepsDone, { timeout: 60_000 }).toBeGreaterThanOrEqual(ORDERS);
  await Promise.all([workerA.stop('SIGKILL'), apiA.stop('SIGKILL')]);
  expect(stepsDone).toBeLessThan(ORDERS * 4);
  await driving;

  for (const orderNumber of orderNumbers) {
    const final = await orderHandle(stack.temporal, orderNumber).result();
    expect(final.timeline.map((entry) => entry.to)).toEqual(['pending', 'confirmed', 'processing', 'shipped', 'delivered']);
    expect(await projectedTimeline(stack.db, orderNumber)).toEqual(final.timeline);
  }
  const me = (await buyer[1].auth.me.query())!;
  expect(await stack.db.order.count({ where: { buyerId: me.id } })).toBe(ORDERS);
  await expect
    .poll(async () => {
      let count = 0;
      for await (const execution of stack.temporal.workflow.list({ query: `BuyerId = "${me.id}"` }))
        count += orderNumbers.includes(execution.workflowId.replace(/^order-/, '')) ? 1 : 0;
      return count;
    })
    .toBe(ORDERS);
  expect(orderNumbers.map(orderWorkflowId)).toHaveLength(new Set(orderNumbers).size);
});
