// The run-wide check of tests/support/global-setup.ts finds failed workflow tasks: it sees the one a
// deliberately failing workflow leaves, and none in a healthy order's workflow.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { DELIBERATELY_FAILING_WORKFLOW_TYPE, findFailedWorkflowTasks } from '../support/failed-workflow-tasks';
import { newBuyer, placeOrder } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { driveTo, orderHandle } from '../support/workflow-helpers';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

test('a failed workflow task is found, with its cause and message', async () => {
  const { temporalAddress, namespace } = inject('stack');
  const taskQueue = `guard-${randomUUID()}`;
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./fixtures/deliberately-failing-workflow.ts', import.meta.url)),
    logger: new DefaultLogger('ERROR'),
  });
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({ connection, namespace, taskQueue, workflowBundle });
  const handle = await stack.temporal.workflow.start(DELIBERATELY_FAILING_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: `guard-${randomUUID()}`,
    args: [{ to: 'shiped' }],
  });
  try {
    await worker.runUntil(async () => {
      await expect
        .poll(async () => ((await handle.fetchHistory()).events ?? []).some((event) => event.workflowTaskFailedEventAttributes), {
          timeout: 20_000,
        })
        .toBe(true);
    });
    const failures = await findFailedWorkflowTasks(temporalAddress, namespace, `TaskQueue = '${taskQueue}'`);
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]).toMatchObject({
      workflowId: handle.workflowId,
      cause: 'WORKFLOW_TASK_FAILED_CAUSE_WORKFLOW_WORKER_UNHANDLED_FAILURE',
    });
    expect(failures[0]!.message).toContain("reading 'role'");
  } finally {
    await handle.terminate('guard test done');
    await connection.close();
  }
});

test("a healthy order's workflow has no failed workflow task", async () => {
  const buyer = await newBuyer(stack.apiUrl);
  const orderNumber = await placeOrder(buyer, stack.db);
  await driveTo(stack.temporal, orderNumber, 'delivered');
  const { temporalAddress, namespace } = inject('stack');
  const failures = await findFailedWorkflowTasks(
    temporalAddress,
    namespace,
    `WorkflowId = '${orderHandle(stack.temporal, orderNumber).workflowId}'`,
  );
  expect(failures).toEqual([]);
});
