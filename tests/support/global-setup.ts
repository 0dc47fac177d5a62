// Starts what the integration tests share, on free ports, and removes it afterwards: a headless,
// in-memory Temporal dev server, a database (embedded PGlite, or TEST_DATABASE_URL for a real
// PostgreSQL), migrations and seed, and one workflow bundle for every test worker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleOrderWorkflows } from '../../worker/create-worker';
import { setUpDatabase } from '../../scripts/db-setup';
import { startEphemeralDevServer } from '../../scripts/lib/dev-server';
import { startEmbeddedDb } from '../../scripts/lib/embedded-db';
import { freePorts } from '../../scripts/lib/ports';

export interface SharedStack {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  workflowBundlePath: string;
  temporalCliPath: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: SharedStack;
  }
}

export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), 'orders-test-'));
  const [dbPort] = await freePorts(1);
  const [temporal, database, bundle] = await Promise.all([
    startEphemeralDevServer(join(workDir, 'temporal.log')),
    process.env.TEST_DATABASE_URL
      ? Promise.resolve({ url: process.env.TEST_DATABASE_URL, stop: async () => {} })
      : startEmbeddedDb({ port: dbPort! }),
    bundleOrderWorkflows(),
  ]);
  await setUpDatabase(database.url);
  const workflowBundlePath = join(workDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  project.provide('stack', {
    temporalAddress: temporal.address,
    namespace: temporal.namespace,
    databaseUrl: database.url,
    workflowBundlePath,
    temporalCliPath: temporal.cliPath,
  });

  return async () => {
    await Promise.allSettled([temporal.stop(), database.stop()]);
    rmSync(workDir, { recursive: true, force: true });
  };
}
