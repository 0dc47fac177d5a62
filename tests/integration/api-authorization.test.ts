// The authorisation matrix: every procedure × caller (anonymous, buyer, seller) × own or someone else's
// order. Refused calls must also leave the order untouched.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appRouter } from '../../api/routers';
import { type ApiClient, createApiClient, errorCodeOf, signedInClient } from '../../scripts/lib/api-client';
import { BUYER_PASSWORD, newBuyer, placeOrder, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { driveTo } from '../support/workflow-helpers';

type Caller = 'anonymous' | 'ownerBuyer' | 'otherBuyer' | 'ownerSeller' | 'otherSeller';
const CALLERS: Caller[] = ['anonymous', 'ownerBuyer', 'otherBuyer', 'ownerSeller', 'otherSeller'];

let stack: TestStack;
let clients: Record<Caller, ApiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  clients = {
    anonymous: createApiClient(stack.apiUrl),
    ownerBuyer: await newBuyer(stack.apiUrl, 'Owner Buyer'),
    otherBuyer: await newBuyer(stack.apiUrl, 'Other Buyer'),
    ownerSeller: await signedInClient(stack.apiUrl, 'fashion@seller.test'),
    otherSeller: await signedInClient(stack.apiUrl, 'gadgets@seller.test'),
  };
});
afterAll(() => stack?.stop());

/** A fresh order of the owner buyer at the owner seller's store. */
const freshOrder = () => placeOrder(clients.ownerBuyer, stack.db, 'fashion-store');
const statusOf = async (orderNumber: string) => (await stack.db.order.findUniqueOrThrow({ where: { orderNumber } })).status;

interface Row {
  procedure: string;
  /** Runs the procedure as `caller` against a fresh order; resolves to what the caller saw. */
  call: (client: ApiClient, orderNumber: string) => Promise<unknown>;
  /** 'ok' or the expected tRPC error code, per caller. */
  expect: Record<Caller, string>;
  /** For successful reads: does the result show the order? */
  shows?: (result: unknown, orderNumber: string) => boolean;
  /** True when the procedure changes the order, so refusals must leave it pending (or at `preparedTo`). */
  mutates?: boolean;
  /** Where the order is moved before the call, for procedures that need it further along. */
  preparedTo?: Parameters<typeof driveTo>[2];
  /** After a refused call: what must not have changed. */
  untouched?: (orderNumber: string) => Promise<void>;
}

const ROWS: Row[] = [
  {
    procedure: 'orders.mine',
    call: (c) => c.orders.mine.query({ limit: 100 }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'ok', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
    shows: (r, n) => (r as { items: { orderNumber: string }[] }).items.some((i) => i.orderNumber === n),
  },
  {
    procedure: 'orders.track',
    call: (c, n) => c.orders.track.query({ orderNumber: n }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'NOT_FOUND', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
  },
  {
    procedure: 'orders.cancel',
    call: (c, n) => c.orders.cancel.mutate({ orderNumber: n, requestId: randomUUID() }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'NOT_FOUND', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
    mutates: true,
  },
  {
    procedure: 'orders.confirmReceipt',
    call: (c, n) => c.orders.confirmReceipt.mutate({ orderNumber: n, requestId: randomUUID() }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'NOT_FOUND', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
    preparedTo: 'shipped',
    mutates: true,
  },
  {
    procedure: 'notifications.list',
    call: (c) => c.notifications.list.query({ limit: 50 }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'ok', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
    // The store confirmed the order, so its buyer has a notification of it; no one else may see it.
    preparedTo: 'confirmed',
    shows: (r, n) => (r as { items: { orderNumber: string }[] }).items.some((i) => i.orderNumber === n),
  },
  {
    procedure: 'notifications.markAllRead',
    call: (c) => c.notifications.markAllRead.mutate({ until: new Date().toISOString() }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'ok', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
    preparedTo: 'confirmed',
    untouched: expectOwnerNotificationUnread,
  },
  {
    procedure: 'notifications.markOrderRead',
    call: (c, n) => c.notifications.markOrderRead.mutate({ orderNumber: n }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'NOT_FOUND', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
    preparedTo: 'confirmed',
    untouched: expectOwnerNotificationUnread,
  },
  {
    procedure: 'ratings.mine',
    call: (c, n) => c.ratings.mine.query({ orderNumber: n }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'NOT_FOUND', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
  },
  {
    procedure: 'ratings.rate',
    call: (c, n) => c.ratings.rate.mutate({ orderNumber: n, stars: 1, comment: 'Rated by the matrix.' }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'NOT_FOUND', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
    preparedTo: 'delivered',
    untouched: async (n) => expect(await stack.db.orderRating.count({ where: { order: { orderNumber: n } } })).toBe(0),
  },
  {
    procedure: 'seller.orderRating',
    call: (c, n) => c.seller.orderRating.query({ orderNumber: n }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'NOT_FOUND' },
  },
  {
    procedure: 'seller.storeRating',
    call: (c) => c.seller.storeRating.query(),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'ok' },
  },
  {
    procedure: 'checkout.place',
    call: async (c) => {
      const [product] = await productsOf(stack.db, 'fashion-store');
      return c.checkout.place.mutate({
        idempotencyKey: randomUUID(),
        lines: [{ productId: product!.id, quantity: 1 }],
        shipping: SHIPPING,
      });
    },
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'ok', ownerSeller: 'FORBIDDEN', otherSeller: 'FORBIDDEN' },
  },
  {
    procedure: 'seller.orders',
    call: (c) => c.seller.orders.query({ limit: 100 }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'ok' },
    shows: (r, n) => (r as { items: { orderNumber: string }[] }).items.some((i) => i.orderNumber === n),
  },
  {
    procedure: 'seller.order',
    call: (c, n) => c.seller.order.query({ orderNumber: n }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'NOT_FOUND' },
  },
  {
    procedure: 'seller.setStatus',
    call: (c, n) => c.seller.setStatus.mutate({ orderNumber: n, requestId: randomUUID(), to: 'confirmed' }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'NOT_FOUND' },
    mutates: true,
  },
  {
    // Another store's order in a bulk move gets its own "not found" result and stays as it is.
    procedure: 'seller.bulkSetStatus',
    call: (c, n) => c.seller.bulkSetStatus.mutate({ to: 'confirmed', orders: [{ orderNumber: n, requestId: randomUUID() }] }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'ok' },
    shows: (r) => (r as { results: { outcome: string }[] }).results[0]?.outcome === 'moved',
    mutates: true,
    untouched: async (n) => expect(await statusOf(n)).toBe('pending'),
  },
  {
    procedure: 'seller.packingSlips',
    call: (c, n) => c.seller.packingSlips.query({ orderNumbers: [n] }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'ok' },
    shows: (r, n) => (r as { slips: { orderNumber: string }[] }).slips.some((slip) => slip.orderNumber === n),
  },
  {
    procedure: 'seller.statusMessages',
    call: (c) => c.seller.statusMessages.query(),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'ok' },
  },
  {
    // Each seller changes only their own store's messages (the input names no store); the default text
    // keeps the seeded stores as other test files expect them.
    procedure: 'seller.setStatusMessages',
    call: (c) => c.seller.setStatusMessages.mutate({ messages: [{ status: 'shipped', message: 'Your order is on its way.' }] }),
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'FORBIDDEN', otherBuyer: 'FORBIDDEN', ownerSeller: 'ok', otherSeller: 'ok' },
    untouched: async () =>
      expect(
        await stack.db.storeStatusMessage.count({ where: { status: 'shipped', store: { slug: { in: ['fashion-store', 'gadget-hub'] } } } }),
      ).toBe(0),
  },
  {
    procedure: 'auth.logout',
    call: async (c) => {
      if (c === clients.anonymous) return c.auth.logout.mutate();
      // Log out a second session of the same account, so the matrix clients stay signed in.
      const { email, role } = (await c.auth.me.query())!;
      const twin = await signedInClient(stack.apiUrl, email, role === 'buyer' ? BUYER_PASSWORD : undefined);
      await twin.auth.logout.mutate();
      expect(await twin.auth.me.query()).toBeNull();
      expect(await c.auth.me.query()).not.toBeNull();
    },
    expect: { anonymous: 'UNAUTHORIZED', ownerBuyer: 'ok', otherBuyer: 'ok', ownerSeller: 'ok', otherSeller: 'ok' },
  },
  {
    procedure: 'auth.me',
    call: (c) => c.auth.me.query(),
    expect: { anonymous: 'ok', ownerBuyer: 'ok', otherBuyer: 'ok', ownerSeller: 'ok', otherSeller: 'ok' },
  },
  {
    procedure: 'catalog.stores',
    call: (c) => c.catalog.stores.query(),
    expect: { anonymous: 'ok', ownerBuyer: 'ok', otherBuyer: 'ok', ownerSeller: 'ok', otherSeller: 'ok' },
  },
  {
    procedure: 'system.config',
    call: (c) => c.system.config.query(),
    expect: { anonymous: 'ok', ownerBuyer: 'ok', otherBuyer: 'ok', ownerSeller: 'ok', otherSeller: 'ok' },
  },
];

/** Public sign-up and sign-in touch no order; tests/integration/api-auth.test.ts covers them. */
const OUTSIDE_MATRIX = ['auth.login', 'auth.register'];

test('the matrix covers every procedure of the router', () => {
  const procedures = Object.keys((appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures);
  expect([...ROWS.map((row) => row.procedure), ...OUTSIDE_MATRIX].sort()).toEqual(procedures.sort());
});

describe.each(ROWS)('$procedure', (row) => {
  test.each(CALLERS)('as %s', async (caller) => {
    const orderNumber = await freshOrder();
    if (row.preparedTo) await driveTo(stack.temporal, orderNumber, row.preparedTo);
    const expected = row.expect[caller];
    if (expected === 'ok') {
      const result = await row.call(clients[caller], orderNumber);
      if (row.shows) expect(row.shows(result, orderNumber)).toBe(caller === 'ownerBuyer' || caller === 'ownerSeller');
    } else {
      expect(await errorCodeOf(row.call(clients[caller], orderNumber))).toBe(expected);
      if (row.mutates) expect(await statusOf(orderNumber)).toBe(row.preparedTo ?? 'pending');
      await row.untouched?.(orderNumber);
    }
  });
});

/** The owner buyer's notification of the store confirming `orderNumber` is still unread. */
async function expectOwnerNotificationUnread(orderNumber: string): Promise<void> {
  const unread = await stack.db.notification.count({ where: { order: { orderNumber }, readAt: null } });
  expect(unread).toBe(1);
}

test('another buyer’s "mark all as read" leaves the owner’s notifications unread', async () => {
  const orderNumber = await freshOrder();
  await driveTo(stack.temporal, orderNumber, 'confirmed');
  await clients.otherBuyer.notifications.markAllRead.mutate({ until: new Date(Date.now() + 60_000).toISOString() });
  await expectOwnerNotificationUnread(orderNumber);
  const owner = await clients.ownerBuyer.notifications.list.query({ limit: 50 });
  expect(owner.items.find((item) => item.orderNumber === orderNumber)?.read).toBe(false);
});

test('someone else’s order and a missing order get the same answer', async () => {
  const orderNumber = await freshOrder();
  const missing = 'ORD-20261126-ZZZZZZ';
  const answers = await Promise.all(
    [orderNumber, missing].map((n) =>
      clients.otherBuyer.orders.track.query({ orderNumber: n }).then(
        () => 'ok',
        (error: { message: string; data: { code: string; httpStatus: number } }) =>
          JSON.stringify([error.data.code, error.data.httpStatus, error.message]),
      ),
    ),
  );
  expect(answers[0]).toBe(answers[1]);
  expect(answers[0]).toContain('NOT_FOUND');
});

test('the other store’s seller cannot move or read the order by any route', async () => {
  const orderNumber = await freshOrder();
  const other = clients.otherSeller;
  expect(await errorCodeOf(other.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'cancelled', note: 'x' }))).toBe(
    'NOT_FOUND',
  );
  const list = await other.seller.orders.query({ search: orderNumber });
  expect(list.items).toHaveLength(0);
  expect(list.counts.all).toBe(0);
  expect(await statusOf(orderNumber)).toBe('pending');
});

test('the other store’s seller cannot move or print the order, nor change the store’s status messages', async () => {
  const orderNumber = await freshOrder();
  const other = clients.otherSeller;
  const bulk = await other.seller.bulkSetStatus.mutate({
    to: 'cancelled',
    note: 'Not ours.',
    orders: [{ orderNumber, requestId: randomUUID() }],
  });
  expect(bulk).toEqual({
    moved: 0,
    results: [{ orderNumber, outcome: 'not_found', status: null, message: `${orderNumber} was not found in your store.` }],
  });
  expect((await other.seller.packingSlips.query({ orderNumbers: [orderNumber] })).slips).toEqual([]);
  const fashion = await stack.db.store.findUniqueOrThrow({ where: { slug: 'fashion-store' } });
  expect(
    await errorCodeOf(
      other.seller.setStatusMessages.mutate({ storeId: fashion.id, messages: [{ status: 'shipped', message: 'Hijacked.' }] } as never),
    ),
  ).toBe('BAD_REQUEST');
  expect(await stack.db.storeStatusMessage.count({ where: { storeId: fashion.id } })).toBe(0);
  expect(await statusOf(orderNumber)).toBe('pending');
});
