// A buyer and a seller through the real HTTP API: checkout to delivered, My Orders, the seller's table
// with counts and search, order detail, and the buyer's tracking view.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signedInClient } from '../../scripts/lib/api-client';
import { newBuyer, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

test('checkout to delivered through the API', async () => {
  const buyer = await newBuyer(stack.apiUrl, 'Ana Cruz');
  const [cap, jeans] = await productsOf(stack.db, 'fashion-store');
  const [earbuds] = await productsOf(stack.db, 'gadget-hub');

  // One cart, two stores: one order per store, priced from the database.
  const { orders } = await buyer.checkout.place.mutate({
    idempotencyKey: randomUUID(),
    lines: [
      { productId: cap!.id, quantity: 2 },
      { productId: earbuds!.id, quantity: 1 },
      { productId: jeans!.id, quantity: 1 },
    ],
    shipping: { ...SHIPPING, name: 'Ana Cruz' },
  });
  expect(orders.map((order) => order.storeName).sort()).toEqual(['Fashion Store', 'Gadget Hub']);
  const fashionOrder = orders.find((order) => order.storeName === 'Fashion Store')!;
  expect(fashionOrder.itemCount).toBe(3);
  expect(fashionOrder.totalCentavos).toBe(cap!.priceCentavos * 2 + jeans!.priceCentavos + 5_000);

  const mine = await buyer.orders.mine.query({ limit: 10 });
  expect(mine.items.map((item) => item.orderNumber).sort()).toEqual(orders.map((order) => order.orderNumber).sort());
  expect(mine.items.every((item) => item.status === 'pending')).toBe(true);

  const seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  const table = await seller.seller.orders.query({ search: 'Ana Cruz', limit: 50 });
  expect(table.items.map((item) => item.orderNumber)).toContain(fashionOrder.orderNumber);
  expect(table.items.every((item) => item.shipping.name === 'Ana Cruz')).toBe(true);
  expect(table.counts.pending).toBeGreaterThanOrEqual(1);

  const detail = await seller.seller.order.query({ orderNumber: fashionOrder.orderNumber });
  expect(detail.order.shipping).toEqual({ ...SHIPPING, name: 'Ana Cruz' });
  expect(detail.order.items.map((item) => item.name).sort()).toEqual([cap!.name, jeans!.name].sort());
  // No public TEMPORAL_UI_URL in the tests: sellers get no link to the operators' tool (docs/deploy.md).
  expect(detail.temporalUrl).toBeNull();

  const steps = [
    { to: 'confirmed' as const },
    { to: 'processing' as const },
    { to: 'shipped' as const, carrier: 'J&T Express', trackingNumber: 'JT-0099887766' },
    { to: 'delivered' as const },
  ];
  for (const step of steps) {
    const { order } = await seller.seller.setStatus.mutate({ orderNumber: fashionOrder.orderNumber, requestId: randomUUID(), ...step });
    expect(order.status).toBe(step.to);
    // The seller's table reflects the change at once.
    const byStatus = await seller.seller.orders.query({ status: step.to, search: fashionOrder.orderNumber });
    expect(byStatus.items.map((item) => item.orderNumber)).toEqual([fashionOrder.orderNumber]);
  }

  const tracked = await buyer.orders.track.query({ orderNumber: fashionOrder.orderNumber });
  expect(tracked.order.status).toBe('delivered');
  expect(tracked.order.timeline.map((entry) => entry.to)).toEqual(['pending', 'confirmed', 'processing', 'shipped', 'delivered']);
  expect(tracked.order.tracking).toEqual({ carrier: 'J&T Express', trackingNumber: 'JT-0099887766' });

  const notifications = await stack.db.notification.findMany({ where: { order: { orderNumber: fashionOrder.orderNumber } } });
  expect(notifications).toHaveLength(4);
});

test('My Orders pages newest first without gaps or repeats', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const [tee] = await productsOf(stack.db, 'fashion-store');
  const placed: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { orders } = await buyer.checkout.place.mutate({
      idempotencyKey: randomUUID(),
      lines: [{ productId: tee!.id, quantity: 1 }],
      shipping: SHIPPING,
    });
    placed.push(orders[0]!.orderNumber);
  }
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await buyer.orders.mine.query({ limit: 2, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((item) => item.orderNumber));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(seen).toEqual([...placed].reverse());
});

test('a buyer cancels a pending order; the projection and the seller see it', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const [watch] = await productsOf(stack.db, 'gadget-hub');
  const { orders } = await buyer.checkout.place.mutate({
    idempotencyKey: randomUUID(),
    lines: [{ productId: watch!.id, quantity: 1 }],
    shipping: SHIPPING,
  });
  const { orderNumber } = orders[0]!;
  const { order } = await buyer.orders.cancel.mutate({ orderNumber, requestId: randomUUID(), note: 'Ordered by mistake' });
  expect(order.status).toBe('cancelled');
  expect(order.timeline.at(-1)).toMatchObject({ by: { role: 'buyer' }, note: 'Ordered by mistake' });
  const seller = await signedInClient(stack.apiUrl, 'gadgets@seller.test');
  const cancelled = await seller.seller.orders.query({ status: 'cancelled', search: orderNumber });
  expect(cancelled.items).toHaveLength(1);
});
