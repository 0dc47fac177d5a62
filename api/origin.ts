// CSRF defence: a state-changing call must come from our own origin. Browsers send `Origin` on every
// cross-site POST; clients without a browser (scripts, tests) send none and cannot ride a victim's cookie.
// An origin is scheme, host and port together: `https://shop.example` is not `http://shop.example`.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Env } from '../lib/env';

export interface OriginPolicy {
  /** The origins allowed to make changes, from ALLOWED_ORIGINS; when set, only these. */
  allowedOrigins: readonly string[] | undefined;
  /** The scheme browsers use to reach this server when it does not terminate TLS itself. */
  publicScheme: 'http' | 'https';
}

/**
 * True when the session cookie is `Secure`: in production (the API sits behind HTTPS) or with
 * COOKIE_SECURE=true. A browser sends a Secure cookie only over HTTPS, so the site's scheme is https.
 */
export function servedOverHttps(env: Pick<Env, 'COOKIE_SECURE' | 'NODE_ENV'>): boolean {
  return env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : env.NODE_ENV === 'production';
}

/** The origin as `URL` serialises it (lower-case host, default port dropped), or null if it is none. */
function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== 'null' ? url.origin : null;
  } catch {
    return null;
  }
}

export function originPolicy(env: Pick<Env, 'ALLOWED_ORIGINS' | 'COOKIE_SECURE' | 'NODE_ENV'>): OriginPolicy {
  const allowedOrigins = env.ALLOWED_ORIGINS?.split(',')
    .map((entry) => normalizeOrigin(entry.trim()))
    .filter((origin): origin is string => origin !== null);
  return { allowedOrigins: allowedOrigins?.length ? allowedOrigins : undefined, publicScheme: servedOverHttps(env) ? 'https' : 'http' };
}

/**
 * The server's own origin as the browser addressed it: the scheme of the connection (https when this
 * process terminates TLS, otherwise the public scheme of the deployment), and the `Host` header.
 * X-Forwarded-Proto is not read: any client can send it, and TRUSTED_PROXIES only decides the client's
 * address (client-ip.ts). Behind a TLS-terminating proxy, production's Secure cookie makes the scheme
 * https; ALLOWED_ORIGINS names the public origin explicitly.
 */
function ownOrigin(req: IncomingMessage, policy: OriginPolicy): string | null {
  const host = req.headers.host;
  if (!host) return null;
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : policy.publicScheme;
  return normalizeOrigin(`${scheme}://${host}`);
}

export function isSameOriginRequest(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (!origin) {
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  const sent = normalizeOrigin(origin);
  if (!sent) return false;
  if (policy.allowedOrigins) return policy.allowedOrigins.includes(sent);
  return sent === ownOrigin(req, policy);
}
