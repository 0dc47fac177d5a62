// The API's HTTP server: tRPC under /trpc, health endpoints, and the built web app for everything else.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createContextFactory } from './context';
import type { ApiDeps } from './deps';
import { appRouter } from './routers';
import { createStaticHandler } from './static-files';

export const webDistDir = fileURLToPath(new URL('../web/dist', import.meta.url));
const MAX_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function createApiServer(deps: ApiDeps, options: { webRoot?: string } = {}): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    createContext: createContextFactory(deps),
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR' && !error.cause) deps.logger.error('request failed', { path, error: error.message });
    },
  });
  const serveStatic = createStaticHandler(options.webRoot ?? webDistDir);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/trpc/')) {
      res.setHeader('Cache-Control', 'no-store');
      return trpc(req, res);
    }
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'Method not allowed' });
    return serveStatic(req, res);
  };

  return createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      // Path without the query string: tRPC GET inputs may hold order numbers and searches.
      deps.logger.info('request', {
        method: req.method,
        path: (req.url ?? '/').split('?')[0],
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ip: req.socket.remoteAddress,
      });
    });
    handle(req, res);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
