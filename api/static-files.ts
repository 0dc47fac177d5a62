// Serves the built web app (web/dist) with sirv: the `.br` or `.gz` twin that the build wrote beside a
// file (vite.config.ts) when the browser accepts it, fingerprinted assets cached for a year, and
// index.html for every client route.
import { statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Vite fingerprints everything under /assets/, so a name there never changes its content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets, so browsers check it on every visit (a 304 when unchanged). */
const REVALIDATE = 'no-cache';

export function createStaticHandler(root: string): Handler {
  const index = join(root, 'index.html');
  let build: { writtenAt: number; serve: Handler } | undefined;
  return (req, res) => {
    // sirv lists the folder, with each file's size, when it is created: so it is created once a build
    // has written index.html (tests start the API while the app still builds), and again after each
    // new build, which writes index.html anew.
    const writtenAt = statSync(index, { throwIfNoEntry: false })?.mtimeMs;
    if (writtenAt === undefined) return text(res, 503, 'The web app is not built yet. Run `npm run build`.');
    if (build?.writtenAt !== writtenAt) build = { writtenAt, serve: serveBuild(root) };
    // A path that does not parse (`//`, `/%E0`) is refused before it reaches the file lookup.
    if (!readablePath(req.url ?? '/')) return text(res, 400, 'This address could not be read.');
    build.serve(req, res);
  };
}

function serveBuild(root: string): Handler {
  const shared = { gzip: true, brotli: true, etag: true } as const;
  const files = sirv(root, {
    ...shared,
    setHeaders: (res, pathname) => res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE),
  });
  // What is not a file: a path without an extension is a client route and gets index.html; a missing
  // file (an asset of an older build, say) gets a 404 rather than HTML under a script's name.
  const app = sirv(root, {
    ...shared,
    single: true,
    setHeaders: (res) => res.setHeader('Cache-Control', REVALIDATE),
    onNoMatch: (_req, res) => text(res, 404, 'Not found.'),
  });
  return (req, res) => files(req, res, () => app(req, res));
}

function readablePath(url: string): boolean {
  try {
    decodeURIComponent(new URL(url, 'http://local').pathname);
    return true;
  } catch {
    return false;
  }
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end(body);
}
