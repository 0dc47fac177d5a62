// Process configuration from environment variables, validated once at start-up. Every variable has a
// safe local default except DATABASE_URL, which the launcher or the deployment provides.
import { isIP } from 'node:net';
import { z } from 'zod';

const durationPattern = /^(\d+)(ms|s|m|h|d)$/;
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses "48h", "90s", "500ms" and the like into milliseconds. */
export function parseDuration(text: string): number {
  const match = durationPattern.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration like 48h, 30m, 90s or 500ms`);
  return Number(match[1]) * DURATION_UNITS[match[2] as keyof typeof DURATION_UNITS];
}

const duration = z.string().regex(durationPattern, 'must be a duration like 48h, 30m, 90s or 500ms').transform(parseDuration);

/** "https://shop.example.com" or "http://127.0.0.1:3000": a scheme, a host and a port, nothing more. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.pathname === '/' &&
      !url.search &&
      !url.hash &&
      !url.username &&
      !url.password
    );
  } catch {
    return false;
  }
}

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('orders'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('orders'),
  // TLS and API keys are read by @temporalio/envconfig (see lib/temporal.ts).
  /**
   * Public base URL of the Temporal Web UI. Sellers get a link to an order's workflow only when it is
   * set and not a loopback address (docs/deploy.md); unset by default.
   */
  TEMPORAL_UI_URL: optionalText.pipe(z.url().optional()),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port of the worker's /healthz, /readyz and /metrics; unset turns them off. */
  WORKER_OPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Workflows the worker keeps in memory; unset lets the SDK size the cache from the heap limit. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).optional(),
  /** A workflow bundle built ahead (scripts/build-services.ts); unset, the worker bundles at start-up. */
  WORKFLOW_BUNDLE_PATH: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Origins allowed to make state-changing calls (comma-separated). Defaults to the server's own origin. */
  ALLOWED_ORIGINS: optionalText.refine(
    (value) => value === undefined || value.split(',').every((entry) => isOrigin(entry.trim())),
    'must be comma-separated origins like https://shop.example.com (scheme, host and optional port, no path)',
  ),
  /**
   * Addresses of the proxies in front of the API (comma-separated IPs), whose X-Forwarded-For names the
   * client for the login rate limit and the logs (api/client-ip.ts). Unset trusts nobody: the client is
   * the socket's peer, and the header, which anyone can send, is ignored.
   */
  TRUSTED_PROXIES: optionalText.refine(
    (value) => value === undefined || value.split(',').every((entry) => isIP(entry.trim()) !== 0),
    'must be comma-separated IP addresses like 127.0.0.1,10.0.0.5',
  ),
  SESSION_TTL: duration.default(parseDuration('7d')),
  /** Cookie `Secure` flag; on by default in production, where the API sits behind HTTPS. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  ORDER_CONFIRM_WITHIN: duration.default(parseDuration('48h')),
  /** How often the web app polls an order's status. */
  TRACKING_POLL_INTERVAL: duration.default(parseDuration('30s')),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW: duration.default(parseDuration('15m')),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration in the environment:\n${problems.join('\n')}`);
  }
  return result.data;
}
