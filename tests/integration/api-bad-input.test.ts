// A table of bad inputs through the real HTTP endpoint. Each gets its documented error code and a
// readable message; none gets a 5xx or a stack trace.
import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, signedInClient, type ApiClient } from '../support/api-client';
import { newBuyer, placeOrder, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { driveTo } from '../support/workflow-helpers';

let stack: TestStack;
let buyer: Awaited<ReturnType<typeof newBuyer>>;
let seller: ApiClient;
let anonymous: ApiClient;
let productId: string;
let inactiveProductId: string;
let pendingOrder: string;
let processingOrder: string;
let deliveredOrder: string;
const usedKey = randomUUID();

beforeAll(async () => {
  stack = await startTestStack();
  buyer = await newBuyer(stack.apiUrl);
  seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  anonymous = createApiClient(stack.apiUrl);
  const [product] = await productsOf(stack.db, 'fashion-store');
  productId = product!.id;
  const store = await stack.db.store.findUniqueOrThrow({ where: { slug: 'fashion-store' } });
  inactiveProductId = (
    await stack.db.product.create({
      data: { storeId: store.id, sku: `RETIRED-${randomUUID()}`, name: 'Retired Scarf', description: 'No longer sold', emoji: '🧣', priceCentavos: 10_000, active: false },
    })
  ).id;
  pendingOrder = await placeOrder(buyer, stack.db);
  processingOrder = await placeOrder(buyer, stack.db);
  await driveTo(stack.temporal, processingOrder, 'processing');
  deliveredOrder = await placeOrder(buyer, stack.db);
  await driveTo(stack.temporal, deliveredOrder, 'delivered');
  await buyer.checkout.place.mutate({ idempotencyKey: usedKey, lines: [{ productId, quantity: 1 }], shipping: SHIPPING });
});
afterAll(() => stack?.stop());

const cart = (lines: unknown, shipping: unknown = SHIPPING, idempotencyKey: unknown = randomUUID()) =>
  buyer.checkout.place.mutate({ idempotencyKey, lines, shipping } as never);
const withShipping = (patch: Record<string, unknown>) => cart([{ productId, quantity: 1 }], { ...SHIPPING, ...patch });
const setStatus = (patch: Record<string, unknown>) => seller.seller.setStatus.mutate({ orderNumber: pendingOrder, requestId: randomUUID(), to: 'confirmed', ...patch } as never);
const register = (patch: Record<string, unknown>) =>
  anonymous.auth.register.mutate({ email: `new-${randomUUID()}@test.example`, name: 'New Person', password: 'long enough password', ...patch } as never);

interface Case {
  name: string;
  call: () => Promise<unknown>;
  code: string;
  /** The field a validation message must name. */
  field?: string;
}

const CASES: Case[] = [
  { name: 'register: malformed email', call: () => register({ email: 'not-an-email' }), code: 'BAD_REQUEST', field: 'email' },
  { name: 'register: short password', call: () => register({ password: 'short' }), code: 'BAD_REQUEST', field: 'password' },
  { name: 'register: empty name', call: () => register({ name: '   ' }), code: 'BAD_REQUEST', field: 'name' },
  { name: 'register: name of 101 characters', call: () => register({ name: 'x'.repeat(101) }), code: 'BAD_REQUEST', field: 'name' },
  { name: 'register: unknown field', call: () => register({ role: 'seller' }), code: 'BAD_REQUEST' },
  { name: 'register: email already used', call: () => register({ email: 'maria@buyer.test' }), code: 'CONFLICT' },
  { name: 'login: wrong password', call: () => anonymous.auth.login.mutate({ email: 'jose@buyer.test', password: 'wrong password' }), code: 'UNAUTHORIZED' },
  { name: 'login: email is a number', call: () => anonymous.auth.login.mutate({ email: 42, password: 'x' } as never), code: 'BAD_REQUEST', field: 'email' },
  { name: 'login: password of 201 characters', call: () => anonymous.auth.login.mutate({ email: 'a@b.co', password: 'p'.repeat(201) }), code: 'BAD_REQUEST', field: 'password' },
  { name: 'checkout: empty cart', call: () => cart([]), code: 'BAD_REQUEST', field: 'lines' },
  { name: 'checkout: quantity 0', call: () => cart([{ productId, quantity: 0 }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  { name: 'checkout: quantity 100', call: () => cart([{ productId, quantity: 100 }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  { name: 'checkout: negative quantity', call: () => cart([{ productId, quantity: -1 }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  { name: 'checkout: fractional quantity', call: () => cart([{ productId, quantity: 1.5 }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  { name: 'checkout: overflowing quantity', call: () => cart([{ productId, quantity: 2 ** 53 }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  { name: 'checkout: quantity as text', call: () => cart([{ productId, quantity: '2' }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  { name: 'checkout: product ID not a UUID', call: () => cart([{ productId: "1' OR '1'='1", quantity: 1 }]), code: 'BAD_REQUEST', field: 'lines.0.productId' },
  { name: 'checkout: unknown product', call: () => cart([{ productId: randomUUID(), quantity: 1 }]), code: 'BAD_REQUEST' },
  { name: 'checkout: inactive product', call: () => cart([{ productId: inactiveProductId, quantity: 1 }]), code: 'BAD_REQUEST' },
  { name: 'checkout: the same product twice', call: () => cart([{ productId, quantity: 1 }, { productId, quantity: 2 }]), code: 'BAD_REQUEST', field: 'lines' },
  { name: 'checkout: 51 cart lines', call: () => cart(Array.from({ length: 51 }, () => ({ productId: randomUUID(), quantity: 1 }))), code: 'BAD_REQUEST', field: 'lines' },
  { name: 'checkout: idempotency key missing', call: () => buyer.checkout.place.mutate({ lines: [{ productId, quantity: 1 }], shipping: SHIPPING } as never), code: 'BAD_REQUEST', field: 'idempotencyKey' },
  { name: 'checkout: idempotency key not a UUID', call: () => cart([{ productId, quantity: 1 }], SHIPPING, 'key-1'), code: 'BAD_REQUEST', field: 'idempotencyKey' },
  { name: 'checkout: idempotency key reused for another cart', call: () => cart([{ productId, quantity: 2 }], SHIPPING, usedKey), code: 'CONFLICT' },
  { name: 'checkout: city missing', call: () => withShipping({ city: undefined }), code: 'BAD_REQUEST', field: 'shipping.city' },
  { name: 'checkout: address of 201 characters', call: () => withShipping({ addressLine: 'a'.repeat(201) }), code: 'BAD_REQUEST', field: 'shipping.addressLine' },
  { name: 'checkout: address of a megabyte', call: () => withShipping({ addressLine: 'a'.repeat(1_000_000) }), code: 'PAYLOAD_TOO_LARGE' },
  { name: 'checkout: phone with letters', call: () => withShipping({ phone: 'call me maybe' }), code: 'BAD_REQUEST', field: 'shipping.phone' },
  { name: 'checkout: control characters in the name', call: () => withShipping({ name: 'Maria\u0000Santos' }), code: 'BAD_REQUEST', field: 'shipping.name' },
  { name: 'checkout: shipping is a string', call: () => cart([{ productId, quantity: 1 }], 'Quezon City'), code: 'BAD_REQUEST', field: 'shipping' },
  { name: 'track: malformed order number', call: () => buyer.orders.track.query({ orderNumber: '../../etc/passwd' }), code: 'BAD_REQUEST', field: 'orderNumber' },
  { name: 'track: unknown order number', call: () => buyer.orders.track.query({ orderNumber: 'ORD-20200101-000000' }), code: 'NOT_FOUND' },
  { name: 'track: lower-case forged order number', call: () => buyer.orders.track.query({ orderNumber: 'ord-20261126-abcdef' }), code: 'BAD_REQUEST', field: 'orderNumber' },
  { name: 'setStatus: unknown status', call: () => setStatus({ to: 'teleported' }), code: 'BAD_REQUEST', field: 'to' },
  { name: 'setStatus: skipping ahead to delivered', call: () => setStatus({ to: 'delivered' }), code: 'CONFLICT' },
  { name: 'setStatus: request ID not a UUID', call: () => setStatus({ requestId: 'click-1' }), code: 'BAD_REQUEST', field: 'requestId' },
  { name: 'setStatus: SQL in the tracking number', call: () => setStatus({ to: 'shipped', carrier: 'LBC', trackingNumber: "1'; DROP TABLE \"Order\";--" }), code: 'BAD_REQUEST', field: 'trackingNumber' },
  { name: 'setStatus: shipped without tracking', call: () => seller.seller.setStatus.mutate({ orderNumber: processingOrder, requestId: randomUUID(), to: 'shipped' }), code: 'BAD_REQUEST' },
  { name: 'setStatus: cancel without a reason', call: () => setStatus({ to: 'cancelled' }), code: 'BAD_REQUEST' },
  { name: 'setStatus: note of 501 characters', call: () => setStatus({ to: 'cancelled', note: 'n'.repeat(501) }), code: 'BAD_REQUEST', field: 'note' },
  { name: 'setStatus: change a delivered order', call: () => seller.seller.setStatus.mutate({ orderNumber: deliveredOrder, requestId: randomUUID(), to: 'cancelled', note: 'late' }), code: 'CONFLICT' },
  { name: 'cancel: buyer cancels a processing order', call: () => buyer.orders.cancel.mutate({ orderNumber: processingOrder, requestId: randomUUID() }), code: 'FORBIDDEN' },
  { name: 'seller.orders: limit 0', call: () => seller.seller.orders.query({ limit: 0 }), code: 'BAD_REQUEST', field: 'limit' },
  { name: 'seller.orders: limit 1000', call: () => seller.seller.orders.query({ limit: 1000 }), code: 'BAD_REQUEST', field: 'limit' },
  { name: 'seller.orders: unknown status filter', call: () => seller.seller.orders.query({ status: 'lost' } as never), code: 'BAD_REQUEST', field: 'status' },
  { name: 'seller.orders: search of 101 characters', call: () => seller.seller.orders.query({ search: 's'.repeat(101) }), code: 'BAD_REQUEST', field: 'search' },
  { name: 'orders.mine: cursor not a UUID', call: () => buyer.orders.mine.query({ cursor: '<script>' }), code: 'BAD_REQUEST', field: 'cursor' },
];

test('the table holds at least 30 bad inputs', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
});

test.each(CASES)('$name → $code', async ({ call, code, field }) => {
  let error: unknown;
  try {
    await call();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(TRPCClientError);
  const { data, message } = error as { message: string; data: { code: string; httpStatus: number; fieldErrors?: Record<string, string[]>; stack?: string } };
  expect(data.code).toBe(code);
  expect(data.httpStatus).toBeLessThan(500);
  expect(message.length).toBeGreaterThan(5);
  expect(data.stack).toBeUndefined();
  expect(message).not.toMatch(/\n\s+at |node_modules|prisma|Invalid `/i);
  if (field) expect(Object.keys(data.fieldErrors ?? {}), message).toContain(field);
});

test('malformed HTTP requests get 4xx answers without stack traces', async () => {
  const post = (path: string, body: string) => fetch(`${stack.apiUrl}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const responses = [
    await post('auth.login', '{"email": "a@b.co", "password": '),
    await post('auth.nonexistent', '{}'),
    await fetch(`${stack.apiUrl}/trpc/auth.login`),
    await post('catalog.stores', '{}'),
  ];
  expect(responses.map((response) => response.status)).toEqual([400, 404, 405, 405]);
  for (const response of responses) expect(await response.text()).not.toMatch(/\n\s+at |node_modules/);
});
