// Reading and writing the session cookie with the `cookie` package.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';

/**
 * The first cookie of that name, percent-decoded. A malformed escape (a tampered cookie) is kept as it
 * came, so the session check refuses it.
 */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  return parseCookie(req.headers.cookie ?? '')[name];
}

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

export function setCookie(res: ServerResponse, name: string, value: string, { maxAgeSeconds, secure }: CookieOptions): void {
  res.appendHeader(
    'Set-Cookie',
    stringifySetCookie({ name, value, path: '/', httpOnly: true, sameSite: 'lax', maxAge: maxAgeSeconds, secure }),
  );
}
