// The round-robin front of the local cluster, in front of real node:http servers on free ports.
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { afterEach, expect, test } from 'vitest';
import { freePort } from '../../lib/free-port';
import { type RoundRobinFront, startRoundRobinFront } from '../../scripts/lib/round-robin-front';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface Backend {
  url: string;
  server: Server;
  /** What each request that reached this backend looked like. */
  seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A backend that answers with its own name, unless the test gives a handler. */
async function startBackend(name: string, handler?: Handler): Promise<Backend> {
  const port = await freePort();
  const seen: Backend['seen'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (handler) return handler(req, res, body);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(name);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanups.push(() => closeServer(server));
  return { url: `http://127.0.0.1:${port}`, server, seen };
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function startFront(backends: string[]): Promise<RoundRobinFront & { warnings: string[] }> {
  const warnings: string[] = [];
  const front = await startRoundRobinFront({
    host: '127.0.0.1',
    port: await freePort(),
    backends,
    logger: { warn: (msg) => warnings.push(msg) },
  });
  cleanups.push(() => front.close());
  return { ...front, warnings };
}

test('requests alternate between the backends', async () => {
  const [a, b] = await Promise.all([startBackend('a'), startBackend('b')]);
  const front = await startFront([a.url, b.url]);
  const names: string[] = [];
  for (let i = 0; i < 4; i++) names.push(await (await fetch(`${front.url}/who?i=${i}`)).text());
  expect(names).toEqual(['a', 'b', 'a', 'b']);
  expect(a.seen.map((r) => r.url)).toEqual(['/who?i=0', '/who?i=2']);
});

test('a large chunked response streams through without being held whole', async () => {
  const chunk = 'x'.repeat(64 * 1024);
  const chunks = 160; // 10 MiB
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const backend = await startBackend('csv', async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.write(chunk);
    // The rest waits until the client has read the first chunk: a front that buffered would hang here.
    await gate;
    for (let i = 1; i < chunks; i++) if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    res.end();
  });
  const front = await startFront([backend.url]);
  const response = await fetch(`${front.url}/export.csv`);
  expect(response.headers.get('transfer-encoding')).toBe('chunked');
  const reader = response.body!.getReader();
  let received = (await reader.read()).value!.length;
  expect(received).toBeGreaterThan(0);
  release();
  for (let part = await reader.read(); !part.done; part = await reader.read()) received += part.value.length;
  expect(received).toBe(chunk.length * chunks);
});

test('status, several Set-Cookie lines and other headers come back as the backend sent them', async () => {
  const backend = await startBackend('cookies', (_req, res) => {
    res.writeHead(201, { 'set-cookie': ['sid=abc; HttpOnly; Path=/', 'theme=dark; Path=/'], 'x-request-id': 'r-1' });
    res.end();
  });
  const front = await startFront([backend.url]);
  const response = await fetch(front.url);
  expect(response.status).toBe(201);
  expect(response.headers.getSetCookie()).toEqual(['sid=abc; HttpOnly; Path=/', 'theme=dark; Path=/']);
  expect(response.headers.get('x-request-id')).toBe('r-1');
});

test("the client's Host reaches the backend, with X-Forwarded-For naming the client the front saw, whatever it claimed", async () => {
  const backend = await startBackend('host');
  const front = await startFront([backend.url]);
  await fetch(`${front.url}/page`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
  await fetch(`${front.url}/page`);
  const [forwarded, direct] = backend.seen;
  expect(forwarded!.headers.host).toBe(new URL(front.url).host);
  expect(forwarded!.headers['x-forwarded-for']).toBe('127.0.0.1');
  expect(forwarded!.headers['x-forwarded-host']).toBe(new URL(front.url).host);
  expect(forwarded!.headers['x-forwarded-proto']).toBe('http');
  expect(direct!.headers['x-forwarded-for']).toBe('127.0.0.1');
});

test('a POST body is forwarded', async () => {
  const backend = await startBackend('echo', (_req, res, body) => res.end(`got ${body}`));
  const front = await startFront([backend.url]);
  const body = JSON.stringify({ email: 'maria@buyer.test', note: 'ñ'.repeat(50_000) });
  const response = await fetch(`${front.url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(await response.text()).toBe(`got ${body}`);
  expect(backend.seen[0]).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
});

test('a backend that is down is skipped: the request goes to the next one, GET and POST alike', async () => {
  const [a, b] = await Promise.all([startBackend('a'), startBackend('b', (_req, res, body) => res.end(body ? `b ${body}` : 'b'))]);
  const front = await startFront([a.url, b.url]);
  expect(await (await fetch(front.url)).text()).toBe('a');
  await closeServer(a.server);
  const answers: string[] = [];
  for (let i = 0; i < 3; i++) answers.push(await (await fetch(front.url)).text());
  expect(answers).toEqual(['b', 'b', 'b']);
  // Refused before any byte was sent, so even a POST is safe to send to the other one.
  const posted = await fetch(front.url, { method: 'POST', body: 'order' });
  expect(await posted.text()).toBe('b order');
});

test('with every backend down the answer is a 502 in the API error shape, without internals', async () => {
  const ports = await Promise.all([freePort(), freePort()]);
  const front = await startFront(ports.map((port) => `http://127.0.0.1:${port}`));
  for (const method of ['GET', 'POST']) {
    const response = await fetch(`${front.url}/trpc/orders.mine`, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        message: 'The service is restarting. Try again in a moment.',
        code: -32603,
        data: { code: 'BAD_GATEWAY', httpStatus: 502, retryable: true },
      },
    });
    expect(text).not.toMatch(/ECONN|\n\s+at /);
  }
  expect(front.warnings).toEqual(['no backend answered', 'no backend answered']);
});

test('a client that goes away cancels its request to the backend', async () => {
  let upstreamClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    upstreamClosed = resolve;
  });
  const backend = await startBackend('slow', (_req, res) => {
    res.writeHead(200);
    res.write('first');
    res.on('close', () => upstreamClosed());
  });
  const front = await startFront([backend.url]);
  await new Promise<void>((resolve, reject) => {
    const outgoing = request(front.url, (response) => {
      response.once('data', () => {
        outgoing.destroy();
        resolve();
      });
    });
    outgoing.on('error', (error) => (outgoing.destroyed ? undefined : reject(error)));
    outgoing.end();
  });
  await closed;
});
