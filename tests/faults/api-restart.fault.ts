// The API process is killed in the middle of a burst of checkouts: its link to Temporal is cut first,
// so some checkouts have committed their orders and wait to start the workflows, while others are still
// earlier on. The client retries each checkout with its idempotency key against the restarted API and
// gets exactly one set of orders, each with exactly one workflow.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../../lib/free-port';
import { createApiClient } from '../../scripts/lib/api-client';
import type { ManagedChild } from '../../scripts/lib/child-process';
import { BUYER_PASSWORD, newBuyer, productsOf, SHIPPING } from '../support/fixtures';
import { spawnServiceProcess } from '../support/service-process';
import { startTestStack, type TestStack } from '../support/test-stack';
import { isRetryable, withRetries } from './support/api-retry';
import { recordFigures } from './support/figures';
import { auditOrders, expectCleanAudit } from './support/order-audit';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

const CHECKOUTS = 12;

let stack: TestStack;
let proxy: TcpProxy;
const children: ManagedChild[] = [];
beforeAll(async () => {
  stack = await startTestStack();
  const [host, port] = stack.env.TEMPORAL_ADDRESS.split(':');
  proxy = await startTcpProxy({ host: host!, port: Number(port) });
});
afterAll(async () => {
  await Promise.all(children.map((child) => child.stop('SIGKILL')));
  await proxy?.close();
  await stack?.stop();
});

/** The real API process on `port`, reaching Temporal through the proxy. */
async function startApi(port: number): Promise<ManagedChild> {
  const child = await spawnServiceProcess(stack, 'api', { PORT: String(port), TEMPORAL_ADDRESS: proxy.address });
  children.push(child);
  return child;
}

test('checkouts interrupted by an API crash give exactly one set of orders and workflows on retry', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const first = await startApi(port);
  const buyer = await newBuyer(url);
  const buyerId = (await buyer.auth.me.query())!.id;
  const [tee, jeans] = await productsOf(stack.db, 'fashion-store');
  const [cable] = await productsOf(stack.db, 'gadget-hub');
  // Every other cart holds products of two stores, so it becomes two orders.
  const requests = Array.from({ length: CHECKOUTS }, (_, i) => ({
    idempotencyKey: randomUUID(),
    lines: [{ productId: (i % 3 ? tee : jeans)!.id, quantity: 1 + (i % 4) }, ...(i % 2 ? [{ productId: cable!.id, quantity: 1 }] : [])],
    shipping: SHIPPING,
  }));

  proxy.stall();
  const interrupted = requests.map((request) =>
    buyer.checkout.place.mutate(request).then(
      () => null,
      (error: unknown) => error,
    ),
  );
  await expect.poll(() => stack.db.checkout.count({ where: { buyerId } }), { timeout: 30_000 }).toBeGreaterThanOrEqual(CHECKOUTS / 2);
  await first.stop('SIGKILL');
  const errors = await Promise.all(interrupted);
  expect(errors.every(isRetryable)).toBe(true);
  const stranded = await stack.db.order.findMany({ where: { buyerId } });
  expect(stranded.length).toBeGreaterThan(0);
  expect(stranded.every((row) => row.workflowStartedAt === null)).toBe(true);

  proxy.resume();
  const second = await startApi(port);
  const secondLogs: string[] = [];
  createInterface({ input: second.process.stdout! }).on('line', (line) => secondLogs.push(line));
  // The session lives in the database, so the buyer is still signed in; each checkout is retried twice
  // at once, as an impatient client might.
  const count = { retries: 0 };
  const results = await Promise.all(
    requests.flatMap((request) => [1, 2].map(() => withRetries(() => buyer.checkout.place.mutate(request), count))),
  );
  const orderNumbers: string[] = [];
  for (const [i, request] of requests.entries()) {
    const [once, twice] = [results[2 * i]!, results[2 * i + 1]!].map((result) => result.orders.map((order) => order.orderNumber).sort());
    expect(twice).toEqual(once);
    expect(once).toHaveLength(request.lines.length);
    orderNumbers.push(...once!);
  }
  expect(await stack.db.checkout.count({ where: { buyerId } })).toBe(CHECKOUTS);
  expect(await stack.db.order.count({ where: { buyerId, workflowStartedAt: null } })).toBe(0);
  // A second client signing in on the restarted API sees the same orders.
  const again = createApiClient(url);
  await again.auth.login.mutate({ email: (await buyer.auth.me.query())!.email, password: BUYER_PASSWORD });
  expect((await again.orders.mine.query({ limit: 100 })).items.map((item) => item.orderNumber).sort()).toEqual([...orderNumbers].sort());

  const audit = await auditOrders(stack, buyerId, new Map(orderNumbers.map((orderNumber) => [orderNumber, ['pending']])));
  recordFigures('API restarted mid-checkout', {
    ordersRun: orderNumbers.length,
    faultsInjected: 2,
    clientRetries: CHECKOUTS + count.retries,
    ...audit,
  });
  expectCleanAudit(audit);
  expect(secondLogs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
});
