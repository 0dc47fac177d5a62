// `npm run cluster` as an operator runs it, on free ports (a copy of temporal-cluster.yml) and a fresh
// database of the test's PostgreSQL server. Through the one origin of the front a buyer orders and
// tracks and a seller confirms; both APIs serve; the Temporal CLI and Web UI find the order by its
// search attribute. An API process SIGKILLed behind the front goes unseen by the buyer (the front tries
// the other one) and the launcher starts it again. Ctrl-C stops every process it started.

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { stringify } from 'yaml';
import { signedInClient } from '../../../scripts/lib/api-client';
import { answersOk, type ManagedChild, spawnManaged, waitFor } from '../../../scripts/lib/child-process';
import { repoRoot } from '../../../scripts/lib/paths';
import { createMissingDatabases, databaseUrl, endpointFromUrl } from '../../../scripts/lib/postgres-databases';
import { clusterConfigOnFreePorts, temporalDatabasesBeside } from '../../../scripts/lib/temporal-cluster';
import type { TemporalClusterConfig } from '../../../scripts/lib/temporal-cluster-config';
import { SHIPPING } from '../../support/fixtures';
import { withRetries } from '../support/api-retry';

let dir: string;
let config: TemporalClusterConfig;
let launcher: ManagedChild;
let output = '';

beforeAll(async () => {
  const testDatabase = process.env.TEST_DATABASE_URL;
  if (!testDatabase) throw new Error('This test runs in the cluster target, with TEST_DATABASE_URL set.');
  const { database, ...endpoint } = endpointFromUrl(testDatabase);
  // Named after the test database, so that the next scripts/ci-postgres.sh drops them with it.
  const appDatabase = `${database}_launcher`;
  await createMissingDatabases(endpoint, [appDatabase]);
  const base = await clusterConfigOnFreePorts();
  const { temporal, visibility } = temporalDatabasesBeside(appDatabase);
  config = {
    ...base,
    postgres: { appDatabase, temporalDatabase: temporal, visibilityDatabase: visibility },
  };
  dir = mkdtempSync(join(tmpdir(), 'orders-npm-run-cluster-'));
  writeFileSync(join(dir, 'temporal-cluster.yml'), stringify(config));
  launcher = spawnManaged('npm run cluster', process.execPath, [join(repoRoot, 'scripts/launch.mjs'), 'cluster'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(endpoint, appDatabase),
      TEMPORAL_CLUSTER_CONFIG: join(dir, 'temporal-cluster.yml'),
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [launcher.process.stdout!, launcher.process.stderr!]) stream.on('data', (chunk) => (output += chunk));
  await waitFor(
    'npm run cluster to be ready',
    async () => (output.includes('Press Ctrl-C to stop') ? true : undefined),
    300_000,
    500,
    () => (launcher.process.exitCode === null ? undefined : new Error(`it exited with code ${launcher.process.exitCode}:\n${output}`)),
  );
}, 320_000);

afterAll(async () => {
  await launcher?.stop('SIGINT', 30_000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const host = () => config.temporal.ip;
const frontUrl = () => `http://${host()}:${config.service.frontPort}`;

/** Requests each API process has served, other than health checks and metrics. */
async function servedBy(apiPort: number): Promise<number> {
  const metrics = await (await fetch(`http://${host()}:${apiPort}/metrics`)).text();
  return [...metrics.matchAll(/^api_requests_total\{route="([^"]+)"[^}]*\} (\d+)/gm)]
    .filter(([, route]) => !route!.startsWith('/'))
    .reduce((sum, [, , count]) => sum + Number(count), 0);
}

/** The pids of the processes whose command line mentions `text` and whose environment has `variable`. */
function pidsOf(text: string, variable?: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return command.includes(text) && (!variable || readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(variable));
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

test('the whole stack serves one origin, and an API that dies behind the front goes unseen and comes back', async () => {
  expect(output).toContain(frontUrl());
  const buyer = await signedInClient(frontUrl(), 'maria@buyer.test');
  const seller = await signedInClient(frontUrl(), 'fashion@seller.test');
  // As the web app does, a call refused as briefly unavailable (503, retryable: the machine is busy) is
  // repeated with the same key; anything else, a 502 from the front above all, fails the test.
  const stores = await withRetries(() => buyer.catalog.stores.query());
  const product = stores.find((store) => store.slug === 'fashion-store')!.products[0]!;
  const checkout = { idempotencyKey: randomUUID(), lines: [{ productId: product.id, quantity: 1 }], shipping: SHIPPING };
  const placed = await withRetries(() => buyer.checkout.place.mutate(checkout));
  const { orderNumber } = placed.orders[0]!;
  const confirm = { orderNumber, requestId: randomUUID(), to: 'confirmed' as const };
  const changed = await withRetries(() => seller.seller.setStatus.mutate(confirm));
  expect(changed.order.status).toBe('confirmed');
  const track = () => withRetries(() => buyer.orders.track.query({ orderNumber }));
  for (let i = 0; i < 4; i++) expect((await track()).order.status).toBe('confirmed');
  // Round robin: each API served some of these calls.
  const [api1, api2] = config.service.apiPorts;
  expect(await servedBy(api1!)).toBeGreaterThan(0);
  expect(await servedBy(api2!)).toBeGreaterThan(0);

  // Operators find the order by its search attribute, in the CLI and through the Web UI's API.
  const address = `${host()}:${config.temporal.services.frontend.grpcPort}`;
  const query = `OrderStatus = 'confirmed' AND WorkflowId = 'order-${orderNumber}'`;
  const listed = execFileSync(
    inject('stack').temporalCliPath,
    ['workflow', 'list', '--address', address, '--namespace', config.temporal.namespace, '--query', query],
    { encoding: 'utf8' },
  );
  expect(listed).toContain(`order-${orderNumber}`);
  const ui = `http://${host()}:${config.temporal.uiPort}`;
  expect((await fetch(ui)).status).toBe(200);
  const uiList = await fetch(`${ui}/api/v1/namespaces/${config.temporal.namespace}/workflows?query=${encodeURIComponent(query)}`);
  expect(await uiList.text()).toContain(`order-${orderNumber}`);

  // API 1 crashes. Every poll through the front is still answered; the launcher starts API 1 again.
  const [victim] = pidsOf('dist/api.mjs', `PORT=${api1}`);
  expect(victim).toBeDefined();
  process.kill(victim!, 'SIGKILL');
  for (let i = 0; i < 20; i++) expect((await track()).order.status).toBe('confirmed');
  await waitFor('API 1 to be started again', answersOk(`http://${host()}:${api1}/readyz`), 60_000, 250);
  expect(output).toMatch(/api 1 exited with code \S+; starting it again/);
  expect(pidsOf('dist/api.mjs', `PORT=${api1}`)).not.toContain(victim);

  // Ctrl-C stops everything the launcher started: every process that inherited its DATA_DIR (Temporal's
  // four, the UI, the APIs and the workers) has exited by the time the launcher has. Only the watchdog
  // shells that would kill them had the launcher died (scripts/lib/child-process.ts) may outlive it a
  // moment; they are not counted, so a launcher that left its children to them would fail here.
  const marker = `DATA_DIR=${join(dir, 'data')}`;
  const started = () => pidsOf('', marker).filter((pid) => !isWatchdog(pid));
  expect(started().length).toBeGreaterThanOrEqual(9);
  await launcher.stop('SIGINT', 30_000);
  expect(started()).toEqual([]);
});

/** The reaper loop of child-process.ts (`/bin/sh -c while kill -0 …`) or the `sleep` it runs. */
function isWatchdog(pid: number): boolean {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return (command[0] === '/bin/sh' && command[2]?.startsWith('while kill -0')) || command[0] === 'sleep';
  } catch {
    return true; // gone meanwhile
  }
}
