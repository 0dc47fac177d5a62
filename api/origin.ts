// CSRF defence: a state-changing call must come from our own origin. Browsers send `Origin` on every
// cross-site POST; clients without a browser (scripts, tests) send none and cannot ride a victim's cookie.
import type { IncomingMessage } from 'node:http';

export function isSameOriginRequest(req: IncomingMessage, allowedOrigins: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) {
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  if (allowedOrigins) return allowedOrigins.split(',').map((entry) => entry.trim()).includes(origin);
  // Without a configured list the server's own origin is the only one, as the browser addressed it.
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
