// Declared outputs and role-shaped DTOs: every procedure declares an output schema that strips what it
// does not name, and what buyers and sellers receive through the real HTTP API holds no ids of people or
// stores, no refused operator requests, and names actors for the reader (the store, "Customer support",
// "Order service") instead of the workflow's internal actor records.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { OPERATOR_DISPLAY_NAME, SYSTEM_DISPLAY_NAME } from '../../api/orders/order-dto';
import { appRouter } from '../../api/routers';
import { type ApiClient, signedInClient } from '../../scripts/lib/api-client';
import { requestStatusSignal } from '../../workflows/messages';
import type { StatusChangeRequest } from '../../workflows/model/order-model';
import { newBuyer, placeOrder, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { orderHandle, queryOrder, SELLER } from '../support/workflow-helpers';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const BUYER_NAME = 'Privacy Buyer';
const STORE_NAME = 'Fashion Store';
const SELLER_NAME = 'Fashion Store Owner';
/** An operator whose address must never reach a buyer or a seller. */
const OPERATOR = { role: 'operator' as const, name: `ops-${randomUUID()}@example.com` };

type Procedure = { _def: { type: string; output?: z.ZodType } };
const procedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, Procedure> }).procedures);

describe('declared outputs', () => {
  test('the router has the procedures of every domain', () => {
    const domains = new Set(procedures.map(([path]) => path.split('.')[0]));
    expect([...domains].sort()).toEqual(['auth', 'catalog', 'checkout', 'notifications', 'orders', 'ratings', 'seller', 'system']);
    expect(procedures.length).toBeGreaterThanOrEqual(12);
  });

  test.each(procedures)('%s declares an output schema', (_path, procedure) => {
    expect(procedure._def.output).toBeDefined();
  });

  test.each(procedures)('%s: its output schema strips undeclared keys and has no open types', (path, procedure) => {
    expect(openSchemaParts(procedure._def.output!, path)).toEqual([]);
  });
});

/**
 * Where a zod 4 schema could let undeclared data through: objects that pass unknown keys on (loose) or
 * fail on them (strict, a 500 for the client), and any/unknown/record or other unlisted types.
 */
function openSchemaParts(schema: z.ZodType, path: string): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const child = (part: unknown, suffix: string) => openSchemaParts(part as z.ZodType, `${path}${suffix}`);
  switch (def.type) {
    case 'object':
      return [
        ...(def.catchall
          ? [`${path}: object with a catchall (${(def.catchall as { _zod: { def: { type: string } } })._zod.def.type})`]
          : []),
        ...Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) => child(value, `.${key}`)),
      ];
    case 'array':
      return child(def.element, '[]');
    case 'nullable':
    case 'optional':
      return child(def.innerType, '');
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option, i) => child(option, `|${i}`));
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
      return [];
    default:
      return [`${path}: ${def.type}`];
  }
}

// ── Payloads through the HTTP API ─────────────────────────────────────────────────────────────────────

let stack: TestStack;
let buyer: ApiClient;
let seller: ApiClient;
/** Ids that must not appear in any order payload: the buyer, the store, the seller account. */
let forbiddenIds: string[];
let productIds: Set<string>;

beforeAll(async () => {
  stack = await startTestStack();
  buyer = await newBuyer(stack.apiUrl, BUYER_NAME);
  seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  const store = await stack.db.store.findUniqueOrThrow({ where: { slug: 'fashion-store' }, include: { products: true } });
  forbiddenIds = [(await buyer.auth.me.query())!.id, store.id, store.ownerId];
  productIds = new Set(store.products.map((product) => product.id));
});
afterAll(() => stack?.stop());

/**
 * What a payload leaks, by JSON path: keys that name ids or internal state, and UUIDs other than the
 * two kinds a client needs: the public catalog id of an item's product, and the pagination cursor.
 */
function leaks(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaks(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const here = `${path}.${key}`;
      const badKey = (/id$/i.test(key) && key !== 'productId') || ['rejected', 'buyer', 'store', 'actor', 'request'].includes(key);
      return [...(badKey ? [`key ${here}`] : []), ...(key === 'nextCursor' ? [] : leaks(item, here))];
    });
  }
  if (typeof value === 'string' && UUID.test(value)) {
    const allowed = path.endsWith('.productId') && productIds.has(value);
    return allowed ? [] : [`uuid at ${path}`];
  }
  return [];
}

function expectNoLeaks(payload: unknown, extraSecrets: string[] = []): void {
  expect(leaks(payload)).toEqual([]);
  const text = JSON.stringify(payload);
  for (const secret of [...forbiddenIds, OPERATOR.name, `(${STORE_NAME})`, ...extraSecrets]) expect(text, secret).not.toContain(secret);
}

/** Sends a signal as an operator would from the Temporal UI or CLI, and waits until the workflow took it. */
async function signal(orderNumber: string, request: StatusChangeRequest, until: (view: Awaited<ReturnType<typeof queryOrder>>) => boolean) {
  await orderHandle(stack.temporal, orderNumber).signal(requestStatusSignal, request);
  await expect.poll(async () => until(await queryOrder(stack.temporal, orderNumber)), { timeout: 15_000 }).toBe(true);
}

const byOf = (order: { timeline: { to: string; by: { role: string; name: string } }[] }) =>
  order.timeline.map((entry) => [entry.to, entry.by.role, entry.by.name]);

test('operator actions show as Customer support and refused ones nowhere; the buyer sees the store, the seller their own name', async () => {
  const orderNumber = await placeOrder(buyer, stack.db);
  const refusedNote = `refused-${randomUUID()}`;
  // From pending, shipped is refused: the workflow records it in its state, which clients never see.
  await signal(
    orderNumber,
    { to: 'shipped', actor: OPERATOR, note: refusedNote, carrier: 'X', trackingNumber: 'SECRET-1' },
    (view) => view.rejected.length === 1,
  );
  await signal(orderNumber, { to: 'confirmed', actor: OPERATOR, note: 'Confirmed by phone' }, (view) => view.status === 'confirmed');
  const changed = await seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'processing' });

  const tracked = await buyer.orders.track.query({ orderNumber });
  const detail = await seller.seller.order.query({ orderNumber });
  expect(byOf(tracked.order)).toEqual([
    ['pending', 'buyer', BUYER_NAME],
    ['confirmed', 'operator', OPERATOR_DISPLAY_NAME],
    ['processing', 'seller', STORE_NAME],
  ]);
  expect(tracked.order.timeline[1]!.note).toBe('Confirmed by phone');
  const sellerNames = [
    ['pending', 'buyer', BUYER_NAME],
    ['confirmed', 'operator', OPERATOR_DISPLAY_NAME],
    ['processing', 'seller', SELLER_NAME],
  ];
  expect(byOf(detail.order)).toEqual(sellerNames);
  expect(byOf(changed.order)).toEqual(sellerNames);
  expect(tracked.order).toMatchObject({ orderNumber, status: 'processing', storeName: STORE_NAME, closedNote: null, deadline: null });
  expect(tracked.order.items[0]!.productId).toSatisfy((id: string) => productIds.has(id));

  // The raw workflow state does hold what the DTOs leave out, so the checks below can fail.
  const raw = JSON.stringify(await queryOrder(stack.temporal, orderNumber));
  for (const secret of [refusedNote, OPERATOR.name, ...forbiddenIds, `${SELLER_NAME} (${STORE_NAME})`]) expect(raw).toContain(secret);

  for (const payload of [tracked, detail, changed]) expectNoLeaks(payload, [refusedNote, 'SECRET-1']);
  expectNoLeaks(tracked, [SELLER_NAME]);
});

test('a seller action from elsewhere shows as the store, the system as Order service; cancel answers with the buyer DTO', async () => {
  const confirmedByIntegration = await placeOrder(buyer, stack.db);
  const refusedNote = `refused-${randomUUID()}`;
  await signal(confirmedByIntegration, { to: 'delivered', actor: OPERATOR, note: refusedNote }, (view) => view.rejected.length === 1);
  // SELLER is an integration's actor with its own id and name, not the signed-in staff member.
  await signal(confirmedByIntegration, { to: 'confirmed', actor: SELLER }, (view) => view.status === 'confirmed');
  const cancelled = await buyer.orders.cancel.mutate({
    orderNumber: confirmedByIntegration,
    requestId: randomUUID(),
    note: 'Found it cheaper',
  });
  expect(byOf(cancelled.order)).toEqual([
    ['pending', 'buyer', BUYER_NAME],
    ['confirmed', 'seller', STORE_NAME],
    ['cancelled', 'buyer', BUYER_NAME],
  ]);
  expect(cancelled.order.timeline[2]).toMatchObject({ from: 'confirmed', note: 'Found it cheaper' });
  const sellerView = await seller.seller.order.query({ orderNumber: confirmedByIntegration });
  expect(byOf(sellerView.order)).toEqual(byOf(cancelled.order));

  const cancelledBySystem = await placeOrder(buyer, stack.db);
  await signal(
    cancelledBySystem,
    { to: 'cancelled', actor: { role: 'system', id: 'reconciler-7', name: 'reconciler-7' }, note: 'Payment expired.' },
    (view) => view.status === 'cancelled',
  );
  const tracked = await buyer.orders.track.query({ orderNumber: cancelledBySystem });
  expect(tracked.order.timeline.at(-1)).toMatchObject({
    to: 'cancelled',
    by: { role: 'system', name: SYSTEM_DISPLAY_NAME },
    note: 'Payment expired.',
  });

  for (const payload of [cancelled, sellerView, tracked]) expectNoLeaks(payload, [refusedNote, 'reconciler-7', SELLER.name, SELLER.id!]);
});

test('order lists: no ids of people or stores, and no row ids other than the cursor', async () => {
  await placeOrder(buyer, stack.db);
  const orderNumber = await placeOrder(buyer, stack.db);
  const mine = await buyer.orders.mine.query({ limit: 1 });
  expect(mine.items.map((item) => item.orderNumber)).toEqual([orderNumber]);
  expect(mine.items[0]).toMatchObject({ status: 'pending', storeName: STORE_NAME, closedNote: null });
  // The buyer has more orders, so there is a cursor: the row id of the last order on the page.
  const cursorOrder = await stack.db.order.findUniqueOrThrow({ where: { id: mine.nextCursor! } });
  expect(cursorOrder.orderNumber).toBe(orderNumber);
  expectNoLeaks(mine, [SELLER_NAME]);

  const table = await seller.seller.orders.query({ search: orderNumber });
  expect(table.items).toHaveLength(1);
  expect(table.items[0]).toMatchObject({ orderNumber, shipping: { name: 'Maria Santos' }, closedNote: null });
  expect(Object.keys(table.counts).sort()).toEqual(['all', 'cancelled', 'confirmed', 'delivered', 'pending', 'processing', 'shipped']);
  expectNoLeaks(table);

  const placed = await buyer.checkout.place.mutate({
    idempotencyKey: randomUUID(),
    lines: [{ productId: [...productIds][0]!, quantity: 1 }],
    shipping: SHIPPING,
  });
  expect(placed.orders[0]).toEqual({
    orderNumber: expect.stringMatching(/^ORD-/),
    storeName: STORE_NAME,
    itemCount: 1,
    totalCentavos: expect.any(Number),
  });
  expectNoLeaks(placed);
});

test('an order an operator closed carries its closedNote to the buyer and the seller, in detail and lists, without a deadline', async () => {
  const orderNumber = await placeOrder(buyer, stack.db);
  const open = await buyer.orders.track.query({ orderNumber });
  expect(open.order.closedNote).toBeNull();
  expect(open.order.deadline).not.toBeNull();

  // An operator terminates the workflow; reading the order reconciles it and records why (lib/closed-orders.ts).
  await orderHandle(stack.temporal, orderNumber).terminate('duplicate order');
  const tracked = await buyer.orders.track.query({ orderNumber });
  const { closedNote } = await stack.db.order.findUniqueOrThrow({ where: { orderNumber } });
  expect(closedNote).toMatch(/duplicate order/);
  expect(tracked.order).toMatchObject({ closedNote, deadline: null });
  expect((await buyer.orders.mine.query({ limit: 5 })).items.find((item) => item.orderNumber === orderNumber)?.closedNote).toBe(closedNote);
  const detail = await seller.seller.order.query({ orderNumber });
  expect(detail.order.closedNote).toBe(closedNote);
  expect((await seller.seller.orders.query({ search: orderNumber })).items[0]?.closedNote).toBe(closedNote);
  for (const payload of [tracked, detail]) expectNoLeaks(payload);
});
