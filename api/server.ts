// The API's HTTP server: tRPC under /trpc, health, readiness and metrics endpoints, and the built web
// app for everything else.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Logger } from '../lib/logger';
import { checkReadiness, databaseCheck, temporalCheck } from '../lib/readiness';
import { clientIpResolver } from './client-ip';
import { createContextFactory } from './context';
import type { ApiDeps } from './deps';
import { createApiMetrics, routeLabel } from './metrics';
import { appRouter } from './routers';
import { exportSellerOrders, SELLER_EXPORT_PATH } from './seller/export-endpoint';
import { createStaticHandler } from './static-files';

const webDistDir = fileURLToPath(new URL('../web/dist', import.meta.url));
const MAX_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function createApiServer(deps: ApiDeps, options: { webRoot?: string } = {}): Server {
  // Each request logs through a child logger that adds its ID to every line (see the request handler).
  const requestLoggers = new WeakMap<IncomingMessage, Logger>();
  const loggerOf = (req: IncomingMessage) => requestLoggers.get(req) ?? deps.logger;
  const createContext = createContextFactory(deps);
  const clientIp = clientIpResolver(deps.env.TRUSTED_PROXIES);
  const trpc = createHTTPHandler({
    router: appRouter,
    createContext: (opts) => Object.assign(createContext(opts), { logger: loggerOf(opts.req) }),
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    // The clients send one call per request; batches would let one request carry many calls.
    allowBatching: false,
    onError: ({ error, path, req }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR' && !error.cause) loggerOf(req).error('request failed', { path, error: error.message });
    },
  });
  const serveStatic = createStaticHandler(options.webRoot ?? webDistDir);
  const metrics = createApiMetrics();
  const procedures = new Set(Object.keys(appRouter._def.procedures));
  const readinessChecks = { database: databaseCheck(deps.db), temporal: temporalCheck(deps.temporal) };

  const handle = (req: IncomingMessage, res: ServerResponse, logger: Logger) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/trpc/')) {
      res.setHeader('Cache-Control', 'no-store');
      return trpc(req, res);
    }
    if (path === SELLER_EXPORT_PATH) {
      return void exportSellerOrders({ ...deps, logger }, req, res).catch((error: unknown) => {
        logger.error('export failed', { error: String(error) });
        if (!res.headersSent) json(res, 500, { error: 'Something went wrong on our side.' });
        else res.destroy();
      });
    }
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      return void checkReadiness(readinessChecks).then(({ ready, checks }) =>
        json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', checks }),
      );
    }
    if (path === '/metrics') {
      return void metrics.registry.metrics().then((body) => {
        res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
        res.end(body);
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return json(res, 405, { error: 'Pages can only be read, with GET or HEAD.' });
    }
    return serveStatic(req, res);
  };

  return createServer((req, res) => {
    const started = performance.now();
    // Sent back too, so that a user or a proxy can quote it when reporting a problem.
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const logger = deps.logger.child({ requestId });
    requestLoggers.set(req, logger);
    res.on('finish', () => {
      // Path without the query string: tRPC GET inputs may hold order numbers and searches.
      const path = (req.url ?? '/').split('?')[0]!;
      const ms = performance.now() - started;
      metrics.observe(routeLabel(path, procedures), req.method ?? 'GET', res.statusCode, ms / 1000);
      logger.info('request', {
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ip: clientIp(req),
      });
    });
    handle(req, res, logger);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
