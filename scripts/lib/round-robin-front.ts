// The one origin of the local production-shaped stack: a reverse proxy that hands each request to the
// next API process in turn. Bodies stream both ways (the seller's CSV export is never held whole), and a
// request that no process received is tried once more on the next one, so a restarting API goes unseen.
// It is the edge of the stack: X-Forwarded-For names the client it sees, never what the client claims.
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../lib/logger';

export interface RoundRobinFrontOptions {
  host: string;
  /** 0 picks a free port; `url` tells which. */
  port: number;
  /** Base URLs of the API processes, e.g. `http://127.0.0.1:4001`. */
  backends: string[];
  logger?: Pick<Logger, 'warn'>;
}

export interface RoundRobinFront {
  url: string;
  close(): Promise<void>;
}

// The tRPC error shape of api/trpc.ts, so that the web app shows the message and offers a retry.
const RESTARTING_BODY = JSON.stringify({
  error: {
    message: 'The service is restarting. Try again in a moment.',
    code: -32603,
    data: { code: 'BAD_GATEWAY', httpStatus: 502, retryable: true },
  },
});
// Hop-by-hop headers describe one connection (RFC 9110 §7.6.1); each side of the proxy has its own.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];
// The connection was refused or dropped before the backend answered: the process is down or restarting.
const NOT_REACHED = new Set(['ECONNREFUSED', 'ECONNRESET']);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = String(headers.connection ?? '').split(',');
  const drop = new Set([...HOP_BY_HOP, ...named.map((name) => name.trim().toLowerCase())]);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop.has(name)));
}

export async function startRoundRobinFront({ host, port, backends, logger }: RoundRobinFrontOptions): Promise<RoundRobinFront> {
  if (backends.length === 0) throw new Error('The round-robin front needs at least one backend.');
  const targets = backends.map((backend) => new URL(backend));
  // Idle connections are dropped before the API's own keep-alive timeout (Node's 5 s) closes them, so a
  // request is rarely sent down a connection that the backend is closing at that moment.
  const agent = new Agent({ keepAlive: true, timeout: 4_000 });
  let turn = 0;

  const forward = (req: IncomingMessage, res: ServerResponse, tries: number) => {
    const target = targets[turn++ % targets.length]!;
    // The front is the edge: whatever X-Forwarded-For a client sends is its own invention, so it is
    // replaced by the address the front sees, the one the APIs trust (TRUSTED_PROXIES).
    const forwardedFor = req.socket.remoteAddress ?? 'unknown';
    const headers: OutgoingHttpHeaders = { ...endToEnd(req.headers), 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'http' };
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
    const upstream = request({
      agent,
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      // The client's Host stays: the API builds its own origin from it for the CSRF check.
      headers,
    });
    let bodySent = false;
    // The body is read only once the connection is up, so a refused connection leaves it whole for a retry.
    const markSent = () => {
      bodySent = true;
    };
    const sendBody = () => {
      req.once('data', markSent);
      req.pipe(upstream);
    };
    upstream.on('socket', (socket) => (socket.connecting ? socket.once('connect', sendBody) : sendBody()));
    // A client that goes away takes its upstream request with it.
    const abandon = () => {
      if (!res.writableFinished) upstream.destroy();
    };
    res.once('close', abandon);
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // Cut off mid-response: the status has gone out, so dropping the connection is all that is left.
      if (res.headersSent) return res.destroy();
      if (res.destroyed) return;
      res.off('close', abandon);
      req.off('data', markSent);
      req.unpipe(upstream);
      const replayable = !bodySent || req.method === 'GET' || req.method === 'HEAD';
      if (NOT_REACHED.has(error.code ?? '') && replayable && tries < Math.min(2, targets.length)) return forward(req, res, tries + 1);
      logger?.warn('no backend answered', { backend: target.origin, error: error.code ?? error.message });
      res.writeHead(502, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(RESTARTING_BODY);
    });
  };

  const server = createServer((req, res) => forward(req, res, 1));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
