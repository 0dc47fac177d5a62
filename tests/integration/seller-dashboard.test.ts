// The seller's day through the real API: bulk moves with one idempotent update per order and a result
// each, a note on any change, the store's own status messages kept with each change, search by phone,
// city and tracking number, deadlines and sorting in the list, packing slips, and the Temporal UI rule.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sellerTemporalUrl } from '../../api/routers/seller';
import { type ApiClient, signedInClient } from '../../scripts/lib/api-client';
import { STATUS_INFO } from '../../workflows/model/order-model';
import { newBuyer, placeOrder, productsOf, SHIPPING } from '../support/fixtures';
import { newStore, type TestStore } from '../support/stores';
import { startTestStack, type TestStack } from '../support/test-stack';
import { acceptedUpdateCount, driveTo } from '../support/workflow-helpers';

let stack: TestStack;
let buyer: ApiClient;
let seller: ApiClient;
let otherSeller: ApiClient;
const tag = randomUUID().slice(0, 8);

beforeAll(async () => {
  stack = await startTestStack();
  buyer = await newBuyer(stack.apiUrl, 'Dashboard Buyer');
  seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  otherSeller = await signedInClient(stack.apiUrl, 'gadgets@seller.test');
});
afterAll(() => stack?.stop());

const placeSome = (count: number, storeSlug = 'fashion-store') =>
  Promise.all(Array.from({ length: count }, () => placeOrder(buyer, stack.db, storeSlug)));
const eventsOf = (orderNumber: string) => stack.db.orderEvent.findMany({ where: { order: { orderNumber } }, orderBy: { seq: 'asc' } });

describe('bulk moves', () => {
  test('each order gets its own update and result; a refused or foreign order blocks none of the others; a retry applies once', async () => {
    const pending = await placeSome(3);
    const delivered = await placeOrder(buyer, stack.db);
    await driveTo(stack.temporal, delivered, 'delivered');
    const foreign = await placeOrder(buyer, stack.db, 'gadget-hub');
    const orders = [...pending, delivered, foreign].map((orderNumber) => ({ orderNumber, requestId: randomUUID() }));

    const first = await seller.seller.bulkSetStatus.mutate({ to: 'confirmed', orders, note: 'Packed this afternoon.' });
    expect(first.moved).toBe(3);
    expect(first.results.map((result) => result.message)).toEqual([
      ...pending.map((orderNumber) => `${orderNumber} moved to Confirmed.`),
      `${delivered} is already delivered and can no longer change.`,
      `${foreign} was not found in your store.`,
    ]);
    expect(first.results.map((result) => result.outcome)).toEqual(['moved', 'moved', 'moved', 'refused', 'not_found']);
    expect(first.results[3]!.status).toBe('delivered');
    expect((await stack.db.order.findUniqueOrThrow({ where: { orderNumber: foreign } })).status).toBe('pending');

    // The same request again (a retry after a lost answer): the same answers, and no second change.
    const retried = await seller.seller.bulkSetStatus.mutate({ to: 'confirmed', orders, note: 'Packed this afternoon.' });
    expect(retried.results.map((result) => result.message)).toEqual(first.results.map((result) => result.message));
    for (const orderNumber of pending) {
      expect(await acceptedUpdateCount(stack.temporal, orderNumber)).toBe(1);
      expect((await eventsOf(orderNumber)).map((event) => [event.to, event.note])).toEqual([
        ['pending', null],
        ['confirmed', 'Packed this afternoon.'],
      ]);
    }

    // A new request for orders already there: each says so in its own words.
    const again = await seller.seller.bulkSetStatus.mutate({
      to: 'confirmed',
      orders: pending.map((orderNumber) => ({ orderNumber, requestId: randomUUID() })),
    });
    expect(again.moved).toBe(0);
    expect(again.results.map((result) => result.message)).toEqual(pending.map((orderNumber) => `${orderNumber} is already confirmed.`));
  });

  test('a bulk cancel needs a reason, and every buyer gets it', async () => {
    const orders = (await placeSome(2)).map((orderNumber) => ({ orderNumber, requestId: randomUUID() }));
    await expect(seller.seller.bulkSetStatus.mutate({ to: 'cancelled', orders })).resolves.toMatchObject({
      moved: 0,
      results: orders.map(({ orderNumber }) => ({
        orderNumber,
        outcome: 'refused',
        message: `${orderNumber}: Give the buyer a reason for cancelling the order.`,
      })),
    });
    const cancelled = await seller.seller.bulkSetStatus.mutate({
      to: 'cancelled',
      orders: orders.map(({ orderNumber }) => ({ orderNumber, requestId: randomUUID() })),
      note: 'Out of stock.',
    });
    expect(cancelled.moved).toBe(2);
    for (const { orderNumber } of orders) {
      const tracked = await buyer.orders.track.query({ orderNumber });
      expect(tracked.order.timeline.at(-1)).toMatchObject({ to: 'cancelled', note: 'Out of stock.' });
    }
  });

  test('100 orders move at once, each with its own result', { timeout: 120_000 }, async () => {
    const many = await placeSome(100);
    const result = await seller.seller.bulkSetStatus.mutate({
      to: 'confirmed',
      orders: many.map((orderNumber) => ({ orderNumber, requestId: randomUUID() })),
    });
    expect(result.moved).toBe(100);
    expect(result.results.map((line) => line.orderNumber)).toEqual(many);
    expect(await stack.db.order.count({ where: { orderNumber: { in: many }, status: 'confirmed' } })).toBe(100);
  });
});

describe('notes and status messages', () => {
  test('a note on any change reaches the buyer’s timeline and notification', async () => {
    const orderNumber = await placeOrder(buyer, stack.db);
    await seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'confirmed', note: 'Your size is in stock.' });
    const tracked = await buyer.orders.track.query({ orderNumber });
    expect(tracked.order.timeline.at(-1)).toMatchObject({
      to: 'confirmed',
      note: 'Your size is in stock.',
      statusMessage: STATUS_INFO.confirmed.buyerMessage,
    });
    const notification = await stack.db.notification.findFirstOrThrow({ where: { order: { orderNumber }, eventSeq: 1 } });
    expect(notification.body).toBe(`${STATUS_INFO.confirmed.buyerMessage} Your size is in stock.`);
  });

  test('the message in force is kept with each change; a later edit changes only later changes; other stores keep theirs', async () => {
    // A store of its own: the seeded stores' messages stay at the defaults other test files expect.
    const store: TestStore = await newStore(stack.db, `Messages ${tag}`);
    const owner = await signedInClient(stack.apiUrl, store.sellerEmail);
    const defaults = await owner.seller.statusMessages.query();
    expect(defaults.messages.map((entry) => [entry.status, entry.customMessage])).toEqual(
      Object.keys(STATUS_INFO).map((status) => [status, null]),
    );
    const first = `Salamat! We are on it (${tag}).`;
    const saved = await owner.seller.setStatusMessages.mutate({ messages: [{ status: 'confirmed', message: first }] });
    expect(saved.messages.find((entry) => entry.status === 'confirmed')).toMatchObject({
      customMessage: first,
      defaultMessage: STATUS_INFO.confirmed.buyerMessage,
    });
    expect((await seller.seller.statusMessages.query()).messages.find((entry) => entry.status === 'confirmed')!.customMessage).toBeNull();

    const before = await placeOrder(buyer, stack.db, store.slug);
    const moved = await owner.seller.setStatus.mutate({ orderNumber: before, requestId: randomUUID(), to: 'confirmed' });
    expect(moved.order.timeline.at(-1)!.statusMessage).toBe(first);

    const second = `Confirmed and queued for packing (${tag}).`;
    await owner.seller.setStatusMessages.mutate({ messages: [{ status: 'confirmed', message: second }] });
    const after = await placeOrder(buyer, stack.db, store.slug);
    await owner.seller.setStatus.mutate({ orderNumber: after, requestId: randomUUID(), to: 'confirmed' });

    // The buyer's tracking (from the workflow) shows what each change said when it happened.
    const trackedBefore = await buyer.orders.track.query({ orderNumber: before });
    expect(trackedBefore.source).toBe('workflow');
    expect(trackedBefore.order.timeline.map((entry) => entry.statusMessage)).toEqual([STATUS_INFO.pending.buyerMessage, first]);
    expect((await buyer.orders.track.query({ orderNumber: after })).order.timeline.at(-1)!.statusMessage).toBe(second);
    expect((await owner.seller.order.query({ orderNumber: before })).order.timeline.at(-1)!.statusMessage).toBe(first);
    expect((await eventsOf(before)).at(-1)!.statusMessage).toBe(first);
    expect((await stack.db.notification.findFirstOrThrow({ where: { order: { orderNumber: before }, eventSeq: 1 } })).body).toBe(first);
    expect((await stack.db.notification.findFirstOrThrow({ where: { order: { orderNumber: after }, eventSeq: 1 } })).body).toBe(second);

    // Another store's orders still say the default.
    const fashion = await placeOrder(buyer, stack.db);
    await seller.seller.setStatus.mutate({ orderNumber: fashion, requestId: randomUUID(), to: 'confirmed' });
    expect((await buyer.orders.track.query({ orderNumber: fashion })).order.timeline.at(-1)!.statusMessage).toBe(
      STATUS_INFO.confirmed.buyerMessage,
    );

    // A blank message brings the default back.
    const reset = await owner.seller.setStatusMessages.mutate({ messages: [{ status: 'confirmed', message: '' }] });
    expect(reset.messages.find((entry) => entry.status === 'confirmed')!.customMessage).toBeNull();
    expect(await stack.db.storeStatusMessage.count({ where: { storeId: store.id } })).toBe(0);
  });
});

describe('the order list', () => {
  test('search finds phone numbers however they are written, cities and tracking numbers, literally', async () => {
    const phoneDigits = String(Date.now()).slice(-7);
    const phone = `+63 918 ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3)}`;
    const city = `Tagaytay ${tag}`;
    const [product] = await productsOf(stack.db, 'fashion-store');
    const placed = await buyer.checkout.place.mutate({
      idempotencyKey: randomUUID(),
      lines: [{ productId: product!.id, quantity: 1 }],
      shipping: { ...SHIPPING, phone, city },
    });
    const orderNumber = placed.orders[0]!.orderNumber;
    const shipped = await placeOrder(buyer, stack.db);
    await driveTo(stack.temporal, shipped, 'processing');
    const trackingNumber = `JNT-${tag.toUpperCase()}`;
    await seller.seller.setStatus.mutate({
      orderNumber: shipped,
      requestId: randomUUID(),
      to: 'shipped',
      carrier: 'J&T Express',
      trackingNumber,
    });

    const found = async (search: string) =>
      (await seller.seller.orders.query({ search, limit: 100 })).items.map((item) => item.orderNumber);
    for (const search of [
      phone,
      `0918${phoneDigits}`,
      `918-${phoneDigits.slice(0, 3)}-${phoneDigits.slice(3)}`,
      `918 ${phoneDigits.slice(0, 3)}`,
    ]) {
      expect(await found(search), search).toContain(orderNumber);
    }
    expect(await found(city)).toEqual([orderNumber]);
    expect(await found(city.toUpperCase())).toEqual([orderNumber]);
    expect(await found(trackingNumber.toLowerCase())).toEqual([shipped]);
    const row = (await seller.seller.orders.query({ search: trackingNumber })).items[0]!;
    expect(row).toMatchObject({ orderNumber: shipped, trackingNumber, confirmBy: null });
    // Literal: a wildcard finds nothing it does not contain, in the new fields too.
    expect(await found(`Tagaytay_${tag}`)).toEqual([]);
    expect(await otherSeller.seller.orders.query({ search: city })).toMatchObject({ items: [], counts: { all: 0 } });
  });

  test('pending orders carry their confirmation deadline, and the Pending tab sorts by time left', async () => {
    const [older, newer] = [await placeOrder(buyer, stack.db), await placeOrder(buyer, stack.db)];
    const list = await seller.seller.orders.query({ status: 'pending', limit: 100 });
    const rowOf = (orderNumber: string) => list.items.find((item) => item.orderNumber === orderNumber)!;
    const tracked = await buyer.orders.track.query({ orderNumber: older });
    // The list computes the deadline as the workflow does: placed + ORDER_CONFIRM_WITHIN.
    expect(rowOf(older).confirmBy).toBe(tracked.order.deadline!.at);
    expect(Date.parse(rowOf(older).confirmBy!) - Date.parse(rowOf(older).placedAt)).toBe(stack.env.ORDER_CONFIRM_WITHIN);

    const byDeadline = await seller.seller.orders.query({ status: 'pending', sort: 'deadline', limit: 100 });
    const deadlines = byDeadline.items.map((item) => Date.parse(item.confirmBy!));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    const newest = await seller.seller.orders.query({ status: 'pending', limit: 100 });
    expect(newest.items.findIndex((item) => item.orderNumber === newer)).toBeLessThan(
      newest.items.findIndex((item) => item.orderNumber === older),
    );
    // Pages follow the sort: the second page continues where the first ended.
    const page1 = await seller.seller.orders.query({ status: 'pending', sort: 'deadline', limit: 2 });
    const page2 = await seller.seller.orders.query({ status: 'pending', sort: 'deadline', limit: 2, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((item) => item.orderNumber)).toEqual(
      byDeadline.items.slice(0, 4).map((item) => item.orderNumber),
    );
  });
});

test('packing slips: who, where and what, without prices, only for the store’s own orders, in the order asked', async () => {
  const [product] = await productsOf(stack.db, 'fashion-store');
  const first = await placeOrder(buyer, stack.db, 'fashion-store', 3);
  const second = await placeOrder(buyer, stack.db);
  const foreign = await placeOrder(buyer, stack.db, 'gadget-hub');
  const { slips } = await seller.seller.packingSlips.query({ orderNumbers: [second, foreign, first] });
  expect(slips.map((slip) => slip.orderNumber)).toEqual([second, first]);
  expect(slips[1]).toEqual({
    orderNumber: first,
    placedAt: expect.any(String),
    storeName: 'Fashion Store',
    shipping: SHIPPING,
    items: [{ name: product!.name, quantity: 3 }],
    itemCount: 3,
  });
  expect(JSON.stringify(slips)).not.toMatch(/centavos|price|total/i);
  expect((await otherSeller.seller.packingSlips.query({ orderNumbers: [first, second] })).slips).toEqual([]);
});

test('sellers get no Temporal UI link unless TEMPORAL_UI_URL names a public address', async () => {
  const orderNumber = await placeOrder(buyer, stack.db);
  expect(stack.env.TEMPORAL_UI_URL).toBeUndefined();
  expect((await seller.seller.order.query({ orderNumber })).temporalUrl).toBeNull();
  const env = { TEMPORAL_NAMESPACE: 'orders' };
  for (const local of ['http://127.0.0.1:8233', 'http://localhost:8233', 'http://[::1]:8233', 'http://0.0.0.0:8233']) {
    expect(sellerTemporalUrl({ ...env, TEMPORAL_UI_URL: local }, orderNumber), local).toBeNull();
  }
  expect(sellerTemporalUrl({ ...env, TEMPORAL_UI_URL: 'https://temporal.shop.example/' }, orderNumber)).toBe(
    `https://temporal.shop.example/namespaces/orders/workflows/order-${orderNumber}`,
  );
});
