// Per-request context: dependencies, the caller's address and the session cookie. The session itself is
// looked up by the procedures that need it (see trpc.ts), on every request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from './auth/sessions';
import { clientIpResolver } from './client-ip';
import { readCookie, setCookie } from './cookies';
import type { ApiDeps } from './deps';
import { servedOverHttps } from './origin';

export function createContextFactory(deps: ApiDeps) {
  const secureCookies = servedOverHttps(deps.env);
  const clientIp = clientIpResolver(deps.env.TRUSTED_PROXIES);
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }) => ({
    ...deps,
    req,
    ip: clientIp(req),
    sessionToken: readCookie(req, SESSION_COOKIE),
    setSessionCookie(token: string, maxAgeMs: number) {
      setCookie(res, SESSION_COOKIE, token, { maxAgeSeconds: Math.floor(maxAgeMs / 1000), secure: secureCookies });
    },
    clearSessionCookie() {
      setCookie(res, SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: secureCookies });
    },
  });
}

export type Context = ReturnType<ReturnType<typeof createContextFactory>>;
