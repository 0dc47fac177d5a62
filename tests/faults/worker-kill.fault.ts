// A worker process SIGKILLed twice while 100 orders move through their lifecycle, and restarted each
// time: every order is delivered, no timeline has a gap or a duplicate, and the projection equals the
// workflow state.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signedInClient } from '../../scripts/lib/api-client';
import type { ManagedChild } from '../../scripts/lib/child-process';
import { PROGRESS_STEPS } from '../../workflows/model/order-model';
import { newBuyer, placeOrder } from '../support/fixtures';
import { spawnWorkerProcess } from '../support/service-process';
import { startTestStack, type TestStack } from '../support/test-stack';
import { advanceOrder, SELLER_STEPS } from './support/api-retry';
import { recordFigures } from './support/figures';
import { auditOrders, expectCleanAudit } from './support/order-audit';

const ORDERS = 100;
const TOTAL_STEPS = ORDERS * SELLER_STEPS.length;

let stack: TestStack;
let worker: ManagedChild | undefined;
beforeAll(async () => {
  stack = await startTestStack({}, { inProcessWorker: false });
});
afterAll(async () => {
  await worker?.stop('SIGKILL');
  await stack?.stop();
});

test(`${ORDERS} orders are delivered exactly once through two worker crashes`, async () => {
  worker = await spawnWorkerProcess(stack);
  const buyer = await newBuyer(stack.apiUrl);
  const buyerId = (await buyer.auth.me.query())!.id;
  const seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  const orderNumbers = await Promise.all(Array.from({ length: ORDERS }, () => placeOrder(buyer, stack.db)));

  let stepsDone = 0;
  const count = { retries: 0 };
  const driving = Promise.all(orderNumbers.map((orderNumber) => advanceOrder(seller, orderNumber, SELLER_STEPS, count, () => stepsDone++)));
  // Crash the worker a quarter of the way in and again past halfway; a new process takes over each time.
  for (const share of [0.25, 0.6]) {
    await expect.poll(() => stepsDone, { timeout: 60_000 }).toBeGreaterThanOrEqual(TOTAL_STEPS * share);
    await worker.stop('SIGKILL');
    expect(stepsDone).toBeLessThan(TOTAL_STEPS);
    worker = await spawnWorkerProcess(stack);
  }
  await driving;
  expect(stepsDone).toBe(TOTAL_STEPS);

  const audit = await auditOrders(stack, buyerId, new Map(orderNumbers.map((orderNumber) => [orderNumber, PROGRESS_STEPS])));
  recordFigures('worker killed', { ordersRun: ORDERS, faultsInjected: 2, clientRetries: count.retries, ...audit });
  expectCleanAudit(audit);
  const rows = await stack.db.order.findMany({ where: { buyerId }, select: { status: true } });
  expect(rows.map((row) => row.status)).toEqual(Array(ORDERS).fill('delivered'));
});
