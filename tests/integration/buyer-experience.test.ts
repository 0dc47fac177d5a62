// The buyer's side between checkout and a received parcel, through the real API, workflows and database:
// notifications of other people's changes, "Order received", and rating a delivered order.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notificationText } from '../../api/notifications/notification-text';
import { type ApiClient, errorCodeOf, signedInClient } from '../../scripts/lib/api-client';
import { newBuyer, placeOrder } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { driveTo } from '../support/workflow-helpers';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
let stack: TestStack;
let seller: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
});
afterAll(() => stack?.stop());

const sellerMoves = (orderNumber: string, to: 'confirmed' | 'processing' | 'shipped' | 'delivered', extra: Record<string, string> = {}) =>
  seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to, ...extra });

describe('notifications', () => {
  test('the buyer reads the store’s changes newest first, as sentences, and only their own', async () => {
    const ana = await newBuyer(stack.apiUrl, 'Ana');
    const ben = await newBuyer(stack.apiUrl, 'Ben');
    const orderNumber = await placeOrder(ana, stack.db);
    const bensOrder = await placeOrder(ben, stack.db);
    expect(await ana.notifications.list.query()).toEqual({ items: [], unreadCount: 0 });

    await sellerMoves(orderNumber, 'confirmed');
    await sellerMoves(orderNumber, 'processing');
    await sellerMoves(orderNumber, 'shipped', { carrier: 'LBC Express', trackingNumber: 'LBC-55501' });
    await sellerMoves(bensOrder, 'confirmed');

    const list = await ana.notifications.list.query();
    expect(list.unreadCount).toBe(3);
    expect(list.items.map((item) => [item.status, item.text, item.read])).toEqual([
      ['shipped', `${orderNumber} is on its way: LBC Express LBC-55501`, false],
      ['processing', `Fashion Store is preparing ${orderNumber}.`, false],
      ['confirmed', `${orderNumber} was confirmed by Fashion Store.`, false],
    ]);
    const tracked = await ana.orders.track.query({ orderNumber });
    expect(list.items.map((item) => item.at)).toEqual(
      tracked.order.timeline
        .slice(1)
        .reverse()
        .map((entry) => entry.at),
    );
    expect(JSON.stringify(list)).not.toMatch(UUID);
    expect((await ana.notifications.list.query({ limit: 1 })).items.map((item) => item.seq)).toEqual([3]);

    // Ben sees his own order only, and cannot mark Ana's read.
    const bens = await ben.notifications.list.query();
    expect(bens.items.map((item) => item.orderNumber)).toEqual([bensOrder]);
    expect(await errorCodeOf(ben.notifications.markOrderRead.mutate({ orderNumber }))).toBe('NOT_FOUND');
    await ben.notifications.markAllRead.mutate({ until: new Date().toISOString() });
    expect((await ana.notifications.list.query()).unreadCount).toBe(3);
    expect((await ben.notifications.list.query()).unreadCount).toBe(0);
  });

  test('"Mark all as read" marks what the buyer saw; a later change stays unread; opening an order reads its own', async () => {
    const buyer = await newBuyer(stack.apiUrl);
    const first = await placeOrder(buyer, stack.db);
    const second = await placeOrder(buyer, stack.db);
    await sellerMoves(first, 'confirmed');
    const seen = await buyer.notifications.list.query();
    expect(seen.unreadCount).toBe(1);
    await sellerMoves(second, 'confirmed');
    expect(await buyer.notifications.markAllRead.mutate({ until: seen.items[0]!.at })).toEqual({ unreadCount: 1 });
    const after = await buyer.notifications.list.query();
    expect(after.items.map((item) => [item.orderNumber, item.read])).toEqual([
      [second, false],
      [first, true],
    ]);
    expect(await buyer.notifications.markOrderRead.mutate({ orderNumber: second })).toEqual({ unreadCount: 0 });
  });

  test('the buyer’s own actions are not notified; a cancellation gives its reason', async () => {
    const buyer = await newBuyer(stack.apiUrl);
    const cancelledByBuyer = await placeOrder(buyer, stack.db);
    await buyer.orders.cancel.mutate({ orderNumber: cancelledByBuyer, requestId: randomUUID(), note: 'Changed my mind' });
    const cancelledBySeller = await placeOrder(buyer, stack.db);
    await seller.seller.setStatus.mutate({
      orderNumber: cancelledBySeller,
      requestId: randomUUID(),
      to: 'cancelled',
      note: 'Out of stock in your size.',
    });
    const list = await buyer.notifications.list.query();
    expect(list.items.map((item) => item.text)).toEqual([`${cancelledBySeller} was cancelled: Out of stock in your size.`]);
    expect(list.unreadCount).toBe(1);
  });

  test('an automatic cancellation says so', () => {
    const facts = {
      orderNumber: 'ORD-20261126-4F7K2Q',
      storeName: 'Fashion Store',
      to: 'cancelled' as const,
      note: 'x',
      carrier: null,
      trackingNumber: null,
    };
    expect(notificationText({ ...facts, actorRole: 'system' })).toBe(
      'ORD-20261126-4F7K2Q was cancelled automatically: Fashion Store did not confirm it in time.',
    );
    expect(notificationText({ ...facts, actorRole: 'operator', note: 'Duplicate order.' })).toBe(
      'ORD-20261126-4F7K2Q was cancelled: Duplicate order.',
    );
  });
});

describe('Order received', () => {
  test('the buyer moves a shipped order to delivered; a retry applies once; the seller’s list shows it at once', async () => {
    const buyer = await newBuyer(stack.apiUrl, 'Carla Reyes');
    const orderNumber = await placeOrder(buyer, stack.db);
    await driveTo(stack.temporal, orderNumber, 'shipped');
    const requestId = randomUUID();
    const received = await buyer.orders.confirmReceipt.mutate({ orderNumber, requestId });
    expect(received.order.status).toBe('delivered');
    expect(received.order.timeline.at(-1)).toMatchObject({ from: 'shipped', to: 'delivered', by: { role: 'buyer', name: 'Carla Reyes' } });
    expect((await buyer.orders.confirmReceipt.mutate({ orderNumber, requestId })).order.timeline).toHaveLength(
      received.order.timeline.length,
    );
    const row = (await seller.seller.orders.query({ search: orderNumber })).items[0];
    expect(row).toMatchObject({ orderNumber, status: 'delivered' });
    const detail = await seller.seller.order.query({ orderNumber });
    expect(detail.order.timeline.at(-1)).toMatchObject({ to: 'delivered', by: { role: 'buyer', name: 'Carla Reyes' } });
    // A new request on the delivered order is refused in words.
    await expect(buyer.orders.confirmReceipt.mutate({ orderNumber, requestId: randomUUID() })).rejects.toThrow(
      'This order is already delivered and can no longer change.',
    );
  });

  test('before the order ships, the buyer cannot mark it received', async () => {
    const buyer = await newBuyer(stack.apiUrl);
    const orderNumber = await placeOrder(buyer, stack.db);
    await driveTo(stack.temporal, orderNumber, 'processing');
    await expect(buyer.orders.confirmReceipt.mutate({ orderNumber, requestId: randomUUID() })).rejects.toThrow(
      'An order cannot go from Processing to Delivered.',
    );
    expect((await stack.db.order.findUniqueOrThrow({ where: { orderNumber } })).status).toBe('processing');
  });
});

describe('rate and review', () => {
  test('the buyer rates a delivered order, edits it, and the seller sees it and the store average', async () => {
    const buyer = await newBuyer(stack.apiUrl);
    const other = await newBuyer(stack.apiUrl);
    const orderNumber = await placeOrder(buyer, stack.db);
    expect(await buyer.ratings.mine.query({ orderNumber })).toEqual({ rating: null, canRate: false });
    await expect(buyer.ratings.rate.mutate({ orderNumber, stars: 5 })).rejects.toThrow('You can rate an order once it has been delivered.');

    await driveTo(stack.temporal, orderNumber, 'shipped');
    await buyer.orders.confirmReceipt.mutate({ orderNumber, requestId: randomUUID() });
    expect(await buyer.ratings.mine.query({ orderNumber })).toEqual({ rating: null, canRate: true });
    const rated = await buyer.ratings.rate.mutate({ orderNumber, stars: 4, comment: '  Fits well, slow courier.  ' });
    expect(rated).toMatchObject({ canRate: true, rating: { stars: 4, comment: 'Fits well, slow courier.' } });
    const days = (Date.parse(rated.rating!.editableUntil) - Date.parse(rated.rating!.ratedAt)) / 86_400_000;
    expect(days).toBe(30);

    const edited = await buyer.ratings.rate.mutate({ orderNumber, stars: 5, comment: 'Fits well.' });
    expect(edited.rating).toMatchObject({ stars: 5, comment: 'Fits well.', ratedAt: rated.rating!.ratedAt });
    expect(await stack.db.orderRating.count({ where: { order: { orderNumber } } })).toBe(1);

    expect(await seller.seller.orderRating.query({ orderNumber })).toEqual({
      rating: { stars: 5, comment: 'Fits well.', ratedAt: rated.rating!.ratedAt, updatedAt: edited.rating!.updatedAt },
    });
    const store = await stack.db.store.findUniqueOrThrow({ where: { slug: 'fashion-store' } });
    // Other test files rate this store's orders too, so the expected figures come from the database.
    const summary = await seller.seller.storeRating.query();
    const rows = await stack.db.orderRating.findMany({ where: { storeId: store.id }, select: { stars: true } });
    expect(summary.count).toBeGreaterThanOrEqual(1);
    expect(summary.count).toBeLessThanOrEqual(rows.length);
    expect(summary.average).toBeGreaterThanOrEqual(1);
    const gadgets = await signedInClient(stack.apiUrl, 'gadgets@seller.test');
    expect(await errorCodeOf(gadgets.seller.orderRating.query({ orderNumber }))).toBe('NOT_FOUND');

    // Another buyer neither reads nor writes it.
    expect(await errorCodeOf(other.ratings.mine.query({ orderNumber }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(other.ratings.rate.mutate({ orderNumber, stars: 1, comment: 'sabotage' }))).toBe('NOT_FOUND');
    expect((await buyer.ratings.mine.query({ orderNumber })).rating).toMatchObject({ stars: 5, comment: 'Fits well.' });

    // After 30 days the rating is final.
    await stack.db.orderRating.updateMany({
      where: { order: { orderNumber } },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    expect((await buyer.ratings.mine.query({ orderNumber })).canRate).toBe(false);
    await expect(buyer.ratings.rate.mutate({ orderNumber, stars: 1 })).rejects.toThrow(
      'A rating can be changed for 30 days after it is given; this one can no longer change.',
    );
    expect((await buyer.ratings.mine.query({ orderNumber })).rating?.stars).toBe(5);
  });

  test('the store average rounds to one decimal over the store’s ratings only', async () => {
    const buyer = await newBuyer(stack.apiUrl);
    const gadgets = await signedInClient(stack.apiUrl, 'gadgets@seller.test');
    const before = await gadgets.seller.storeRating.query();
    const orders = await Promise.all([placeOrder(buyer, stack.db, 'gadget-hub'), placeOrder(buyer, stack.db, 'gadget-hub')]);
    for (const [orderNumber, stars] of [
      [orders[0]!, 5],
      [orders[1]!, 2],
    ] as const) {
      await driveTo(stack.temporal, orderNumber, 'delivered');
      await buyer.ratings.rate.mutate({ orderNumber, stars });
    }
    const after = await gadgets.seller.storeRating.query();
    const store = await stack.db.store.findUniqueOrThrow({ where: { slug: 'gadget-hub' } });
    const all = await stack.db.orderRating.aggregate({ where: { storeId: store.id }, _avg: { stars: true }, _count: { _all: true } });
    expect(after.count).toBeGreaterThanOrEqual(before.count + 2);
    expect(after.count).toBe(all._count._all);
    expect(after.average).toBe(Math.round(all._avg.stars! * 10) / 10);
  });
});
