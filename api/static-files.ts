// Serves the built web app (web/dist) with an SPA fallback to index.html.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function createStaticHandler(root: string) {
  const index = join(root, 'index.html');
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!existsSync(index)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The web app is not built yet. Run `npm run build`.');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    } catch {
      // A malformed path (`//`, `/%E0`) would otherwise throw out of the request handler and end the process.
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('This address could not be read.');
      return;
    }
    const candidate = normalize(join(root, pathname));
    const isInside = candidate.startsWith(root + sep);
    const file = isInside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
    const hashed = file !== index && pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Vite fingerprints assets, so they never change; index.html must always be fresh.
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}
