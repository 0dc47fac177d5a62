// A worker process killed mid-lifecycle (SIGKILL) and restarted: every order still completes, with no
// lost or duplicated timeline entries, and the projection equals the workflow state.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ManagedChild } from '../../scripts/lib/child-process';
import { newBuyer, placeOrder } from '../support/fixtures';
import { spawnWorkerProcess } from '../support/service-process';
import { startTestStack, type TestStack } from '../support/test-stack';
import { orderHandle, projectedTimeline, setStatus, stepsTo } from '../support/workflow-helpers';

let stack: TestStack;
let worker: ManagedChild | undefined;
beforeAll(async () => {
  stack = await startTestStack({}, { inProcessWorker: false });
});
afterAll(async () => {
  await worker?.stop('SIGKILL');
  await stack?.stop();
});

/** Drives an order to delivered like a client would: each step keeps its request ID across retries. */
async function driveWithRetries(orderNumber: string, onStep: () => void): Promise<void> {
  for (const step of stepsTo('delivered')) {
    const requestId = randomUUID();
    for (let attempt = 0; ; attempt++) {
      try {
        await setStatus(stack.temporal, orderNumber, step, requestId);
        break;
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError || attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    onStep();
  }
}

// A restarted worker bundles its workflows before it polls, which on a busy machine takes most of a minute.
test('orders complete exactly once after the worker is killed and restarted', { timeout: 150_000 }, async () => {
  const ORDERS = 10;
  worker = await spawnWorkerProcess(stack);
  const buyer = await newBuyer(stack.apiUrl);
  const orderNumbers: string[] = [];
  for (let i = 0; i < ORDERS; i++) orderNumbers.push(await placeOrder(buyer, stack.db));

  let stepsDone = 0;
  const driving = Promise.all(orderNumbers.map((orderNumber) => driveWithRetries(orderNumber, () => stepsDone++)));
  // Kill the worker once the orders are well into their lifecycle, then start a new one.
  await expect.poll(() => stepsDone, { timeout: 30_000 }).toBeGreaterThanOrEqual(ORDERS);
  await worker.stop('SIGKILL');
  expect(stepsDone).toBeLessThan(ORDERS * 4);
  worker = await spawnWorkerProcess(stack);
  await driving;

  for (const orderNumber of orderNumbers) {
    const final = await orderHandle(stack.temporal, orderNumber).result();
    expect(final.timeline.map((entry) => entry.to)).toEqual(['pending', 'confirmed', 'processing', 'shipped', 'delivered']);
    expect(final.timeline.map((entry) => entry.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(await projectedTimeline(stack.db, orderNumber)).toEqual(final.timeline);
  }
  const rows = await stack.db.order.findMany({ where: { orderNumber: { in: orderNumbers } } });
  expect(rows.map((row) => row.status)).toEqual(Array(ORDERS).fill('delivered'));
});
