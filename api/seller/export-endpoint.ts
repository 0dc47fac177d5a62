// GET /seller/orders.csv: the signed-in seller's order list as a streamed CSV download. It is plain HTTP,
// not tRPC, because tRPC buffers a whole answer. Same rules as the procedures: the session cookie names
// the seller, the seller's own store is the only one it reads, and a request another site started is
// refused.
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readSession, SESSION_COOKIE } from '../auth/sessions';
import { readCookie } from '../cookies';
import type { ApiDeps } from '../deps';
import { isSameOriginRequest, originPolicy } from '../origin';
import { sellerExportInput } from '../schemas';
import { exportFileName, orderCsvChunks } from './orders-csv';

export const SELLER_EXPORT_PATH = '/seller/orders.csv';

export async function exportSellerOrders(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return json(res, 405, 'The export can only be downloaded, with GET.');
  }
  if (!isSameOriginRequest(req, originPolicy(deps.env))) {
    deps.logger.warn('cross-origin export refused', { origin: req.headers.origin ?? null, site: req.headers['sec-fetch-site'] ?? null });
    return json(res, 403, 'This request came from another site and was refused.');
  }
  const user = await readSession(deps.db, readCookie(req, SESSION_COOKIE));
  if (!user) return json(res, 401, 'Please sign in to continue.');
  if (user.role !== 'seller') return json(res, 403, 'Only sellers can do this.');
  if (!user.store) return json(res, 403, 'Your account has no store yet.');

  const params = new URL(req.url ?? '/', 'http://local').searchParams;
  const query: Record<string, string> = {};
  for (const [key, value] of params) if (value !== '') query[key === 'q' ? 'search' : key] = value;
  const parsed = sellerExportInput.safeParse(query);
  if (!parsed.success) return json(res, 400, parsed.error.issues.map((issue) => issue.message).join(' '));
  const filter = parsed.data;

  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${exportFileName(user.store.slug, filter)}"`,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') return void res.end();
  try {
    for await (const chunk of orderCsvChunks(deps.db, user.store.id, filter, { confirmWithinMs: deps.env.ORDER_CONFIRM_WITHIN })) {
      if (res.destroyed) return;
      // Back-pressure: a slow download holds the next batch back instead of piling it up in memory.
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
    res.end();
  } catch (error) {
    // The status line has gone out; cutting the connection makes the browser report a failed download
    // instead of saving a file that silently lacks rows.
    deps.logger.error('export failed', { storeId: user.store.id, error: String(error) });
    res.destroy();
  }
}

/** Waits for the response to drain or close, and removes the listener of whichever did not happen. */
async function drainedOrClosed(res: ServerResponse): Promise<void> {
  const settled = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: settled.signal }), once(res, 'close', { signal: settled.signal })]);
  } finally {
    settled.abort();
  }
}

function json(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error }));
}
