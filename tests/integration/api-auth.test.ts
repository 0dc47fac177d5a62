// Accounts and sessions: password storage, the session cookie, server-side session checks on every
// request, CSRF, login rate limiting, security headers, and that each refusal is logged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, errorCodeOf, signedInClient } from '../../scripts/lib/api-client';
import { mutation } from '../faults/support/raw-http';
import { BUYER_PASSWORD, newBuyer } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.apiUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.apiUrl}/trpc/${path}`, { headers });

test('passwords are stored as salted scrypt hashes', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const me = (await buyer.auth.me.query())!;
  const first = await stack.db.user.findUniqueOrThrow({ where: { id: me.id } });
  expect(first.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  expect(first.passwordHash).not.toContain(BUYER_PASSWORD);
  const second = await newBuyer(stack.apiUrl);
  const other = await stack.db.user.findUniqueOrThrow({ where: { id: (await second.auth.me.query())!.id } });
  expect(other.passwordHash).not.toBe(first.passwordHash);
});

test('login sets an httpOnly SameSite cookie whose token is not stored in the clear', async () => {
  const response = await post('auth.login', { email: 'jose@buyer.test', password: 'demo-pass-2026' });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]!;
  expect(cookie).toMatch(/^sid=[A-Za-z0-9_-]{43}; /);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Lax');
  expect(cookie).toContain('Path=/');
  const token = /^sid=([^;]+)/.exec(cookie)![1]!;
  expect(await stack.db.session.count({ where: { id: token } })).toBe(0);
  const me = await (await get('auth.me', { cookie: `sid=${token}` })).json();
  expect(me.result.data.email).toBe('jose@buyer.test');
});

test('forged, expired and logged-out sessions are refused, and the refusals are logged', async () => {
  const forged = await get('orders.mine', { cookie: `sid=${'A'.repeat(43)}` });
  expect(forged.status).toBe(401);

  const buyer = await newBuyer(stack.apiUrl);
  const me = (await buyer.auth.me.query())!;
  await stack.db.session.updateMany({ where: { userId: me.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await errorCodeOf(buyer.orders.mine.query({}))).toBe('UNAUTHORIZED');
  expect(await buyer.auth.me.query()).toBeNull();

  const response = await post('auth.login', { email: 'maria@buyer.test', password: 'demo-pass-2026' });
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  expect((await get('orders.mine', { cookie })).status).toBe(200);
  expect((await post('auth.logout', {}, { cookie })).status).toBe(200);
  expect((await get('orders.mine', { cookie })).status).toBe(401);

  expect(stack.logs.filter((log) => log.msg === 'invalid session refused').length).toBeGreaterThanOrEqual(3);
  expect(JSON.stringify(stack.logs)).not.toContain(cookie.slice(4));
});

test('state-changing calls from another origin are refused; same-origin calls pass', async () => {
  const login = { email: 'gadgets@seller.test', password: 'demo-pass-2026' };
  const crossSite = await post('auth.login', login, { origin: 'https://evil.example' });
  expect(crossSite.status).toBe(403);
  expect((await crossSite.json()).error.message).toMatch(/another site/);
  const fetchMetadata = await post('auth.login', login, { 'sec-fetch-site': 'cross-site' });
  expect(fetchMetadata.status).toBe(403);
  const sameOrigin = await post('auth.login', login, { origin: stack.apiUrl });
  expect(sameOrigin.status).toBe(200);
  // Queries are read-only and carry no CSRF risk; a cross-origin read still needs the victim's cookie, which SameSite withholds.
  expect((await get('catalog.stores', { origin: 'https://evil.example' })).status).toBe(200);
  expect(stack.logs.some((log) => log.msg === 'cross-origin call refused' && log.origin === 'https://evil.example')).toBe(true);
});

/** The status of an empty login sent with `headers`: 400 once it passes the origin check (the input is wrong), 403 if refused. */
const originStatus = async (apiUrl: string, headers: Record<string, string>) =>
  (await fetch(`${apiUrl}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' }))
    .status;

test('the origin check compares scheme, host and port, and ignores X-Forwarded-Proto', async () => {
  const { port } = new URL(stack.apiUrl);
  expect(await originStatus(stack.apiUrl, { origin: `http://127.0.0.1:${port}` })).toBe(400);
  const refused = [
    `https://127.0.0.1:${port}`,
    `http://127.0.0.1:${Number(port) + 1}`,
    'http://127.0.0.1',
    `http://localhost:${port}`,
    `http://127.0.0.1.evil.example:${port}`,
    'null',
    'not a URL',
  ];
  for (const origin of refused) expect(await originStatus(stack.apiUrl, { origin }), origin).toBe(403);
  // Any client can send X-Forwarded-Proto; without a trusted proxy it must not turn http into https.
  expect(await originStatus(stack.apiUrl, { origin: `https://127.0.0.1:${port}`, 'x-forwarded-proto': 'https' })).toBe(403);
});

test('with Secure cookies (behind a TLS-terminating proxy) the own origin is https, not http', async () => {
  const secure = await startTestStack({ COOKIE_SECURE: 'true' }, { inProcessWorker: false });
  try {
    const { port } = new URL(secure.apiUrl);
    expect(await originStatus(secure.apiUrl, { origin: `https://127.0.0.1:${port}` })).toBe(400);
    expect(await originStatus(secure.apiUrl, { origin: `http://127.0.0.1:${port}` })).toBe(403);
  } finally {
    await secure.stop();
  }
});

test('ALLOWED_ORIGINS names the only origins allowed, each compared whole', async () => {
  const listed = await startTestStack({ ALLOWED_ORIGINS: 'https://shop.example, http://127.0.0.1:8080/' }, { inProcessWorker: false });
  try {
    const own = listed.apiUrl;
    for (const origin of ['https://shop.example', 'https://SHOP.example:443', 'http://127.0.0.1:8080'])
      expect(await originStatus(own, { origin }), origin).toBe(400);
    for (const origin of ['http://shop.example', 'https://shop.example:8443', 'https://www.shop.example', own])
      expect(await originStatus(own, { origin }), origin).toBe(403);
  } finally {
    await listed.stop();
  }
});

test('login is rate-limited per account after repeated failures', async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const { email } = (await buyer.auth.me.query())!;
  const attacker = createApiClient(stack.apiUrl);
  const codes: string[] = [];
  for (let i = 0; i < stack.env.LOGIN_MAX_FAILURES; i++)
    codes.push(await errorCodeOf(attacker.auth.login.mutate({ email, password: `guess-${i}-${randomUUID()}` })));
  expect(codes).toEqual(Array(stack.env.LOGIN_MAX_FAILURES).fill('UNAUTHORIZED'));
  // Even the right password is refused while the account is locked.
  expect(await errorCodeOf(attacker.auth.login.mutate({ email, password: BUYER_PASSWORD }))).toBe('TOO_MANY_REQUESTS');
  // Other accounts are unaffected.
  await signedInClient(stack.apiUrl, 'jose@buyer.test');
  expect(stack.logs.some((log) => log.msg === 'login rate limit hit')).toBe(true);
});

/** An address of the IPv6 documentation range, new for each call, so that no earlier run's attempts count. */
const documentationAddress = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

test('behind a trusted proxy each client named in X-Forwarded-For has its own login budget; otherwise the header is ignored', async () => {
  // One failure per account and four per address; every guess names a new account, so only the address limits.
  const proxied = await startTestStack({ LOGIN_MAX_FAILURES: '1', TRUSTED_PROXIES: '127.0.0.1' }, { inProcessWorker: false });
  const direct = await startTestStack({ LOGIN_MAX_FAILURES: '1' }, { inProcessWorker: false });
  const guess = async (apiUrl: string, forwardedFor: string, from?: string) =>
    (
      await mutation(
        apiUrl,
        'auth.login',
        { email: `nobody-${randomUUID()}@test.example`, password: 'not the password' },
        { headers: { 'x-forwarded-for': forwardedFor }, from },
      )
    ).status;
  try {
    const [alice, bob] = [documentationAddress(), documentationAddress()];
    const statuses: number[] = [];
    // Whatever Alice writes to the left of the address the proxy appended does not change who she is.
    for (let i = 0; i < 5; i++) statuses.push(await guess(proxied.apiUrl, `198.51.100.${i}, ${alice}`));
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(await guess(proxied.apiUrl, bob)).toBe(401);
    expect(await proxied.db.loginAttempt.count({ where: { ip: alice } })).toBe(4);

    // Without TRUSTED_PROXIES the socket's address counts, here a loopback address of this test's own.
    const from = `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${2 + Math.floor(Math.random() * 253)}`;
    const directStatuses: number[] = [];
    for (let i = 0; i < 5; i++) directStatuses.push(await guess(direct.apiUrl, documentationAddress(), from));
    expect(directStatuses).toEqual([401, 401, 401, 401, 429]);
    expect(await direct.db.loginAttempt.count({ where: { ip: from } })).toBe(4);
  } finally {
    await Promise.all([proxied.stop(), direct.stop()]);
  }
});

test('unknown emails and wrong passwords get the same answer', async () => {
  const anonymous = createApiClient(stack.apiUrl);
  const messages = await Promise.all(
    [`nobody-${randomUUID()}@test.example`, 'maria@buyer.test'].map((email) =>
      anonymous.auth.login.mutate({ email, password: 'not the password' }).catch((error: Error) => error.message),
    ),
  );
  expect(messages[0]).toBe(messages[1]);
});

test('responses carry security headers', async () => {
  const response = await get('catalog.stores');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('cache-control')).toBe('no-store');
});

test('request logs are structured and hold no secrets', async () => {
  await post('auth.login', { email: 'maria@buyer.test', password: 'demo-pass-2026' });
  const requestLogs = stack.logs.filter((log) => log.msg === 'request');
  expect(requestLogs.length).toBeGreaterThan(0);
  expect(requestLogs.at(-1)).toMatchObject({ level: 'info', method: 'POST', path: '/trpc/auth.login', status: 200 });
  expect(JSON.stringify(stack.logs)).not.toContain('demo-pass-2026');
});
