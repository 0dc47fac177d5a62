// A hostile-input corpus for every procedure that takes input: wrong types, huge strings, odd unicode,
// SQL and HTML injection, bad numbers, unknown statuses, malformed and forged order numbers, and unknown
// fields. Every refusal is a 4xx with messages written as sentences for a person (or Node's own 431 for a
// URL over its header limit) and leaks nothing; text that is fine to keep is stored exactly as sent, and
// shown escaped (see hostile-input-ui.fault.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { createApiClient } from '../../scripts/lib/api-client';
import { BUYER_PASSWORD, placeOrder, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { driveTo } from '../support/workflow-helpers';
import { recordFigures } from './support/figures';
import {
  asStored,
  EXTRA_FIELDS,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  MALFORMED_ORDER_NUMBERS,
  UNKNOWN_STATUSES,
  WRONG_TYPES,
  withValueAt,
} from './support/hostile-values';
import { LEAK_PATTERN, mutation, NOT_FOR_PEOPLE, query, type RawResponse, sessionCookieOf } from './support/raw-http';

// The corpus sends dozens of failed logins; they count against this address only.
const FROM = '127.0.0.50';

type Caller = 'anonymous' | 'buyer' | 'seller';
/**
 * text: may be stored; format: must match a pattern; secret: a password that is checked, not validated;
 * number, status, orderNumber: as named.
 */
type Kind = 'text' | 'format' | 'secret' | 'number' | 'status' | 'orderNumber';
type Input = Record<string, unknown>;

interface Field {
  path: string;
  kind: Kind;
  /** For text that may be stored: reads back what was stored from the call's result. */
  stored?: (result: unknown) => Promise<unknown>;
}

interface Procedure {
  procedure: string;
  type: 'query' | 'mutation';
  caller: Caller;
  /** A valid input, built again after a call was accepted, since that may have used it up. */
  valid: () => Promise<Input>;
  /** The status the valid input gets; a login with schema-valid but wrong credentials gets 401. */
  validStatus?: number;
  /** The order an accepted call uses up (cancels or moves on). */
  uses?: { order?: string };
  fields: Field[];
  /** Well-formed order numbers the caller may not see, each of which must get NOT_FOUND. */
  forged?: () => Record<string, string>;
}

interface Case {
  name: string;
  build: (valid: Input) => unknown;
  expect: 'refused' | 'refused or stored';
  field?: Field;
  /** The refusal must name the field (a validation error), not merely explain itself. */
  namesField?: boolean;
  value?: unknown;
  code?: string;
}

let stack: TestStack;
const cookies = {} as Record<Caller, string | undefined>;
let productId: string;
let otherBuyersOrder: string;
let otherStoresOrder: string;
const pending: { order?: string } = {};
const processing: { order?: string } = {};

beforeAll(async () => {
  stack = await startTestStack();
  const registered = await mutation(stack.apiUrl, 'auth.register', {
    email: `corpus-${randomUUID()}@test.example`,
    name: 'Corpus Buyer',
    password: BUYER_PASSWORD,
  });
  cookies.buyer = sessionCookieOf(registered);
  cookies.seller = sessionCookieOf(await mutation(stack.apiUrl, 'auth.login', { email: 'fashion@seller.test', password: DEMO_PASSWORD }));
  productId = (await productsOf(stack.db, 'fashion-store'))[0]!.id;
  const other = createApiClient(stack.apiUrl);
  await other.auth.register.mutate({ email: `other-${randomUUID()}@test.example`, name: 'Other Buyer', password: BUYER_PASSWORD });
  otherBuyersOrder = await placeOrder(other, stack.db);
  otherStoresOrder = await placeOrder(other, stack.db, 'gadget-hub');
});
afterAll(() => stack?.stop());

/** An order of the corpus buyer in the given state, reused until a call changes it. */
async function orderIn(slot: { order?: string }, status: 'pending' | 'processing'): Promise<string> {
  if (!slot.order) {
    const buyer = createApiClient(stack.apiUrl, { cookie: cookies.buyer! });
    slot.order = await placeOrder(buyer, stack.db);
    if (status === 'processing') await driveTo(stack.temporal, slot.order, 'processing');
  }
  return slot.order;
}

const orderRow = async (result: unknown) =>
  stack.db.order.findUniqueOrThrow({ where: { orderNumber: (result as { orders: { orderNumber: string }[] }).orders[0]!.orderNumber } });
const lastNote = async (result: unknown) => (result as { order: { timeline: { note?: string }[] } }).order.timeline.at(-1)!.note;
const unknownOrder = 'ORD-20200101-000000';

const PROCEDURES: Procedure[] = [
  {
    procedure: 'auth.register',
    type: 'mutation',
    caller: 'anonymous',
    valid: async () => ({ email: `reg-${randomUUID()}@test.example`, name: 'Maria Santos', password: 'long enough password' }),
    fields: [
      { path: 'email', kind: 'format' },
      { path: 'name', kind: 'text', stored: async (result) => (result as { name: string }).name },
      { path: 'password', kind: 'text' },
    ],
  },
  {
    procedure: 'auth.login',
    type: 'mutation',
    caller: 'anonymous',
    // An address no account uses, so the corpus locks no one out.
    valid: async () => ({ email: 'nobody-here@test.example', password: 'not the password' }),
    validStatus: 401,
    fields: [
      { path: 'email', kind: 'format' },
      // Never accepted, since no account has these passwords, but wrong rather than malformed.
      { path: 'password', kind: 'secret' },
    ],
  },
  {
    procedure: 'checkout.place',
    type: 'mutation',
    caller: 'buyer',
    valid: async () => ({ idempotencyKey: randomUUID(), lines: [{ productId, quantity: 1 }], shipping: { ...SHIPPING } }),
    fields: [
      { path: 'idempotencyKey', kind: 'format' },
      { path: 'lines', kind: 'format' },
      { path: 'lines.0.productId', kind: 'format' },
      { path: 'lines.0.quantity', kind: 'number' },
      { path: 'shipping', kind: 'format' },
      { path: 'shipping.name', kind: 'text', stored: async (result) => (await orderRow(result)).shippingName },
      { path: 'shipping.addressLine', kind: 'text', stored: async (result) => (await orderRow(result)).addressLine },
      { path: 'shipping.city', kind: 'text', stored: async (result) => (await orderRow(result)).city },
      { path: 'shipping.phone', kind: 'format' },
      { path: 'shipping.postalCode', kind: 'format' },
    ],
  },
  {
    procedure: 'orders.mine',
    type: 'query',
    caller: 'buyer',
    valid: async () => ({ limit: 20 }),
    fields: [
      { path: 'cursor', kind: 'format' },
      { path: 'limit', kind: 'number' },
    ],
  },
  {
    procedure: 'orders.track',
    type: 'query',
    caller: 'buyer',
    valid: async () => ({ orderNumber: await orderIn(pending, 'pending') }),
    fields: [{ path: 'orderNumber', kind: 'orderNumber' }],
    forged: () => ({ 'unknown order': unknownOrder, "another buyer's order": otherBuyersOrder }),
  },
  {
    procedure: 'orders.cancel',
    type: 'mutation',
    caller: 'buyer',
    valid: async () => ({ orderNumber: await orderIn(pending, 'pending'), requestId: randomUUID(), note: 'Ordered by mistake' }),
    uses: pending,
    fields: [
      { path: 'orderNumber', kind: 'orderNumber' },
      { path: 'requestId', kind: 'format' },
      { path: 'note', kind: 'text', stored: lastNote },
    ],
    forged: () => ({ 'unknown order': unknownOrder, "another buyer's order": otherBuyersOrder }),
  },
  {
    procedure: 'seller.orders',
    type: 'query',
    caller: 'seller',
    valid: async () => ({ limit: 20 }),
    fields: [
      { path: 'status', kind: 'status' },
      { path: 'search', kind: 'text' },
      { path: 'cursor', kind: 'format' },
      { path: 'limit', kind: 'number' },
    ],
  },
  {
    procedure: 'seller.order',
    type: 'query',
    caller: 'seller',
    valid: async () => ({ orderNumber: await orderIn(pending, 'pending') }),
    fields: [{ path: 'orderNumber', kind: 'orderNumber' }],
    forged: () => ({ 'unknown order': unknownOrder, "another store's order": otherStoresOrder }),
  },
  {
    procedure: 'seller.setStatus',
    type: 'mutation',
    caller: 'seller',
    valid: async () => ({
      orderNumber: await orderIn(pending, 'pending'),
      requestId: randomUUID(),
      to: 'confirmed',
      note: 'Packed with care',
    }),
    uses: pending,
    fields: [
      { path: 'orderNumber', kind: 'orderNumber' },
      { path: 'requestId', kind: 'format' },
      { path: 'to', kind: 'status' },
      { path: 'note', kind: 'text', stored: lastNote },
    ],
    forged: () => ({ 'unknown order': unknownOrder, "another store's order": otherStoresOrder }),
  },
  {
    procedure: 'seller.setStatus',
    type: 'mutation',
    caller: 'seller',
    valid: async () => ({
      orderNumber: await orderIn(processing, 'processing'),
      requestId: randomUUID(),
      to: 'shipped',
      carrier: 'LBC Express',
      trackingNumber: 'LBC-123456',
    }),
    uses: processing,
    fields: [
      {
        path: 'carrier',
        kind: 'text',
        stored: async (result) => (result as { order: { tracking: { carrier: string } } }).order.tracking.carrier,
      },
      { path: 'trackingNumber', kind: 'format' },
    ],
  },
];

const named = (values: Record<string, unknown>, prefix: string) =>
  Object.entries(values).map(([name, value]) => ({ name: `${prefix}${name}`, value }));

function casesFor({ fields, forged }: Procedure): Case[] {
  const cases: Case[] = [];
  for (const field of fields) {
    const at = (
      values: { name: string; value: unknown }[],
      expect: Case['expect'] = 'refused',
      namesField = expect === 'refused',
    ): Case[] =>
      values.map(({ name, value }) => ({
        name: `${field.path}: ${name}`,
        build: (valid) => withValueAt(valid, field.path, value),
        expect,
        field,
        value,
        namesField,
      }));
    const wrongTypes = Object.fromEntries(
      Object.entries(WRONG_TYPES).filter(([, value]) => !(field.kind === 'number' && typeof value === 'number')),
    );
    cases.push(...at(named(wrongTypes, 'wrong type: ')));
    if (field.kind === 'text') cases.push(...at(named(HOSTILE_STRINGS, ''), 'refused or stored'));
    else if (field.kind === 'secret') cases.push(...at(named(HOSTILE_STRINGS, ''), 'refused', false));
    else if (field.kind === 'number') cases.push(...at(named(HOSTILE_NUMBERS, '')));
    else cases.push(...at(named(HOSTILE_STRINGS, '')));
    if (field.kind === 'status') cases.push(...at(named(UNKNOWN_STATUSES, 'unknown status: ')));
    if (field.kind === 'orderNumber') {
      cases.push(...at(named(MALFORMED_ORDER_NUMBERS, 'malformed: ')));
      for (const [name, orderNumber] of Object.entries(forged!())) {
        cases.push({
          name: `${field.path}: forged, ${name}`,
          build: (valid) => ({ ...valid, [field.path]: orderNumber }),
          expect: 'refused',
          code: 'NOT_FOUND',
        });
      }
    }
  }
  for (const { name, value } of [...named(WRONG_TYPES, 'whole input: '), { name: 'whole input: a string', value: 'Maria' }]) {
    cases.push({ name, build: () => value, expect: 'refused' });
  }
  for (const [name, extra] of Object.entries(EXTRA_FIELDS))
    cases.push({ name: `unknown field: ${name}`, build: (valid) => ({ ...valid, ...extra }), expect: 'refused' });
  return cases;
}

function call({ procedure, type, caller }: Procedure, input: unknown): Promise<RawResponse> {
  const options = { from: FROM, cookie: cookies[caller] };
  return type === 'query' ? query(stack.apiUrl, procedure, input, options) : mutation(stack.apiUrl, procedure, input, options);
}

/** What is wrong with the answer to one case, or null when it is right. */
async function judge(spec: Procedure, item: Case, response: RawResponse): Promise<string | null> {
  if (LEAK_PATTERN.test(response.text)) return `leaks internals: ${response.text.slice(0, 300)}`;
  if (response.status === 200) {
    if (item.expect === 'refused') return 'accepted';
    if (!item.field?.stored) return null;
    const stored = await item.field.stored(response.result);
    return stored === asStored(item.value as string) ? null : `stored ${JSON.stringify(stored)?.slice(0, 80)}`;
  }
  // Node refuses a URL over its 16 KB header limit before any handler runs, without a body.
  if (response.status === 431 && spec.type === 'query') return null;
  if (response.status < 400 || response.status >= 500) return `status ${response.status}: ${response.text.slice(0, 300)}`;
  const error = response.error;
  if (!error || error.message.trim().length < 5) return `no message: ${response.text.slice(0, 300)}`;
  const messages = [error.message, ...Object.values(error.data?.fieldErrors ?? {}).flat()];
  const unreadable = messages.find((message) => NOT_FOR_PEOPLE.test(message) || !/[.!?]$/.test(message));
  if (unreadable) return `a message not written for people: ${unreadable.slice(0, 200)}`;
  if (item.code && error.data?.code !== item.code) return `${error.data?.code} instead of ${item.code}`;
  const { path } = item.field ?? {};
  if (item.namesField && !Object.keys(error.data?.fieldErrors ?? {}).some((key) => key === path || key.startsWith(`${path}.`))) {
    return `no message for ${path}: ${error.message.slice(0, 200)}`;
  }
  return null;
}

/** A valid input again, with a fresh order when the accepted call used up the last one. */
async function freshInput(spec: Procedure, accepted: boolean): Promise<Input> {
  if (accepted && spec.uses) spec.uses.order = undefined;
  return spec.valid();
}

test.each(PROCEDURES.map((spec) => ({ spec, title: `${spec.procedure} (${spec.fields.map((field) => field.path).join(', ')})` })))(
  '$title: every hostile input is refused with a 4xx and a message, or stored as sent',
  async ({ spec }) => {
    let valid = await spec.valid();
    // The valid input itself must pass, or every refusal below would prove nothing.
    expect((await call(spec, valid)).status).toBe(spec.validStatus ?? 200);
    valid = await freshInput(spec, true);
    const cases = casesFor(spec);
    const violations: string[] = [];
    for (const item of cases) {
      const response = await call(spec, item.build(valid));
      const problem = await judge(spec, item, response);
      if (problem) violations.push(`${item.name} → ${problem}`);
      if (response.status === 200) valid = await freshInput(spec, true);
    }
    recordFigures(`bad input: ${spec.procedure}`, { badInputsTried: cases.length });
    expect(violations).toEqual([]);
  },
);
