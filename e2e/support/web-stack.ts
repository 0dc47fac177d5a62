// The whole product for browser tests: this file's slice of the real stack (worker and API on the shared
// Temporal dev server and database), its API also serving a fresh build of the web app.
// The build goes to its own temporary folder, so a test run never disturbs web/dist that `npm start`
// serves, nor another run building at the same time. The API lists the folder at its first request
// after a build has written index.html, so the stack starts while the app is still building.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
  const [buildOutput, stack] = await Promise.all([buildWebApp(webRoot), startTestStack(envOverrides, { webRoot })]);
  return {
    stack,
    baseUrl: stack.apiUrl,
    buildOutput,
    async stop() {
      await stack.stop();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
