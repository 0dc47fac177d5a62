// Malformed HTTP rather than malformed input: broken or oversized bodies, wrong methods and content
// types, broken escapes in paths and query strings, oversized URLs and headers, path traversal. Each gets
// a 4xx and leaks nothing, and the server keeps serving.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BUYER_PASSWORD } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { recordFigures } from './support/figures';
import { LEAK_PATTERN, mutation, NOT_FOR_PEOPLE, type RawOptions, rawRequest, sessionCookieOf } from './support/raw-http';

const APP_MARKER = '<title>Shop under test</title>';

let stack: TestStack;
let baseUrl: string;
let webRoot: string;
let buyerCookie: string;
beforeAll(async () => {
  // A web app to serve, so that the static file handler is in play too.
  webRoot = mkdtempSync(join(tmpdir(), 'orders-fault-web-'));
  writeFileSync(join(webRoot, 'index.html'), `<!doctype html>${APP_MARKER}`);
  stack = await startTestStack({}, { webRoot });
  baseUrl = stack.apiUrl;
  const email = `http-${randomUUID()}@test.example`;
  buyerCookie = sessionCookieOf(await mutation(baseUrl, 'auth.register', { email, name: 'Http Buyer', password: BUYER_PASSWORD }));
});
afterAll(async () => {
  await stack?.stop();
  rmSync(webRoot, { recursive: true, force: true });
});

const json = { 'content-type': 'application/json' };
const login = '/trpc/auth.login';

/** signedIn: sent with a buyer's session, so that the input is what gets refused. */
const CASES: { name: string; path: string; options: RawOptions; status: number; signedIn?: true }[] = [
  {
    name: 'a body that is not JSON',
    path: login,
    options: { method: 'POST', headers: json, body: '{"email": "a@b.co", "password": ' },
    status: 400,
  },
  { name: 'a JSON array body', path: login, options: { method: 'POST', headers: json, body: '[1, 2, 3]' }, status: 400 },
  { name: 'a JSON string body', path: login, options: { method: 'POST', headers: json, body: '"maria@buyer.test"' }, status: 400 },
  {
    name: 'a body of 70 KB',
    path: login,
    options: { method: 'POST', headers: json, body: JSON.stringify({ email: 'a@b.co', password: 'p'.repeat(70_000) }) },
    status: 413,
  },
  {
    name: 'a body without a content type',
    path: login,
    options: { method: 'POST', body: '{}', headers: { 'content-type': '' } },
    status: 415,
  },
  {
    name: 'a form-encoded body',
    path: login,
    options: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.co&password=x' },
    status: 415,
  },
  { name: 'GET on a mutation', path: login, options: {}, status: 405 },
  { name: 'POST on a query', path: '/trpc/catalog.stores', options: { method: 'POST', headers: json, body: '{}' }, status: 405 },
  { name: 'DELETE on a procedure', path: login, options: { method: 'DELETE' }, status: 415 },
  {
    name: 'an unknown procedure',
    path: '/trpc/admin.deleteEverything',
    options: { method: 'POST', headers: json, body: '{}' },
    status: 404,
  },
  { name: 'an empty procedure name', path: '/trpc/', options: {}, status: 404 },
  { name: 'a query input with a broken escape', path: '/trpc/orders.track?input=%E0%A4%A', options: {}, status: 400, signedIn: true },
  { name: 'a query input that is not JSON', path: '/trpc/orders.track?input={"orderNumber":', options: {}, status: 400, signedIn: true },
  { name: 'a URL of 20 KB', path: `/trpc/catalog.stores?input=${'9'.repeat(20_000)}`, options: {}, status: 431 },
  { name: 'a cookie of 20 KB', path: '/trpc/auth.me', options: { headers: { cookie: `sid=${'A'.repeat(20_000)}` } }, status: 431 },
  { name: 'a page path with a broken escape', path: '/%E0%A4%A', options: {}, status: 400 },
  { name: 'a page path of two slashes', path: '//', options: {}, status: 400 },
  { name: 'POST to a page', path: '/orders', options: { method: 'POST', headers: json, body: '{}' }, status: 405 },
];

test.each(CASES)('$name → $status', async ({ path, options, status, signedIn }) => {
  const headers = { ...options.headers, ...(signedIn ? { cookie: buyerCookie } : {}) };
  const response = await rawRequest(`${baseUrl}${path}`, { ...options, headers });
  expect(response.status, response.text).toBe(status);
  expect(response.text).not.toMatch(LEAK_PATTERN);
  if (path.startsWith('/trpc/') && status !== 431) {
    expect(response.error?.message.length).toBeGreaterThan(5);
    expect(response.error!.message).toMatch(/[.!?]$/);
    expect(response.error!.message).not.toMatch(NOT_FOR_PEOPLE);
  }
  // The server is still serving.
  expect((await rawRequest(`${baseUrl}/healthz`)).status).toBe(200);
});

test('path traversal gets the web app, never a file outside it', async () => {
  const attempts = [
    '/../../../etc/passwd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/assets/..%2f..%2f..%2fetc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
  ];
  for (const path of attempts) {
    const response = await rawRequest(`${baseUrl}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.text, path).toContain(APP_MARKER);
    expect(response.text, path).not.toContain('root:');
  }
  recordFigures('hostile HTTP', { badInputsTried: CASES.length + attempts.length });
});
