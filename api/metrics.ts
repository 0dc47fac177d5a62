// Prometheus metrics of the API process: request counts and latencies per tRPC procedure, plus
// Node's process metrics. Served at GET /metrics.
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  observe(route: string, method: string, status: number, seconds: number): void;
}

export function createApiMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'api_requests_total',
    help: 'HTTP requests by route, method and status code',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'api_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['route'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    registry,
    observe(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      duration.observe({ route }, seconds);
    },
  };
}

/**
 * A bounded route label: the tRPC procedure when it is one we serve, so that made-up paths cannot
 * grow the number of time series.
 */
export function routeLabel(path: string, procedures: ReadonlySet<string>): string {
  if (path.startsWith('/trpc/')) {
    const name = path.slice('/trpc/'.length);
    return procedures.has(name) ? name : 'trpc:unknown';
  }
  if (path === '/healthz' || path === '/readyz' || path === '/metrics' || path === '/seller/orders.csv') return path;
  return 'web';
}
