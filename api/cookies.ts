// Minimal cookie reading and writing for the session cookie.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeCookieValue(part.slice(index + 1).trim());
  }
  return undefined;
}

/** A malformed escape (a tampered cookie) is kept as it came, so the session check refuses it. */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

export function setCookie(res: ServerResponse, name: string, value: string, { maxAgeSeconds, secure }: CookieOptions): void {
  const attributes = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (secure) attributes.push('Secure');
  res.appendHeader('Set-Cookie', attributes.join('; '));
}
