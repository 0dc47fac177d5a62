// Health, readiness and Prometheus metrics of the API and of a real worker process.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../../lib/free-port';
import type { ManagedChild } from '../../scripts/lib/child-process';
import { newBuyer, placeOrder } from '../support/fixtures';
import { spawnWorkerProcess } from '../support/service-process';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
let worker: ManagedChild | undefined;
let workerOpsUrl: string;

beforeAll(async () => {
  stack = await startTestStack({}, { inProcessWorker: false });
  const port = await freePort();
  workerOpsUrl = `http://127.0.0.1:${port}`;
  worker = await spawnWorkerProcess(stack, { WORKER_OPS_PORT: String(port) });
});
afterAll(async () => {
  await worker?.stop();
  await stack?.stop();
});

test('the API reports liveness, readiness and request metrics', async () => {
  expect(await (await fetch(`${stack.apiUrl}/healthz`)).json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${stack.apiUrl}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', temporal: 'ok' } });

  await fetch(`${stack.apiUrl}/trpc/catalog.stores`);
  await fetch(`${stack.apiUrl}/trpc/made.up.procedure`);
  const metrics = await (await fetch(`${stack.apiUrl}/metrics`)).text();
  expect(metrics).toMatch(/api_requests_total\{route="catalog\.stores",method="GET",status="200"\} \d+/);
  expect(metrics).toContain('route="trpc:unknown"');
  expect(metrics).not.toContain('made.up.procedure');
  expect(metrics).toContain('api_request_duration_seconds_bucket');
  expect(metrics).toContain('process_resident_memory_bytes');
});

test('the worker process reports readiness and Temporal SDK metrics', async () => {
  // Some work first, so the SDK has task metrics to report.
  await placeOrder(await newBuyer(stack.apiUrl), stack.db);
  const ready = await fetch(`${workerOpsUrl}/readyz`);
  expect(await ready.json()).toEqual({ status: 'ready', checks: { worker: 'ok', database: 'ok', temporal: 'ok' } });
  expect(ready.status).toBe(200);
  expect(await (await fetch(`${workerOpsUrl}/healthz`)).json()).toEqual({ status: 'ok', worker: 'RUNNING' });
  await expect
    .poll(async () => (await fetch(`${workerOpsUrl}/metrics`)).text(), { timeout: 15_000 })
    .toMatch(/temporal_workflow_task_execution_latency|temporal_request/);
  const metrics = await (await fetch(`${workerOpsUrl}/metrics`)).text();
  expect(metrics).toContain('worker_process_resident_memory_bytes');
});

test('the worker stops cleanly on SIGTERM', async () => {
  await worker!.stop('SIGTERM', 20_000);
  expect(await worker!.exited).toBe(0);
  worker = undefined;
});
