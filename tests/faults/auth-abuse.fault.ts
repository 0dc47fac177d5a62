// Attacks on accounts and sessions beyond the basic checks of api-auth.test.ts: a deleted account's
// cookie, tampered and planted cookies, every mutation from another origin, password spraying from one
// address, guessing one account from many addresses, and a burst of parallel guesses. Each is refused
// and the server logs the refusal. Attackers send from their own loopback addresses, since the rate
// limit counts per address.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { appRouter } from '../../api/routers';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { BUYER_PASSWORD, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { recordFigures } from './support/figures';
import { mutation, query, type RawResponse, sessionCookieOf } from './support/raw-http';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

let nextAddress = 2;
/** A loopback address no other attacker in this file has used. */
const freshAddress = () => `127.0.0.${nextAddress++}`;

async function registerBuyer(from = '127.0.0.1'): Promise<{ email: string; cookie: string; id: string }> {
  const email = `abuse-${randomUUID()}@test.example`;
  const response = await mutation(stack.apiUrl, 'auth.register', { email, name: 'Abuse Target', password: BUYER_PASSWORD }, { from });
  return { email, cookie: sessionCookieOf(response), id: (response.result as { id: string }).id };
}

const login = (email: string, password: string, from: string, headers: Record<string, string> = {}) =>
  mutation(stack.apiUrl, 'auth.login', { email, password }, { from, headers });
const logsFor = (msg: string) => stack.logs.filter((log) => log.msg === msg);

function expectRefusal(response: RawResponse, status: number, code: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.error?.data?.code).toBe(code);
  expect(response.error!.message.length).toBeGreaterThan(10);
}

test('the cookie of a deleted account is refused and logged', async () => {
  const { cookie, id } = await registerBuyer();
  expect((await query(stack.apiUrl, 'orders.mine', {}, { cookie })).status).toBe(200);
  await stack.db.user.delete({ where: { id } });
  const before = logsFor('invalid session refused').length;
  expectRefusal(await query(stack.apiUrl, 'orders.mine', {}, { cookie }), 401, 'UNAUTHORIZED');
  expect((await query(stack.apiUrl, 'auth.me', undefined, { cookie })).result).toBeNull();
  expect(logsFor('invalid session refused').length).toBe(before + 1);
  recordFigures('deleted account', { badInputsTried: 2 });
});

test('tampered session cookies are refused with 401, never a 500, and logged', async () => {
  const { cookie } = await registerBuyer();
  const token = cookie.slice('sid='.length);
  const flip = (char: string) => (char === 'A' ? 'B' : 'A');
  const storedHash = createHash('sha256').update(token).digest('hex');
  const tampered = {
    'one character changed': token.slice(0, -1) + flip(token.at(-1)!),
    truncated: token.slice(0, -1),
    extended: `${token}A`,
    'upper-cased': token.toUpperCase(),
    'the hash stored in the database': storedHash,
    'a malformed escape': `${token.slice(0, 40)}%E0%A4%A`,
    'SQL injection': "' OR '1'='1",
    'eight kilobytes': 'A'.repeat(8192),
    empty: '',
  };
  const before = logsFor('invalid session refused').length;
  for (const [name, value] of Object.entries(tampered)) {
    const forged = `sid=${value}`;
    const read = await query(stack.apiUrl, 'orders.mine', {}, { cookie: forged });
    const write = await mutation(
      stack.apiUrl,
      'orders.cancel',
      { orderNumber: 'ORD-20261126-4F7K2Q', requestId: randomUUID() },
      { cookie: forged },
    );
    for (const response of [read, write]) {
      expect(response.status, name).toBe(401);
      expect(response.error?.message, name).toBe('Please sign in to continue.');
    }
  }
  // Every forged cookie but the empty one is worth a warning; an empty cookie is just a signed-out visitor.
  expect(logsFor('invalid session refused').length - before).toBe(2 * (Object.keys(tampered).length - 1));
  expect(JSON.stringify(stack.logs)).not.toContain(token);
  expect((await query(stack.apiUrl, 'orders.mine', {}, { cookie })).status).toBe(200);
  recordFigures('tampered cookies', { badInputsTried: 2 * Object.keys(tampered).length });
});

test('a session cookie planted before sign-in is not adopted', async () => {
  const { email } = await registerBuyer();
  const planted = `sid=${'P'.repeat(43)}`;
  const response = await login(email, BUYER_PASSWORD, '127.0.0.1', { cookie: planted });
  const issued = sessionCookieOf(response);
  expect(issued).not.toBe(planted);
  expect((await query(stack.apiUrl, 'orders.mine', {}, { cookie: issued })).status).toBe(200);
  expect((await query(stack.apiUrl, 'orders.mine', {}, { cookie: planted })).status).toBe(401);
});

test('every mutation called from another origin with a valid session is refused, logged, and changes nothing', async () => {
  const buyer = await registerBuyer();
  const seller = sessionCookieOf(await login('fashion@seller.test', DEMO_PASSWORD, '127.0.0.1'));
  const [product] = await productsOf(stack.db, 'fashion-store');
  // A real order of this buyer, placed through a same-origin call.
  const placed = await mutation(
    stack.apiUrl,
    'checkout.place',
    { idempotencyKey: randomUUID(), lines: [{ productId: product!.id, quantity: 1 }], shipping: SHIPPING },
    { cookie: buyer.cookie },
  );
  const orderNumber = (placed.result as { orders: { orderNumber: string }[] }).orders[0]!.orderNumber;

  // A valid call of each mutation, so that only the origin check can refuse it.
  const validCalls: Record<string, { input: unknown; cookie?: string }> = {
    'auth.register': { input: { email: `csrf-${randomUUID()}@test.example`, name: 'Csrf Victim', password: BUYER_PASSWORD } },
    'auth.login': { input: { email: buyer.email, password: BUYER_PASSWORD } },
    'auth.logout': { input: undefined, cookie: buyer.cookie },
    'checkout.place': {
      input: { idempotencyKey: randomUUID(), lines: [{ productId: product!.id, quantity: 1 }], shipping: SHIPPING },
      cookie: buyer.cookie,
    },
    'orders.cancel': { input: { orderNumber, requestId: randomUUID(), note: 'Forged' }, cookie: buyer.cookie },
    'orders.confirmReceipt': { input: { orderNumber, requestId: randomUUID() }, cookie: buyer.cookie },
    'notifications.markAllRead': { input: { until: new Date().toISOString() }, cookie: buyer.cookie },
    'notifications.markOrderRead': { input: { orderNumber }, cookie: buyer.cookie },
    'ratings.rate': { input: { orderNumber, stars: 1, comment: 'Forged' }, cookie: buyer.cookie },
    'seller.setStatus': { input: { orderNumber, requestId: randomUUID(), to: 'confirmed' }, cookie: seller },
    'seller.bulkSetStatus': { input: { to: 'confirmed', orders: [{ orderNumber, requestId: randomUUID() }] }, cookie: seller },
    'seller.setStatusMessages': { input: { messages: [{ status: 'confirmed', message: 'Forged message' }] }, cookie: seller },
  };
  const mutations = Object.entries(appRouter._def.procedures)
    .filter(([, procedure]) => (procedure as unknown as { _def: { type: string } })._def.type === 'mutation')
    .map(([path]) => path);
  expect(Object.keys(validCalls).sort()).toEqual(mutations.sort());

  const foreignHeaders: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { origin: 'http://127.0.0.1:1' },
    { origin: `${stack.apiUrl}.evil.example` },
    // The same host and port over the other scheme is another origin.
    { origin: stack.apiUrl.replace(/^http:/, 'https:') },
    { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ];
  const before = logsFor('cross-origin call refused').length;
  for (const [path, { input, cookie }] of Object.entries(validCalls)) {
    for (const headers of foreignHeaders) {
      const response = await mutation(stack.apiUrl, path, input, { cookie, headers });
      expectRefusal(response, 403, 'FORBIDDEN');
      expect(response.setCookies).toEqual([]);
    }
  }
  const refusals = logsFor('cross-origin call refused').slice(before);
  expect(refusals).toHaveLength(mutations.length * foreignHeaders.length);
  expect(new Set(refusals.map((log) => log.path))).toEqual(new Set(mutations));

  // Nothing happened: the order is untouched, no second checkout or account exists, the session lives,
  // the notifications stay unread, and neither a rating nor a store message was written.
  expect((await stack.db.order.findUniqueOrThrow({ where: { orderNumber } })).status).toBe('pending');
  expect(await stack.db.notification.count({ where: { order: { orderNumber }, readAt: { not: null } } })).toBe(0);
  expect(await stack.db.orderRating.count({ where: { order: { orderNumber } } })).toBe(0);
  expect(await stack.db.storeStatusMessage.count({ where: { message: 'Forged message' } })).toBe(0);
  expect(await stack.db.checkout.count({ where: { buyerId: buyer.id } })).toBe(1);
  expect(await stack.db.user.count({ where: { email: (validCalls['auth.register']!.input as { email: string }).email } })).toBe(0);
  expect((await query(stack.apiUrl, 'orders.mine', {}, { cookie: buyer.cookie })).status).toBe(200);
  recordFigures('cross-origin mutations', { badInputsTried: mutations.length * foreignHeaders.length });
});

test('password spraying across many accounts from one address is cut off by the address budget, and logged', async () => {
  const maxFailures = stack.env.LOGIN_MAX_FAILURES;
  const addressBudget = maxFailures * 4;
  const registrar = freshAddress();
  const accounts = await Promise.all(Array.from({ length: addressBudget + 5 }, () => registerBuyer(registrar)));
  const attacker = freshAddress();
  const statuses: number[] = [];
  for (const { email } of accounts) statuses.push((await login(email, 'Summer2026!', attacker)).status);
  expect(statuses).toEqual([...Array(addressBudget).fill(401), ...Array(5).fill(429)]);
  // Even a right password is refused from that address, while the owner elsewhere signs in as usual.
  const target = accounts.at(-1)!;
  expectRefusal(await login(target.email, BUYER_PASSWORD, attacker), 429, 'TOO_MANY_REQUESTS');
  expect((await login(target.email, BUYER_PASSWORD, freshAddress())).status).toBe(200);
  expect(logsFor('login refused').filter((log) => log.ip === attacker)).toHaveLength(addressBudget);
  expect(logsFor('login rate limit hit').filter((log) => log.ip === attacker)).toHaveLength(6);
  recordFigures('password spraying', { badInputsTried: statuses.length + 1 });
});

test('guessing one account from many addresses locks the account, and is logged', async () => {
  const maxFailures = stack.env.LOGIN_MAX_FAILURES;
  const { email } = await registerBuyer();
  const attackers = Array.from({ length: maxFailures + 2 }, freshAddress);
  const statuses: number[] = [];
  for (const from of attackers) statuses.push((await login(email, `guess-${from}`, from)).status);
  expect(statuses).toEqual([...Array(maxFailures).fill(401), 429, 429]);
  expectRefusal(await login(email, BUYER_PASSWORD, freshAddress()), 429, 'TOO_MANY_REQUESTS');
  expect(logsFor('login rate limit hit').filter((log) => attackers.includes(log.ip as string))).toHaveLength(2);
  recordFigures('distributed guessing', { badInputsTried: statuses.length + 1 });
});

test('parallel guesses get no more tries than sequential ones', async () => {
  const maxFailures = stack.env.LOGIN_MAX_FAILURES;
  const { email } = await registerBuyer();
  const attacker = freshAddress();
  const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => login(email, `parallel-guess-${i}`, attacker)));
  const statuses = responses.map((response) => response.status).sort();
  expect(statuses).toEqual([...Array(maxFailures).fill(401), ...Array(30 - maxFailures).fill(429)]);
  expect(await stack.db.loginAttempt.count({ where: { email, succeeded: false } })).toBe(maxFailures);
  recordFigures('parallel guessing', { badInputsTried: responses.length });
});
