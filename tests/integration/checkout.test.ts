// Checkout is idempotent and crash-safe: retries and concurrent duplicates give one set of orders with
// one workflow each, and orders committed while Temporal was unreachable get their workflows later.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiServer } from '../../api/server';
import { createLogger } from '../../lib/logger';
import { createApiClient, errorCodeOf } from '../../scripts/lib/api-client';
import { reconcileOrderWorkflows } from '../../worker/reconciler';
import { orderWorkflowId } from '../../workflows/messages';
import { BUYER_PASSWORD, newBuyer, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

async function twoStoreCart() {
  const [tee] = await productsOf(stack.db, 'fashion-store');
  const [cable] = await productsOf(stack.db, 'gadget-hub');
  return [
    { productId: tee!.id, quantity: 1 },
    { productId: cable!.id, quantity: 3 },
  ];
}

async function workflowStatus(orderNumber: string): Promise<string | null> {
  try {
    return (await stack.temporal.workflow.getHandle(orderWorkflowId(orderNumber)).describe()).status.name;
  } catch {
    return null;
  }
}

test('ten concurrent checkouts with one idempotency key give one set of orders, one workflow each', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const request = { idempotencyKey: randomUUID(), lines: await twoStoreCart(), shipping: SHIPPING };
  const results = await Promise.all(Array.from({ length: 10 }, () => buyer.checkout.place.mutate(request)));

  const numbers = results[0]!.orders.map((order) => order.orderNumber).sort();
  expect(numbers).toHaveLength(2);
  for (const result of results) expect(result.orders.map((order) => order.orderNumber).sort()).toEqual(numbers);

  const me = (await buyer.auth.me.query())!;
  expect(await stack.db.checkout.count({ where: { buyerId: me.id } })).toBe(1);
  const rows = await stack.db.order.findMany({ where: { buyerId: me.id } });
  expect(rows.map((row) => row.orderNumber).sort()).toEqual(numbers);
  expect(rows.every((row) => row.workflowStartedAt)).toBe(true);
  for (const orderNumber of numbers) expect(await workflowStatus(orderNumber)).toBe('RUNNING');
  // One workflow per order and no strays: Temporal's own index agrees.
  await expect
    .poll(async () => {
      const ids: string[] = [];
      for await (const execution of stack.temporal.workflow.list({ query: `BuyerId = "${me.id}"` })) ids.push(execution.workflowId);
      return ids.sort();
    })
    .toEqual(numbers.map(orderWorkflowId));
});

test('orders committed while Temporal is unreachable get their workflows on retry, or from the reconciler', async () => {
  // An API process whose Temporal connection goes nowhere: checkout commits the rows, then fails to start.
  // It gives up after two attempts rather than the default ten, to keep the test short.
  const connection = Connection.lazy({
    address: '127.0.0.1:1',
    connectTimeout: 500,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 2 }))],
  });
  const deadTemporal = new Client({ connection, namespace: stack.env.TEMPORAL_NAMESPACE });
  const brokenApi = createApiServer({
    db: stack.db,
    temporal: deadTemporal,
    env: stack.env,
    logger: createLogger({ service: 'api', level: 'silent' }),
  });
  await new Promise<void>((resolve) => brokenApi.listen(0, '127.0.0.1', resolve));
  try {
    const brokenUrl = `http://127.0.0.1:${(brokenApi.address() as AddressInfo).port}`;
    const buyer = await newBuyer(brokenUrl);
    const lines = await twoStoreCart();

    // 1. The client retries with the same key against a healthy API process.
    const retried = { idempotencyKey: randomUUID(), lines, shipping: SHIPPING };
    expect(await errorCodeOf(buyer.checkout.place.mutate(retried))).toBe('SERVICE_UNAVAILABLE');
    const me = (await buyer.auth.me.query())!;
    const stranded = await stack.db.order.findMany({ where: { buyerId: me.id } });
    expect(stranded).toHaveLength(2);
    expect(stranded.every((row) => row.workflowStartedAt === null)).toBe(true);

    const healthy = createApiClient(stack.apiUrl);
    await healthy.auth.login.mutate({ email: me.email, password: BUYER_PASSWORD });
    const { orders } = await healthy.checkout.place.mutate(retried);
    expect(orders.map((order) => order.orderNumber).sort()).toEqual(stranded.map((row) => row.orderNumber).sort());
    for (const order of orders) expect(await workflowStatus(order.orderNumber)).toBe('RUNNING');

    // 2. A client that never comes back: the worker's reconciler starts the workflows.
    expect(await errorCodeOf(buyer.checkout.place.mutate({ idempotencyKey: randomUUID(), lines, shipping: SHIPPING }))).toBe(
      'SERVICE_UNAVAILABLE',
    );
    const abandoned = await stack.db.order.findMany({ where: { buyerId: me.id, workflowStartedAt: null } });
    expect(abandoned).toHaveLength(2);
    for (const row of abandoned) expect(await workflowStatus(row.orderNumber)).toBeNull();
    const reconcile = () =>
      reconcileOrderWorkflows({
        db: stack.db,
        temporal: stack.temporal,
        taskQueue: stack.taskQueue,
        confirmWithinMs: stack.env.ORDER_CONFIRM_WITHIN,
        graceMs: 0,
      });
    expect(await reconcile()).toBeGreaterThanOrEqual(2);
    for (const row of abandoned) expect(await workflowStatus(row.orderNumber)).toBe('RUNNING');
    expect(await stack.db.order.count({ where: { buyerId: me.id, workflowStartedAt: null } })).toBe(0);
    expect(await stack.db.order.count({ where: { buyerId: me.id } })).toBe(4);
  } finally {
    brokenApi.closeAllConnections();
    await new Promise((resolve) => brokenApi.close(resolve));
  }
});
