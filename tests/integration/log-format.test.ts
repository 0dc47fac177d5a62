// The API and the worker write log lines of one shape: a JSON object with time, level, service and the
// message, plus the request ID (API) or the workflow ID (the worker's lines about an order's workflow).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions';
import type { ManagedChild } from '../../scripts/lib/child-process';
import { newBuyer, placeOrder } from '../support/fixtures';
import { spawnWorkerProcess } from '../support/service-process';
import { startTestStack, type TestStack } from '../support/test-stack';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let stack: TestStack;
let worker: ManagedChild | undefined;
const workerStdout: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({}, { inProcessWorker: false });
  // At debug, the SDK logs each workflow and activity it runs, with the workflow's ID.
  worker = await spawnWorkerProcess(stack, { LOG_LEVEL: 'debug' }, (line) => workerStdout.push(line));
});
afterAll(async () => {
  await worker?.stop();
  await stack?.stop();
});

test("an API request's lines share the request ID that the response names", async () => {
  const response = await fetch(`${stack.apiUrl}/trpc/orders.mine?input=${encodeURIComponent('{}')}`, {
    headers: { cookie: `${SESSION_COOKIE}=forged` },
  });
  expect(response.status).toBe(401);
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(UUID);
  // The request line is written once the response has finished.
  await expect
    .poll(() => stack.logs.filter((line) => line.requestId === requestId).map((line) => line.msg))
    .toEqual(['invalid session refused', 'request']);
  for (const line of stack.logs.filter((record) => record.requestId === requestId)) {
    expect(line).toMatchObject({ time: expect.stringMatching(ISO_TIME), level: expect.stringMatching(/^(warn|info)$/), service: 'api' });
  }
  // Another request, another ID.
  const next = await fetch(`${stack.apiUrl}/healthz`);
  expect(next.headers.get('x-request-id')).toMatch(UUID);
  expect(next.headers.get('x-request-id')).not.toBe(requestId);
});

test("every line the worker writes is JSON of the API's shape, and its lines about an order name the workflow", async () => {
  const orderNumber = await placeOrder(await newBuyer(stack.apiUrl), stack.db);
  const workflowId = `order-${orderNumber}`;
  const parsed = () => workerStdout.map((line) => JSON.parse(line) as Record<string, unknown>);
  await expect.poll(() => parsed().filter((line) => line.workflowId === workflowId).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const lines = parsed();
  expect(lines.find((line) => line.msg === 'worker ready')).toMatchObject({ level: 'info', service: 'worker', taskQueue: stack.taskQueue });
  for (const line of lines) {
    expect(line).toMatchObject({
      time: expect.stringMatching(ISO_TIME),
      level: expect.stringMatching(/^(debug|info|warn|error)$/),
      service: 'worker',
      msg: expect.any(String),
    });
  }
  expect(lines.filter((line) => line.workflowId === workflowId).every((line) => typeof line.sdkComponent === 'string')).toBe(true);
});
