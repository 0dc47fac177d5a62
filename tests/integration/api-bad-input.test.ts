// A table of bad inputs through the real HTTP endpoint. Each gets its documented error code and a
// readable message, a sentence for a person (never parser or zod wording); none gets a 5xx or a stack
// trace. Free text refuses control characters, bidi overrides and isolates, and lone surrogates.
import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createApiClient, signedInClient } from '../../scripts/lib/api-client';
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
let shippedOrder: string;
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
      data: {
        storeId: store.id,
        sku: `RETIRED-${randomUUID()}`,
        name: 'Retired Scarf',
        description: 'No longer sold',
        emoji: '🧣',
        priceCentavos: 10_000,
        active: false,
      },
    })
  ).id;
  pendingOrder = await placeOrder(buyer, stack.db);
  processingOrder = await placeOrder(buyer, stack.db);
  await driveTo(stack.temporal, processingOrder, 'processing');
  deliveredOrder = await placeOrder(buyer, stack.db);
  await driveTo(stack.temporal, deliveredOrder, 'delivered');
  shippedOrder = await placeOrder(buyer, stack.db);
  await driveTo(stack.temporal, shippedOrder, 'shipped');
  await buyer.checkout.place.mutate({ idempotencyKey: usedKey, lines: [{ productId, quantity: 1 }], shipping: SHIPPING });
});
afterAll(() => stack?.stop());

const cart = (lines: unknown, shipping: unknown = SHIPPING, idempotencyKey: unknown = randomUUID()) =>
  buyer.checkout.place.mutate({ idempotencyKey, lines, shipping } as never);
const withShipping = (patch: Record<string, unknown>) => cart([{ productId, quantity: 1 }], { ...SHIPPING, ...patch });
const setStatus = (patch: Record<string, unknown>) =>
  seller.seller.setStatus.mutate({ orderNumber: pendingOrder, requestId: randomUUID(), to: 'confirmed', ...patch } as never);
const bulkMove = (patch: Record<string, unknown>) =>
  seller.seller.bulkSetStatus.mutate({
    to: 'confirmed',
    orders: [{ orderNumber: pendingOrder, requestId: randomUUID() }],
    ...patch,
  } as never);
const setMessages = (messages: unknown) => seller.seller.setStatusMessages.mutate({ messages } as never);
const register = (patch: Record<string, unknown>) =>
  anonymous.auth.register.mutate({
    email: `new-${randomUUID()}@test.example`,
    name: 'New Person',
    password: 'long enough password',
    ...patch,
  } as never);

interface Case {
  name: string;
  call: () => Promise<unknown>;
  code: string;
  /** The field a validation message must name. */
  field?: string;
  /** The message the caller reads, exactly or as a pattern. */
  message?: string | RegExp;
}

const CANCEL = { to: 'cancelled' } as const;

const CASES: Case[] = [
  { name: 'register: malformed email', call: () => register({ email: 'not-an-email' }), code: 'BAD_REQUEST', field: 'email' },
  { name: 'register: short password', call: () => register({ password: 'short' }), code: 'BAD_REQUEST', field: 'password' },
  { name: 'register: empty name', call: () => register({ name: '   ' }), code: 'BAD_REQUEST', field: 'name' },
  { name: 'register: name of 101 characters', call: () => register({ name: 'x'.repeat(101) }), code: 'BAD_REQUEST', field: 'name' },
  {
    name: 'register: unknown field',
    call: () => register({ role: 'seller' }),
    code: 'BAD_REQUEST',
    field: 'input',
    message: 'Unexpected field: role.',
  },
  {
    name: 'register: name ending in a right-to-left override',
    call: () => register({ name: 'Ana \u202E' }),
    code: 'BAD_REQUEST',
    field: 'name',
    message:
      'Some fields are not valid: Name contains an invisible text-direction character (such as U+202E) that would reverse the text around it. Please remove it.',
  },
  {
    name: 'register: name with a bidi isolate',
    call: () => register({ name: 'Ana \u2066Cruz' }),
    code: 'BAD_REQUEST',
    field: 'name',
    message: /text-direction character/,
  },
  {
    name: 'register: input is an array',
    call: () => anonymous.auth.register.mutate(['Maria'] as never),
    code: 'BAD_REQUEST',
    field: 'input',
    message: 'The registration must be a JSON object with the fields email, name, password.',
  },
  { name: 'register: email already used', call: () => register({ email: 'maria@buyer.test' }), code: 'CONFLICT' },
  {
    name: 'login: wrong password',
    call: () => anonymous.auth.login.mutate({ email: 'jose@buyer.test', password: 'wrong password' }),
    code: 'UNAUTHORIZED',
  },
  {
    name: 'login: email is a number',
    call: () => anonymous.auth.login.mutate({ email: 42, password: 'x' } as never),
    code: 'BAD_REQUEST',
    field: 'email',
  },
  {
    name: 'login: password of 201 characters',
    call: () => anonymous.auth.login.mutate({ email: 'a@b.co', password: 'p'.repeat(201) }),
    code: 'BAD_REQUEST',
    field: 'password',
  },
  { name: 'checkout: empty cart', call: () => cart([]), code: 'BAD_REQUEST', field: 'lines' },
  {
    name: 'checkout: quantity 0',
    call: () => cart([{ productId, quantity: 0 }]),
    code: 'BAD_REQUEST',
    field: 'lines.0.quantity',
    message: 'Some fields are not valid: Quantity must be at least 1.',
  },
  {
    name: 'checkout: lines is an object',
    call: () => cart({ 0: { productId, quantity: 1 } }),
    code: 'BAD_REQUEST',
    field: 'lines',
    message: 'Some fields are not valid: The cart lines must be a list of { productId, quantity } objects.',
  },
  {
    name: 'checkout: unknown field in a cart line',
    call: () => cart([{ productId, quantity: 1, price: 1 }]),
    code: 'BAD_REQUEST',
    field: 'lines.0',
    message: 'Unexpected field: lines.0.price.',
  },
  { name: 'checkout: quantity 100', call: () => cart([{ productId, quantity: 100 }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  { name: 'checkout: negative quantity', call: () => cart([{ productId, quantity: -1 }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  {
    name: 'checkout: fractional quantity',
    call: () => cart([{ productId, quantity: 1.5 }]),
    code: 'BAD_REQUEST',
    field: 'lines.0.quantity',
  },
  {
    name: 'checkout: overflowing quantity',
    call: () => cart([{ productId, quantity: 2 ** 53 }]),
    code: 'BAD_REQUEST',
    field: 'lines.0.quantity',
  },
  { name: 'checkout: quantity as text', call: () => cart([{ productId, quantity: '2' }]), code: 'BAD_REQUEST', field: 'lines.0.quantity' },
  {
    name: 'checkout: product ID not a UUID',
    call: () => cart([{ productId: "1' OR '1'='1", quantity: 1 }]),
    code: 'BAD_REQUEST',
    field: 'lines.0.productId',
  },
  { name: 'checkout: unknown product', call: () => cart([{ productId: randomUUID(), quantity: 1 }]), code: 'BAD_REQUEST' },
  { name: 'checkout: inactive product', call: () => cart([{ productId: inactiveProductId, quantity: 1 }]), code: 'BAD_REQUEST' },
  {
    name: 'checkout: the same product twice',
    call: () =>
      cart([
        { productId, quantity: 1 },
        { productId, quantity: 2 },
      ]),
    code: 'BAD_REQUEST',
    field: 'lines',
  },
  {
    name: 'checkout: 51 cart lines',
    call: () => cart(Array.from({ length: 51 }, () => ({ productId: randomUUID(), quantity: 1 }))),
    code: 'BAD_REQUEST',
    field: 'lines',
  },
  {
    name: 'checkout: idempotency key missing',
    call: () => buyer.checkout.place.mutate({ lines: [{ productId, quantity: 1 }], shipping: SHIPPING } as never),
    code: 'BAD_REQUEST',
    field: 'idempotencyKey',
  },
  {
    name: 'checkout: idempotency key not a UUID',
    call: () => cart([{ productId, quantity: 1 }], SHIPPING, 'key-1'),
    code: 'BAD_REQUEST',
    field: 'idempotencyKey',
  },
  {
    name: 'checkout: idempotency key reused for another cart',
    call: () => cart([{ productId, quantity: 2 }], SHIPPING, usedKey),
    code: 'CONFLICT',
  },
  { name: 'checkout: city missing', call: () => withShipping({ city: undefined }), code: 'BAD_REQUEST', field: 'shipping.city' },
  {
    name: 'checkout: address of 201 characters',
    call: () => withShipping({ addressLine: 'a'.repeat(201) }),
    code: 'BAD_REQUEST',
    field: 'shipping.addressLine',
  },
  { name: 'checkout: address of a megabyte', call: () => withShipping({ addressLine: 'a'.repeat(1_000_000) }), code: 'PAYLOAD_TOO_LARGE' },
  {
    name: 'checkout: phone with letters',
    call: () => withShipping({ phone: 'call me maybe' }),
    code: 'BAD_REQUEST',
    field: 'shipping.phone',
  },
  {
    name: 'checkout: control characters in the name',
    call: () => withShipping({ name: 'Maria\u0000Santos' }),
    code: 'BAD_REQUEST',
    field: 'shipping.name',
    message: 'Some fields are not valid: Name contains an invisible control character. Please remove it.',
  },
  {
    name: 'checkout: C1 control character in the city',
    call: () => withShipping({ city: 'Quezon\u0085City' }),
    code: 'BAD_REQUEST',
    field: 'shipping.city',
    message: /City contains an invisible control character/,
  },
  {
    name: 'checkout: DEL in the address',
    call: () => withShipping({ addressLine: '12 Mabini\u007f Street' }),
    code: 'BAD_REQUEST',
    field: 'shipping.addressLine',
  },
  {
    name: 'checkout: line break in the address',
    call: () => withShipping({ addressLine: '12 Mabini Street\nBarangay 5' }),
    code: 'BAD_REQUEST',
    field: 'shipping.addressLine',
    message: 'Some fields are not valid: Address must be a single line.',
  },
  {
    name: 'checkout: left-to-right override in the city',
    call: () => withShipping({ city: '\u202DQuezon City' }),
    code: 'BAD_REQUEST',
    field: 'shipping.city',
    message: /text-direction character/,
  },
  {
    name: 'checkout: shipping is a string',
    call: () => cart([{ productId, quantity: 1 }], 'Quezon City'),
    code: 'BAD_REQUEST',
    field: 'shipping',
    message:
      'Some fields are not valid: The shipping address must be a JSON object with the fields name, phone, addressLine, city, postalCode.',
  },
  {
    name: 'track: malformed order number',
    call: () => buyer.orders.track.query({ orderNumber: '../../etc/passwd' }),
    code: 'BAD_REQUEST',
    field: 'orderNumber',
  },
  { name: 'track: unknown order number', call: () => buyer.orders.track.query({ orderNumber: 'ORD-20200101-000000' }), code: 'NOT_FOUND' },
  {
    name: 'track: lower-case forged order number',
    call: () => buyer.orders.track.query({ orderNumber: 'ord-20261126-abcdef' }),
    code: 'BAD_REQUEST',
    field: 'orderNumber',
  },
  { name: 'setStatus: unknown status', call: () => setStatus({ to: 'teleported' }), code: 'BAD_REQUEST', field: 'to' },
  { name: 'setStatus: skipping ahead to delivered', call: () => setStatus({ to: 'delivered' }), code: 'CONFLICT' },
  { name: 'setStatus: request ID not a UUID', call: () => setStatus({ requestId: 'click-1' }), code: 'BAD_REQUEST', field: 'requestId' },
  {
    name: 'setStatus: SQL in the tracking number',
    call: () => setStatus({ to: 'shipped', carrier: 'LBC', trackingNumber: '1\'; DROP TABLE "Order";--' }),
    code: 'BAD_REQUEST',
    field: 'trackingNumber',
  },
  {
    name: 'setStatus: shipped without tracking',
    call: () => seller.seller.setStatus.mutate({ orderNumber: processingOrder, requestId: randomUUID(), to: 'shipped' }),
    code: 'BAD_REQUEST',
  },
  { name: 'setStatus: cancel without a reason', call: () => setStatus({ to: 'cancelled' }), code: 'BAD_REQUEST' },
  {
    name: 'setStatus: note of 501 characters',
    call: () => setStatus({ to: 'cancelled', note: 'n'.repeat(501) }),
    code: 'BAD_REQUEST',
    field: 'note',
    message: 'Some fields are not valid: Note must have at most 500 characters.',
  },
  {
    name: 'setStatus: pop-directional-isolate in the note',
    call: () => setStatus({ ...CANCEL, note: 'Out of stock\u2069' }),
    code: 'BAD_REQUEST',
    field: 'note',
    message: /Note contains an invisible text-direction character/,
  },
  {
    name: 'setStatus: lone surrogate in the carrier',
    call: () => setStatus({ to: 'shipped', carrier: 'LBC \uD800', trackingNumber: 'LBC-123456' }),
    code: 'BAD_REQUEST',
    field: 'carrier',
    message: /Carrier contains a broken character/,
  },
  {
    name: 'setStatus: C1 control in the carrier',
    call: () => setStatus({ to: 'shipped', carrier: 'LBC\u009b', trackingNumber: 'LBC-123456' }),
    code: 'BAD_REQUEST',
    field: 'carrier',
  },
  {
    name: 'cancel: right-to-left embedding in the reason',
    call: () => buyer.orders.cancel.mutate({ orderNumber: pendingOrder, requestId: randomUUID(), note: '\u202BChanged my mind' }),
    code: 'BAD_REQUEST',
    field: 'note',
    message: /Reason contains an invisible text-direction character/,
  },
  {
    name: 'setStatus: change a delivered order',
    call: () => seller.seller.setStatus.mutate({ orderNumber: deliveredOrder, requestId: randomUUID(), to: 'cancelled', note: 'late' }),
    code: 'CONFLICT',
  },
  {
    name: 'cancel: buyer cancels a processing order',
    call: () => buyer.orders.cancel.mutate({ orderNumber: processingOrder, requestId: randomUUID() }),
    code: 'FORBIDDEN',
  },
  { name: 'seller.orders: limit 0', call: () => seller.seller.orders.query({ limit: 0 }), code: 'BAD_REQUEST', field: 'limit' },
  { name: 'seller.orders: limit 1000', call: () => seller.seller.orders.query({ limit: 1000 }), code: 'BAD_REQUEST', field: 'limit' },
  {
    name: 'seller.orders: unknown status filter',
    call: () => seller.seller.orders.query({ status: 'lost' } as never),
    code: 'BAD_REQUEST',
    field: 'status',
  },
  {
    name: 'seller.orders: search of 101 characters',
    call: () => seller.seller.orders.query({ search: 's'.repeat(101) }),
    code: 'BAD_REQUEST',
    field: 'search',
  },
  {
    name: 'seller.orders: right-to-left override in the search',
    call: () => seller.seller.orders.query({ search: 'Maria\u202E' }),
    code: 'BAD_REQUEST',
    field: 'search',
    message: /Search contains an invisible text-direction character/,
  },
  {
    name: 'seller.orders: input is null',
    call: () => seller.seller.orders.query(null as never),
    code: 'BAD_REQUEST',
    field: 'input',
    message: /^The order list query must be a JSON object/,
  },
  {
    name: 'orders.mine: cursor not a UUID',
    call: () => buyer.orders.mine.query({ cursor: '<script>' }),
    code: 'BAD_REQUEST',
    field: 'cursor',
    message: 'Some fields are not valid: Cursor must be a UUID.',
  },
  {
    name: 'orders.mine: unknown field',
    call: () => buyer.orders.mine.query({ page: 2 } as never),
    code: 'BAD_REQUEST',
    message: 'Unexpected field: page.',
  },
  {
    name: 'bulkSetStatus: no orders',
    call: () => bulkMove({ orders: [] }),
    code: 'BAD_REQUEST',
    field: 'orders',
    message: 'Some fields are not valid: Select at least one order to move.',
  },
  {
    name: 'bulkSetStatus: 101 orders',
    call: () => bulkMove({ orders: Array.from({ length: 101 }, () => ({ orderNumber: pendingOrder, requestId: randomUUID() })) }),
    code: 'BAD_REQUEST',
    field: 'orders',
    message: /Move at most 100 orders at once\./,
  },
  {
    name: 'bulkSetStatus: the same order twice',
    call: () =>
      bulkMove({
        orders: [
          { orderNumber: pendingOrder, requestId: randomUUID() },
          { orderNumber: pendingOrder, requestId: randomUUID() },
        ],
      }),
    code: 'BAD_REQUEST',
    field: 'orders',
    message: 'Some fields are not valid: Each order may appear only once in a bulk move.',
  },
  {
    name: 'bulkSetStatus: to shipped',
    call: () => bulkMove({ to: 'shipped' }),
    code: 'BAD_REQUEST',
    field: 'to',
    message: /mark orders as shipped one at a time\./,
  },
  { name: 'bulkSetStatus: unknown status', call: () => bulkMove({ to: 'lost' }), code: 'BAD_REQUEST', field: 'to' },
  {
    name: 'bulkSetStatus: request ID not a UUID',
    call: () => bulkMove({ orders: [{ orderNumber: pendingOrder, requestId: 'click-1' }] }),
    code: 'BAD_REQUEST',
    field: 'orders.0.requestId',
  },
  {
    name: 'bulkSetStatus: malformed order number',
    call: () => bulkMove({ orders: [{ orderNumber: 'ORD-1', requestId: randomUUID() }] }),
    code: 'BAD_REQUEST',
    field: 'orders.0.orderNumber',
  },
  {
    name: 'bulkSetStatus: orders is a string',
    call: () => bulkMove({ orders: pendingOrder }),
    code: 'BAD_REQUEST',
    field: 'orders',
    message: 'Some fields are not valid: The orders must be a list of { orderNumber, requestId } objects.',
  },
  {
    name: 'bulkSetStatus: line break in the note',
    call: () => bulkMove({ note: 'Packed\nby Ana' }),
    code: 'BAD_REQUEST',
    field: 'note',
    message: 'Some fields are not valid: Note must be a single line.',
  },
  {
    name: 'bulkSetStatus: a store named in the input',
    call: () => bulkMove({ storeId: randomUUID() }),
    code: 'BAD_REQUEST',
    message: 'Unexpected field: storeId.',
  },
  {
    name: 'packingSlips: no orders',
    call: () => seller.seller.packingSlips.query({ orderNumbers: [] }),
    code: 'BAD_REQUEST',
    field: 'orderNumbers',
    message: 'Some fields are not valid: Choose at least one order to print.',
  },
  {
    name: 'packingSlips: 101 orders',
    call: () => seller.seller.packingSlips.query({ orderNumbers: Array.from({ length: 101 }, () => pendingOrder) }),
    code: 'BAD_REQUEST',
    field: 'orderNumbers',
    message: /Print at most 100 packing slips at once\./,
  },
  {
    name: 'packingSlips: path in an order number',
    call: () => seller.seller.packingSlips.query({ orderNumbers: ['../../etc/passwd'] }),
    code: 'BAD_REQUEST',
    field: 'orderNumbers.0',
  },
  {
    name: 'setStatusMessages: message of 301 characters',
    call: () => setMessages([{ status: 'shipped', message: 'm'.repeat(301) }]),
    code: 'BAD_REQUEST',
    field: 'messages.0.message',
    message: 'Some fields are not valid: Message must have at most 300 characters.',
  },
  {
    name: 'setStatusMessages: right-to-left override in a message',
    call: () => setMessages([{ status: 'shipped', message: 'On its way\u202E' }]),
    code: 'BAD_REQUEST',
    field: 'messages.0.message',
    message: /Message contains an invisible text-direction character/,
  },
  {
    name: 'setStatusMessages: unknown status',
    call: () => setMessages([{ status: 'lost', message: 'Gone.' }]),
    code: 'BAD_REQUEST',
    field: 'messages.0.status',
  },
  {
    name: 'setStatusMessages: a status twice',
    call: () =>
      setMessages([
        { status: 'shipped', message: 'A.' },
        { status: 'shipped', message: 'B.' },
      ]),
    code: 'BAD_REQUEST',
    field: 'messages',
    message: 'Some fields are not valid: Each status may appear only once.',
  },
  {
    name: 'setStatusMessages: a store named in the input',
    call: () =>
      seller.seller.setStatusMessages.mutate({ storeId: randomUUID(), messages: [{ status: 'shipped', message: 'A.' }] } as never),
    code: 'BAD_REQUEST',
    message: 'Unexpected field: storeId.',
  },
  {
    name: 'setStatusMessages: message is a number',
    call: () => setMessages([{ status: 'shipped', message: 42 }]),
    code: 'BAD_REQUEST',
    field: 'messages.0.message',
    message: 'Some fields are not valid: Message must be text.',
  },
  {
    name: 'seller.orders: unknown sort',
    call: () => seller.seller.orders.query({ sort: 'cheapest' } as never),
    code: 'BAD_REQUEST',
    field: 'sort',
    message: 'Some fields are not valid: Sort must be one of: newest, deadline.',
  },
  {
    name: 'track: order number is a number',
    call: () => buyer.orders.track.query({ orderNumber: 42 } as never),
    code: 'BAD_REQUEST',
    field: 'orderNumber',
    message: 'Some fields are not valid: Order number must be text.',
  },
  {
    name: 'notifications.list: limit 0',
    call: () => buyer.notifications.list.query({ limit: 0 }),
    code: 'BAD_REQUEST',
    field: 'limit',
    message: 'Some fields are not valid: Limit must be at least 1.',
  },
  {
    name: 'notifications.list: limit 51',
    call: () => buyer.notifications.list.query({ limit: 51 }),
    code: 'BAD_REQUEST',
    field: 'limit',
    message: 'Some fields are not valid: Limit must be at most 50.',
  },
  {
    name: 'notifications.list: unknown field',
    call: () => buyer.notifications.list.query({ unread: true } as never),
    code: 'BAD_REQUEST',
    message: 'Unexpected field: unread.',
  },
  {
    name: 'notifications.markAllRead: until missing',
    call: () => buyer.notifications.markAllRead.mutate({} as never),
    code: 'BAD_REQUEST',
    field: 'until',
  },
  {
    name: 'notifications.markAllRead: until not a date',
    call: () => buyer.notifications.markAllRead.mutate({ until: 'yesterday' }),
    code: 'BAD_REQUEST',
    field: 'until',
    message: /Until must be an ISO date-time/,
  },
  {
    name: 'notifications.markAllRead: input is a string',
    call: () => buyer.notifications.markAllRead.mutate('all' as never),
    code: 'BAD_REQUEST',
    field: 'input',
    message: 'The mark-as-read request must be a JSON object with the fields until.',
  },
  {
    name: 'notifications.markOrderRead: malformed order number',
    call: () => buyer.notifications.markOrderRead.mutate({ orderNumber: "' OR 1=1 --" }),
    code: 'BAD_REQUEST',
    field: 'orderNumber',
  },
  {
    name: 'notifications.markOrderRead: unknown order',
    call: () => buyer.notifications.markOrderRead.mutate({ orderNumber: 'ORD-20200101-000000' }),
    code: 'NOT_FOUND',
    message: 'Order not found.',
  },
  {
    name: 'confirmReceipt: a pending order',
    call: () => buyer.orders.confirmReceipt.mutate({ orderNumber: pendingOrder, requestId: randomUUID() }),
    code: 'CONFLICT',
    message: 'An order cannot go from Pending to Delivered. From Pending it can move to: Cancelled.',
  },
  {
    name: 'confirmReceipt: a delivered order',
    call: () => buyer.orders.confirmReceipt.mutate({ orderNumber: deliveredOrder, requestId: randomUUID() }),
    code: 'CONFLICT',
  },
  {
    name: 'confirmReceipt: request ID not a UUID',
    call: () => buyer.orders.confirmReceipt.mutate({ orderNumber: shippedOrder, requestId: 'tap-1' }),
    code: 'BAD_REQUEST',
    field: 'requestId',
  },
  {
    name: 'confirmReceipt: unknown field',
    call: () => buyer.orders.confirmReceipt.mutate({ orderNumber: shippedOrder, requestId: randomUUID(), to: 'delivered' } as never),
    code: 'BAD_REQUEST',
    message: 'Unexpected field: to.',
  },
  {
    name: 'ratings.mine: malformed order number',
    call: () => buyer.ratings.mine.query({ orderNumber: 'ORD-1' }),
    code: 'BAD_REQUEST',
    field: 'orderNumber',
  },
  {
    name: 'ratings.rate: 0 stars',
    call: () => buyer.ratings.rate.mutate({ orderNumber: deliveredOrder, stars: 0 }),
    code: 'BAD_REQUEST',
    field: 'stars',
    message: 'Some fields are not valid: Stars must be at least 1.',
  },
  {
    name: 'ratings.rate: 6 stars',
    call: () => buyer.ratings.rate.mutate({ orderNumber: deliveredOrder, stars: 6 }),
    code: 'BAD_REQUEST',
    field: 'stars',
    message: 'Some fields are not valid: Stars must be at most 5.',
  },
  {
    name: 'ratings.rate: 4.5 stars',
    call: () => buyer.ratings.rate.mutate({ orderNumber: deliveredOrder, stars: 4.5 }),
    code: 'BAD_REQUEST',
    field: 'stars',
  },
  {
    name: 'ratings.rate: stars as text',
    call: () => buyer.ratings.rate.mutate({ orderNumber: deliveredOrder, stars: '5' } as never),
    code: 'BAD_REQUEST',
    field: 'stars',
    message: 'Some fields are not valid: Stars must be a number from 1 to 5.',
  },
  {
    name: 'ratings.rate: comment of 1001 characters',
    call: () => buyer.ratings.rate.mutate({ orderNumber: deliveredOrder, stars: 4, comment: 'c'.repeat(1001) }),
    code: 'BAD_REQUEST',
    field: 'comment',
    message: 'Some fields are not valid: Comment must have at most 1000 characters.',
  },
  {
    name: 'ratings.rate: right-to-left override in the comment',
    call: () => buyer.ratings.rate.mutate({ orderNumber: deliveredOrder, stars: 4, comment: 'Great \u202Eshirt' }),
    code: 'BAD_REQUEST',
    field: 'comment',
    message: /Comment contains an invisible text-direction character/,
  },
  {
    name: 'ratings.rate: NUL in the comment',
    call: () => buyer.ratings.rate.mutate({ orderNumber: deliveredOrder, stars: 4, comment: 'Great\u0000shirt' }),
    code: 'BAD_REQUEST',
    field: 'comment',
    message: /Comment contains an invisible control character/,
  },
  {
    name: 'ratings.rate: an order not yet delivered',
    call: () => buyer.ratings.rate.mutate({ orderNumber: shippedOrder, stars: 5 }),
    code: 'CONFLICT',
    message: 'You can rate an order once it has been delivered.',
  },
  {
    name: 'ratings.rate: unknown field',
    call: () => buyer.ratings.rate.mutate({ orderNumber: deliveredOrder, stars: 5, verified: true } as never),
    code: 'BAD_REQUEST',
    message: 'Unexpected field: verified.',
  },
  {
    name: 'seller.orderRating: malformed order number',
    call: () => seller.seller.orderRating.query({ orderNumber: 'ORD-20261126-abc' }),
    code: 'BAD_REQUEST',
    field: 'orderNumber',
  },
  {
    name: 'seller.orderRating: another store’s order number',
    call: () => seller.seller.orderRating.query({ orderNumber: 'ORD-20200101-000000' }),
    code: 'NOT_FOUND',
    message: 'Order not found.',
  },
];

test('the table holds at least 30 bad inputs', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
});

/** Wording of JSON parsers, zod defaults and tRPC internals, and the old "field: message" format. */
const NOT_FOR_PEOPLE =
  /Unexpected (end|token)|is not valid JSON|Invalid input|expected \w+, received|Unrecognized key|No procedure|Unsupported|^[\w.]+: /;

/** A message a person can read: a sentence of its own, in plain words. */
function expectReadable(message: string): void {
  expect(message).toMatch(/^[A-Z"].*[.!?]$/s);
  expect(message).not.toMatch(NOT_FOR_PEOPLE);
  expect(message).not.toMatch(/\n\s+at |node_modules|prisma|Invalid `/i);
}

test.each(CASES)('$name → $code', async ({ call, code, field, message: expected }) => {
  let error: unknown;
  try {
    await call();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(TRPCClientError);
  const { data, message } = error as {
    message: string;
    data: { code: string; httpStatus: number; fieldErrors?: Record<string, string[]>; stack?: string };
  };
  expect(data.code).toBe(code);
  expect(data.httpStatus).toBeLessThan(500);
  expect(message.length).toBeGreaterThan(5);
  expect(data.stack).toBeUndefined();
  expectReadable(message);
  for (const messages of Object.values(data.fieldErrors ?? {})) for (const text of messages) expectReadable(text);
  if (field) expect(Object.keys(data.fieldErrors ?? {}), message).toContain(field);
  if (typeof expected === 'string') expect(message).toBe(expected);
  else if (expected) expect(message).toMatch(expected);
});

/** A buyer's session cookie, for raw requests to buyer procedures. */
async function rawBuyerCookie(): Promise<string> {
  const body = JSON.stringify({ email: `raw-${randomUUID()}@test.example`, name: 'Raw Buyer', password: 'long enough password' });
  const response = await fetch(`${stack.apiUrl}/trpc/auth.register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** What a client without the typed tRPC client sends, and the sentence it reads back. */
const RAW_CASES: {
  name: string;
  path: string;
  init?: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> };
  signedIn?: true;
  status: number;
  message: string;
}[] = [
  {
    name: 'a body that is cut short',
    path: 'auth.login',
    init: { method: 'POST', body: '{"email": "a@b.co", "password": ' },
    status: 400,
    message: 'The request could not be read. Send the input as valid JSON.',
  },
  {
    name: 'a body that is not JSON',
    path: 'auth.login',
    init: { method: 'POST', body: 'email=a@b.co' },
    status: 400,
    message: 'The request could not be read. Send the input as valid JSON.',
  },
  {
    name: 'a query input that is not JSON',
    path: 'orders.mine?input=%7B%22limit%22',
    signedIn: true,
    status: 400,
    message: 'The request could not be read. Send the input as valid JSON.',
  },
  {
    name: 'a JSON array body',
    path: 'auth.login',
    init: { method: 'POST', body: '[1, 2, 3]' },
    status: 400,
    message: 'The sign-in must be a JSON object with the fields email, password.',
  },
  { name: 'no body at all', path: 'auth.login', init: { method: 'POST', body: '' }, status: 400, message: 'The sign-in is required.' },
  {
    name: 'an unknown field',
    path: 'auth.register',
    init: { method: 'POST', body: '{"email":"a@b.co","name":"A","password":"long enough","role":"seller"}' },
    status: 400,
    message: 'Unexpected field: role.',
  },
  {
    name: 'two unknown fields',
    path: 'auth.login',
    init: { method: 'POST', body: '{"email":"a@b.co","password":"x","role":"seller","admin":true}' },
    status: 400,
    message: 'Unexpected fields: role, admin.',
  },
  {
    name: 'a field of the wrong type',
    path: 'auth.login',
    init: { method: 'POST', body: '{"email":["a@b.co"],"password":"x"}' },
    status: 400,
    message: 'Some fields are not valid: Email must be text.',
  },
  {
    name: 'an unknown procedure',
    path: 'auth.nonexistent',
    init: { method: 'POST', body: '{}' },
    status: 404,
    message: 'There is no such API procedure.',
  },
  { name: 'GET on a mutation', path: 'auth.login', status: 405, message: 'This procedure changes data, so it must be sent with POST.' },
  {
    name: 'POST on a query',
    path: 'catalog.stores',
    init: { method: 'POST', body: '{}' },
    status: 405,
    message: 'This procedure only reads data, so it must be requested with GET.',
  },
  {
    name: 'a batch',
    path: 'catalog.stores,auth.me?batch=1',
    status: 400,
    message: 'Send one call per request; batched calls are not accepted.',
  },
  {
    name: 'a form-encoded body',
    path: 'auth.login',
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.co' },
    status: 415,
    message: 'Send the request body as JSON, with the header Content-Type: application/json.',
  },
  {
    name: 'a body of 70 KB',
    path: 'auth.login',
    init: { method: 'POST', body: JSON.stringify({ email: 'a@b.co', password: 'p'.repeat(70_000) }) },
    status: 413,
    message: 'The request is too large. A request body may hold at most 64 KiB.',
  },
];

test.each(RAW_CASES)('raw HTTP: $name → $status with a sentence', async ({ path, init, signedIn, status, message }) => {
  const cookie: Record<string, string> = signedIn ? { cookie: await rawBuyerCookie() } : {};
  const response = await fetch(`${stack.apiUrl}/trpc/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...cookie, ...init?.headers },
  });
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(text).not.toMatch(/\n\s+at |node_modules|stack/);
  const { error } = JSON.parse(text) as {
    error: { message: string; data: { httpStatus: number; fieldErrors?: Record<string, string[]> } };
  };
  expect(error.message).toBe(message);
  expectReadable(error.message);
  for (const messages of Object.values(error.data.fieldErrors ?? {})) for (const field of messages) expectReadable(field);
});

test('a refused page request answers with a sentence too', async () => {
  const response = await fetch(`${stack.apiUrl}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('GET, HEAD');
  expect(((await response.json()) as { error: string }).error).toBe('Pages can only be read, with GET or HEAD.');
});
