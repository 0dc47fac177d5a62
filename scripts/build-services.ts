// Builds what `npm start`, `npm run cluster` and a deployment run with plain `node`: the API, the worker
// and the database tool (migrations and seed) as single ES modules (our
// TypeScript compiled by esbuild, packages left to node_modules), and the workflow bundle the worker
// loads instead of running webpack itself. A service under `node --import tsx` carries tsx's loader
// and an esbuild service process, and a worker that bundles at start-up keeps webpack's heap; built
// here, in a process that exits, neither stays resident.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOrderWorkflows } from '../worker/create-worker';
import { repoRoot, servicesDir, workflowBundlePath } from './lib/paths';

export async function buildServices(): Promise<void> {
  mkdirSync(servicesDir, { recursive: true });
  await build({
    entryPoints: {
      api: join(repoRoot, 'api/main.ts'),
      worker: join(repoRoot, 'worker/main.ts'),
      'db-setup': join(repoRoot, 'scripts/db-setup.ts'),
    },
    outdir: servicesDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  const { code } = await bundleOrderWorkflows();
  writeFileSync(workflowBundlePath, code);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServices();
