// Starts what the integration tests share, on free ports, and removes it afterwards: a headless,
// in-memory Temporal dev server (or, with TEST_TEMPORAL=cluster, a Temporal cluster of four processes on
// the PostgreSQL of TEST_DATABASE_URL, as `npm run cluster` runs it), a database (embedded PGlite, or TEST_DATABASE_URL for a real
// PostgreSQL), migrations and seed, and one workflow bundle for every test worker. At the end it fails
// the run if any workflow of any test failed a workflow task.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { setUpDatabase } from '../../scripts/db-setup';
import { startEphemeralDevServer } from '../../scripts/lib/dev-server';
import { startEmbeddedDb } from '../../scripts/lib/embedded-db';
import { freePorts } from '../../scripts/lib/ports';
import { startEphemeralTemporalCluster } from '../../scripts/lib/temporal-cluster';
import { bundleOrderWorkflows } from '../../worker/create-worker';
import {
  DELIBERATELY_FAILING_WORKFLOW_TYPE,
  describeFailedWorkflowTasks,
  type FailedWorkflowTask,
  findFailedWorkflowTasks,
} from './failed-workflow-tasks';

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

/** The Temporal the tests run against: the dev server, or the cluster when TEST_TEMPORAL=cluster. */
function startTemporal(workDir: string) {
  const target = process.env.TEST_TEMPORAL ?? 'dev-server';
  if (target === 'dev-server') return startEphemeralDevServer(join(workDir, 'temporal.log'));
  if (target !== 'cluster') throw new Error(`TEST_TEMPORAL must be dev-server or cluster, not ${target}`);
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (!postgresUrl) throw new Error('TEST_TEMPORAL=cluster needs TEST_DATABASE_URL: the cluster keeps its databases on that server.');
  return startEphemeralTemporalCluster(postgresUrl, join(workDir, 'temporal-cluster'));
}

export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), 'orders-test-'));
  const [dbPort] = await freePorts(1);
  const [temporal, database, bundle] = await Promise.all([
    startTemporal(workDir),
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
    let failures: FailedWorkflowTask[] = [];
    try {
      failures = await findFailedWorkflowTasks(
        temporal.address,
        temporal.namespace,
        `WorkflowType != '${DELIBERATELY_FAILING_WORKFLOW_TYPE}'`,
      );
    } finally {
      await Promise.allSettled([temporal.stop(), database.stop()]);
      rmSync(workDir, { recursive: true, force: true });
    }
    // Vitest reports an error thrown by a global teardown but still exits 0, so set the exit code too.
    if (failures.length) {
      process.exitCode = 1;
      throw new Error(`${failures.length} workflow task(s) failed during the tests:\n${describeFailedWorkflowTasks(failures)}`);
    }
  };
}
