// The built web app as the API serves it, over raw HTTP so that nothing decodes the bodies on the way:
// the build's brotli and gzip twins decode to the very file, fingerprinted assets are cached for good,
// index.html and client routes are revalidated, a missing file is a 404, and the security headers stay.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createStaticHandler } from '../../api/static-files';
import { startWebStack, type WebStack } from '../../e2e/support/web-stack';

interface RawFile {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<RawFile> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const IDENTITY = { 'accept-encoding': 'identity' };
const GZIP = { 'accept-encoding': 'gzip, deflate' };
const BROTLI = { 'accept-encoding': 'gzip, deflate, br, zstd' };

let web: WebStack;
let indexHtml: string;
beforeAll(async () => {
  web = await startWebStack({});
  indexHtml = (await get(`${web.baseUrl}/`, IDENTITY)).body.toString('utf8');
});
afterAll(async () => {
  await web?.stop();
});

/** The scripts, module preloads and stylesheets index.html names: what a first page loads. */
function firstPageAssets(): string[] {
  return [...indexHtml.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
}

test('index.html and its assets come as brotli or gzip when accepted, and decode to the same bytes', async () => {
  const paths = ['/', ...firstPageAssets()];
  expect(paths.some((path) => path.endsWith('.js'))).toBe(true);
  expect(paths.some((path) => path.endsWith('.css'))).toBe(true);
  for (const path of paths) {
    const plain = await get(`${web.baseUrl}${path}`, IDENTITY);
    const gzipped = await get(`${web.baseUrl}${path}`, GZIP);
    const brotli = await get(`${web.baseUrl}${path}`, BROTLI);
    for (const response of [plain, gzipped, brotli]) {
      expect(response.status, path).toBe(200);
      expect(response.headers.vary, path).toBe('Accept-Encoding');
    }
    expect(plain.headers['content-encoding'], path).toBeUndefined();
    expect(gzipped.headers['content-encoding'], path).toBe('gzip');
    expect(brotli.headers['content-encoding'], path).toBe('br');
    expect(gunzipSync(gzipped.body).equals(plain.body), path).toBe(true);
    expect(brotliDecompressSync(brotli.body).equals(plain.body), path).toBe(true);
    expect(Number(brotli.headers['content-length']), path).toBe(brotli.body.length);
    expect(brotli.body.length, path).toBeLessThan(plain.body.length);
    // The type is the file's own, not the twin's.
    expect(brotli.headers['content-type'], path).toMatch(
      path === '/' ? /^text\/html/ : path.endsWith('.js') ? /^text\/javascript/ : /^text\/css/,
    );
  }
});

test('fingerprinted assets are cached for a year as immutable; index.html is revalidated', async () => {
  for (const path of firstPageAssets()) {
    expect((await get(`${web.baseUrl}${path}`, BROTLI)).headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
  }
  const page = await get(`${web.baseUrl}/`, BROTLI);
  expect(page.headers['cache-control']).toBe('no-cache');
  // Revalidation of an unchanged index.html costs a 304 without a body.
  const again = await get(`${web.baseUrl}/`, { ...BROTLI, 'if-none-match': String(page.headers.etag) });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
});

test('client routes get index.html, revalidated, with the security headers', async () => {
  for (const path of ['/orders/ORD-20261126-4F7K2Q', '/seller', '/orders?status=pending']) {
    const response = await get(`${web.baseUrl}${path}`, BROTLI);
    expect(response.status, path).toBe(200);
    expect(brotliDecompressSync(response.body).toString('utf8'), path).toBe(indexHtml);
    expect(response.headers['cache-control'], path).toBe('no-cache');
    expect(response.headers['content-security-policy'], path).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options'], path).toBe('nosniff');
    expect(response.headers['x-frame-options'], path).toBe('DENY');
  }
});

test('a missing asset or file is a 404, never index.html under its name', async () => {
  for (const path of ['/assets/index-0ld8uild.js', '/assets/index-0ld8uild.css', '/favicon.ico', '/../package.json']) {
    const response = await get(`${web.baseUrl}${path}`, BROTLI);
    expect(response.status, path).toBe(404);
    expect(response.headers['content-encoding'], path).toBeUndefined();
    expect(response.body.toString('utf8'), path).toBe('Not found.');
  }
});

test('an escaped path out of the app gets the app or a 404, never the file', async () => {
  for (const path of ['/assets/..%2f..%2fpackage.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
    const response = await get(`${web.baseUrl}${path}`, IDENTITY);
    expect([200, 404], path).toContain(response.status);
    expect(response.body.toString('utf8'), path).not.toContain('"dependencies"');
  }
});

test('the app is served from the first request after a build, and a new build from the request after it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'orders-static-'));
  const server = createServer(createStaticHandler(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders/ORD-20261126-4F7K2Q`;
  try {
    expect((await get(url, IDENTITY)).status).toBe(503);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>First build</title>');
    expect((await get(url, IDENTITY)).body.toString('utf8')).toBe('<!doctype html><title>First build</title>');
    const rebuilt = '<!doctype html><title>The second, longer build</title>';
    writeFileSync(join(root, 'index.html'), rebuilt);
    // A build a second later, whatever the file system's timestamp resolution.
    const later = new Date(Date.now() + 1000);
    utimesSync(join(root, 'index.html'), later, later);
    const response = await get(url, IDENTITY);
    expect(response.body.toString('utf8')).toBe(rebuilt);
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(rebuilt));
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
