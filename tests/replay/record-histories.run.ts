// Records order workflow histories from real runs into workflows/histories/current/, for the replay
// tests. Run with `npm run record-histories` after a deliberate, compatible change to the workflow; never
// to make a failing replay test pass. Before a change that alters history, first move current/ to a
// folder named after the change, so the histories recorded before it keep being replayed.
// It reuses the test harness (dev server, database, worker, API).

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { orderWorkflowId } from '../../workflows/messages';
import { newBuyer, placeOrder } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { driveTo, OPERATOR, orderHandle, queryOrder, SELLER, setStatus } from '../support/workflow-helpers';

const historiesDir = fileURLToPath(new URL('../../workflows/histories/current', import.meta.url));
let stack: TestStack;
let buyer: Awaited<ReturnType<typeof newBuyer>>;

beforeAll(async () => {
  stack = await startTestStack({ ORDER_CONFIRM_WITHIN: '2s' });
  buyer = await newBuyer(stack.apiUrl, 'Recorded Buyer');
});
afterAll(() => stack?.stop());

async function record(name: string, scenario: (orderNumber: string) => Promise<void>) {
  const orderNumber = await placeOrder(buyer, stack.db);
  await scenario(orderNumber);
  const handle = orderHandle(stack.temporal, orderNumber);
  await handle.result();
  // The CLI's JSON is the standard history format, which the Temporal UI can download too.
  const { temporalCliPath, temporalAddress, namespace } = inject('stack');
  const json = execFileSync(
    temporalCliPath,
    [
      'workflow',
      'show',
      '--workflow-id',
      orderWorkflowId(orderNumber),
      '--output',
      'json',
      '--address',
      temporalAddress,
      '--namespace',
      namespace,
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  mkdirSync(historiesDir, { recursive: true });
  writeFileSync(`${historiesDir}/${name}.json`, json);
}

test('record histories', async () => {
  await record('delivered', async (orderNumber) => {
    await driveTo(stack.temporal, orderNumber, 'delivered');
  });
  await record('duplicate-update-and-refusals', async (orderNumber) => {
    const updateId = randomUUID();
    await setStatus(stack.temporal, orderNumber, { to: 'confirmed', actor: SELLER }, updateId);
    await setStatus(stack.temporal, orderNumber, { to: 'confirmed', actor: SELLER }, updateId);
    await setStatus(stack.temporal, orderNumber, { to: 'delivered', actor: SELLER }).catch(() => {});
    await driveTo(stack.temporal, orderNumber, 'processing').catch(() => {});
    await setStatus(stack.temporal, orderNumber, { to: 'cancelled', actor: SELLER, note: 'Out of stock' });
  });
  await record('operator-signals', async (orderNumber) => {
    const handle = orderHandle(stack.temporal, orderNumber);
    await handle.signal('requestStatus', { to: 'shipped', actor: OPERATOR });
    await handle.signal('requestStatus', { to: 'confirmed', actor: OPERATOR, note: 'Confirmed by phone' });
    await expect.poll(async () => (await queryOrder(stack.temporal, orderNumber)).status).toBe('confirmed');
    const buyerId = (await buyer.auth.me.query())!.id;
    await setStatus(stack.temporal, orderNumber, { to: 'cancelled', actor: { role: 'buyer', id: buyerId, name: 'Recorded Buyer' } });
  });
  await record('auto-cancelled', async () => {});
  await record('malformed-signals', async (orderNumber) => {
    const handle = orderHandle(stack.temporal, orderNumber);
    for (const payload of [
      { to: 'shiped', actor: OPERATOR },
      { to: 'confirmed', actor: { role: 'Operator', name: 'ops' } },
      null,
      'confirmed',
      { to: 'confirmed' },
    ]) {
      await handle.signal('requestStatus', payload as never);
    }
    await expect.poll(async () => (await queryOrder(stack.temporal, orderNumber)).rejected.length).toBe(5);
    await setStatus(stack.temporal, orderNumber, { to: 'cancelled', actor: SELLER, note: 'Cannot ship to this address' });
  });
  await record('temporal-cancellation', async (orderNumber) => {
    await orderHandle(stack.temporal, orderNumber).cancel();
  });
  await record('buyer-asks-delivered-when-shipped', async (orderNumber) => {
    // Before the buyer-confirms-receipt patch this signal is refused and recorded; after it, it is applied.
    await driveTo(stack.temporal, orderNumber, 'shipped');
    const buyerId = (await buyer.auth.me.query())!.id;
    await orderHandle(stack.temporal, orderNumber).signal('requestStatus', {
      to: 'delivered',
      actor: { role: 'buyer', id: buyerId, name: 'Recorded Buyer' },
    });
    await expect
      .poll(async () => {
        const view = await queryOrder(stack.temporal, orderNumber);
        return view.status === 'delivered' || view.rejected.length === 1;
      })
      .toBe(true);
    if ((await queryOrder(stack.temporal, orderNumber)).status !== 'delivered')
      await setStatus(stack.temporal, orderNumber, { to: 'delivered', actor: SELLER });
  });
  await record('buyer-confirms-receipt', async (orderNumber) => {
    await driveTo(stack.temporal, orderNumber, 'shipped');
    const buyerId = (await buyer.auth.me.query())!.id;
    await setStatus(stack.temporal, orderNumber, { to: 'delivered', actor: { role: 'buyer', id: buyerId, name: 'Recorded Buyer' } });
  });
  await record('temporal-cancellation-refused-when-shipped', async (orderNumber) => {
    await driveTo(stack.temporal, orderNumber, 'shipped');
    await orderHandle(stack.temporal, orderNumber).cancel();
    await expect.poll(async () => (await queryOrder(stack.temporal, orderNumber)).rejected.length).toBe(1);
    await setStatus(stack.temporal, orderNumber, { to: 'delivered', actor: SELLER });
  });
});
