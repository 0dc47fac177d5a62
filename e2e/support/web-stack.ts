// The whole product for browser tests: this file's slice of the real stack (worker and API on the shared
// Temporal dev server and database) plus an HTTP server that serves a fresh build of the web app.
// The build goes to its own temporary folder, so a test run never disturbs web/dist that `npm start`
// serves, nor another run building at the same time.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../api/logger';
import { createApiServer } from '../../api/server';
import type { Env } from '../../lib/env';
import { startTestStack, type TestStack } from '../../tests/support/test-stack';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const viteBin = join(repoRoot, 'node_modules/vite/bin/vite.js');

export interface WebStack {
  stack: TestStack;
  baseUrl: string;
  /** What `vite build` printed, including the bundle size report. */
  buildOutput: string;
  stop(): Promise<void>;
}

async function buildWebApp(outDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: repoRoot,
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  return stdout;
}

export async function startWebStack(envOverrides: Partial<Record<keyof Env, string>>): Promise<WebStack> {
  const webRoot = mkdtempSync(join(tmpdir(), 'orders-web-'));
  const [buildOutput, stack] = await Promise.all([buildWebApp(webRoot), startTestStack(envOverrides)]);
  const server = createApiServer({ db: stack.db, temporal: stack.temporal, env: stack.env, logger: createLogger('silent') }, { webRoot });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    stack,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    buildOutput,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stack.stop();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
