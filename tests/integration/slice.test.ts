// The thin vertical slice: tRPC checkout starts a workflow on the worker, a seller's tRPC call moves
// the order one step, and the buyer's tracking query shows it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signedInClient } from '../../scripts/lib/api-client';
import { orderWorkflowId } from '../../workflows/messages';
import { newBuyer, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

test('a buyer order runs as a workflow that the seller moves and the buyer tracks', async () => {
  const buyer = await newBuyer(stack.apiUrl, 'Slice Buyer');
  const [tee] = await productsOf(stack.db, 'fashion-store');
  const { orders } = await buyer.checkout.place.mutate({
    idempotencyKey: randomUUID(),
    lines: [{ productId: tee!.id, quantity: 2 }],
    shipping: SHIPPING,
  });
  expect(orders).toHaveLength(1);
  const { orderNumber } = orders[0]!;
  expect(orderNumber).toMatch(/^ORD-\d{8}-[0-9A-Z]{6}$/);

  const description = await stack.temporal.workflow.getHandle(orderWorkflowId(orderNumber)).describe();
  expect(description.status.name).toBe('RUNNING');
  expect(description.taskQueue).toBe(stack.taskQueue);

  const tracked = await buyer.orders.track.query({ orderNumber });
  expect(tracked.source).toBe('workflow');
  expect(tracked.order.status).toBe('pending');
  expect(tracked.order.totalCentavos).toBe(tee!.priceCentavos * 2 + tracked.order.shippingCentavos);

  const seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  const updated = await seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'confirmed' });
  expect(updated.order.status).toBe('confirmed');

  const after = await buyer.orders.track.query({ orderNumber });
  expect(after.order.status).toBe('confirmed');
  expect(after.order.timeline.map((entry) => entry.to)).toEqual(['pending', 'confirmed']);
  expect(after.order.timeline[1]!.by.role).toBe('seller');

  // The seller's own list reflects the change at once: the update waited for the projection.
  const list = await seller.seller.orders.query({ status: 'confirmed', search: orderNumber });
  expect(list.items.map((item) => item.orderNumber)).toEqual([orderNumber]);
});
