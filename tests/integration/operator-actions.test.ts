// What each operator action of the Temporal UI and CLI does to an order (docs/operators.md): malformed
// signals and updates, Request Cancellation, Terminate and Reset. After each one, tracking, My Orders,
// the seller's list and the workflow agree, and the order is either workable or clearly closed.
import { randomUUID } from 'node:crypto';
import proto from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sweepClosedOrders } from '../../lib/closed-orders';
import { type ApiClient, errorCodeOf, signedInClient } from '../../scripts/lib/api-client';
import { orderWorkflowId } from '../../workflows/messages';
import { newBuyer, placeOrder } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import {
  driveTo,
  OPERATOR,
  orderHandle,
  projectedTimeline,
  queryOrder,
  refusalOf,
  SELLER,
  setStatus,
  stepsTo,
} from '../support/workflow-helpers';

const { ResetReapplyType } = proto.temporal.api.enums.v1;

let stack: TestStack;
let buyer: ApiClient;
let seller: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  buyer = await newBuyer(stack.apiUrl, 'Operator Test Buyer');
  seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
});
afterAll(() => stack?.stop());

const newOrder = () => placeOrder(buyer, stack.db);

/** The order as every reader sees it: workflow, projection row, buyer's tracking and lists, seller's list. */
async function everyView(orderNumber: string) {
  const tracked = await buyer.orders.track.query({ orderNumber });
  const row = await stack.db.order.findUniqueOrThrow({ where: { orderNumber }, select: { status: true, closedNote: true } });
  const mine = (await buyer.orders.mine.query({ limit: 100 })).items.find((order) => order.orderNumber === orderNumber);
  const listed = (await seller.seller.orders.query({ search: orderNumber })).items.find((order) => order.orderNumber === orderNumber);
  return { row, tracked, mineStatus: mine?.status, sellerStatus: listed?.status };
}

async function expectAgreement(orderNumber: string, status: string) {
  const views = await everyView(orderNumber);
  expect(views.row.status).toBe(status);
  expect(views.tracked.order.status).toBe(status);
  expect(views.mineStatus).toBe(status);
  expect(views.sellerStatus).toBe(status);
  return views;
}

describe('malformed messages', () => {
  const malformedSignals: [string, unknown][] = [
    ['a typo in the status', { to: 'shiped', actor: OPERATOR }],
    ['a typo in the role', { to: 'confirmed', actor: { role: 'Operator', name: 'ops' } }],
    ['no actor', { to: 'confirmed' }],
    ['null', null],
    ['a bare string', 'confirmed'],
    ['an unknown field', { to: 'confirmed', actor: OPERATOR, notes: 'typo' }],
    ['a number for the note', { to: 'confirmed', actor: OPERATOR, note: 42 }],
    ['an array', [{ to: 'confirmed', actor: OPERATOR }]],
  ];

  test('each malformed signal is recorded as refused, and the order stays workable', async () => {
    const orderNumber = await newOrder();
    const handle = orderHandle(stack.temporal, orderNumber);
    for (const [, payload] of malformedSignals) await handle.signal('requestStatus', payload as never);
    await expect.poll(async () => (await queryOrder(stack.temporal, orderNumber)).rejected.length).toBe(malformedSignals.length);

    const view = await queryOrder(stack.temporal, orderNumber);
    expect(view.status).toBe('pending');
    for (const rejected of view.rejected) {
      expect(rejected.type).toBe('MalformedRequest');
      expect(rejected.message).toMatch(/^The status change is malformed: /);
    }
    expect(view.rejected[0]!.message).toContain('"to" must be one of: pending, confirmed');
    expect(view.rejected[1]!.message).toContain("The actor's role must be one of");
    expect(view.rejected[5]!.message).toContain('unknown field: notes');
    expect(view.rejected.map((rejected) => rejected.request)).toEqual(malformedSignals.map(([, payload]) => payload));

    // The seller's next change goes through at once.
    const { order } = await seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'confirmed' });
    expect(order.status).toBe('confirmed');
    await expectAgreement(orderNumber, 'confirmed');
  });

  test('a signal nested deeper than JSON can be written back is recorded as refused, and the order stays workable', async () => {
    const orderNumber = await newOrder();
    // The CLI sends the JSON as typed; a payload this deep parses but cannot be serialised again.
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const payloads = [deep, `{"to":"confirmed","actor":{"role":"operator","name":"ops"},"note":${deep}}`];
    for (const json of payloads) {
      await stack.temporal.workflowService.signalWorkflowExecution({
        namespace: stack.temporal.options.namespace,
        workflowExecution: { workflowId: orderWorkflowId(orderNumber) },
        signalName: 'requestStatus',
        input: { payloads: [{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(json) }] },
        identity: 'operator-test',
        requestId: randomUUID(),
      });
    }
    await expect.poll(async () => (await queryOrder(stack.temporal, orderNumber)).rejected.length).toBe(2);
    const { rejected } = await queryOrder(stack.temporal, orderNumber);
    expect(rejected.map((entry) => [entry.type, entry.request])).toEqual([
      ['MalformedRequest', 'The request could not be kept: it is nested too deeply.'],
      ['MalformedRequest', 'The request could not be kept: it is nested too deeply.'],
    ]);
    expect(rejected[1]!.message).toContain('The note must be text.');
    const { order } = await seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'confirmed' });
    expect(order.status).toBe('confirmed');
  });

  test('a malformed update is refused with a typed error and leaves no trace', async () => {
    const orderNumber = await newOrder();
    for (const payload of [
      { to: 'shiped', actor: SELLER },
      { to: 'confirmed' },
      null,
      'confirmed',
      { to: 'confirmed', actor: SELLER, extra: true },
    ]) {
      const refusal = await refusalOf(setStatus(stack.temporal, orderNumber, payload as never));
      expect(refusal.type).toBe('MalformedRequest');
      expect(refusal.message).toMatch(/^The status change is malformed: /);
    }
    const history = await orderHandle(stack.temporal, orderNumber).fetchHistory();
    expect(history.events?.some((event) => event.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
    expect((await driveTo(stack.temporal, orderNumber, 'confirmed')).status).toBe('confirmed');
  });

  test('a workflow started by hand with a malformed input fails with a typed error, not a workflow task failure', async () => {
    const workflowId = orderWorkflowId(`ORD-20261126-${randomUUID().slice(0, 6).toUpperCase()}`);
    const handle = await stack.temporal.workflow.start('orderWorkflow', {
      taskQueue: stack.taskQueue,
      workflowId,
      args: [{ orderNumber: 42 }],
    });
    const failure = await handle.result().catch((error: unknown) => error as { cause?: { type?: string; message?: string } });
    expect(failure).toMatchObject({ cause: { type: 'MalformedOrderInput' } });
    expect(failure).toHaveProperty('cause.message', expect.stringMatching(/^The order input is malformed: /));
  });
});

describe('Request Cancellation (Temporal cancel)', () => {
  test('cancels a pending order as an operator, projects it and completes the workflow', async () => {
    const orderNumber = await newOrder();
    await orderHandle(stack.temporal, orderNumber).cancel();
    const result = await orderHandle(stack.temporal, orderNumber).result();
    expect(result.status).toBe('cancelled');
    const last = result.timeline.at(-1)!;
    expect(last).toMatchObject({ from: 'pending', to: 'cancelled', by: { role: 'operator' }, note: 'Cancelled by an operator.' });
    await expectAgreement(orderNumber, 'cancelled');
    expect(await errorCodeOf(seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'confirmed' }))).toBe('CONFLICT');
  });

  test('is refused and recorded for a shipped order, which keeps running and can be delivered', async () => {
    const orderNumber = await newOrder();
    await driveTo(stack.temporal, orderNumber, 'shipped');
    await orderHandle(stack.temporal, orderNumber).cancel();
    await expect.poll(async () => (await queryOrder(stack.temporal, orderNumber)).rejected.length).toBe(1);
    const view = await queryOrder(stack.temporal, orderNumber);
    expect(view.status).toBe('shipped');
    expect(view.rejected[0]).toMatchObject({ type: 'InvalidTransition', request: { to: 'cancelled', actor: { role: 'operator' } } });
    expect((await orderHandle(stack.temporal, orderNumber).describe()).status.name).toBe('RUNNING');
    const { order } = await seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'delivered' });
    expect(order.status).toBe('delivered');
    await expectAgreement(orderNumber, 'delivered');
  });
});

describe('Terminate', () => {
  test('a terminated pending order is closed as cancelled, with the reason, everywhere', async () => {
    const orderNumber = await newOrder();
    await orderHandle(stack.temporal, orderNumber).terminate('Duplicate order, refunded by phone');
    const closedSince = new Date(Date.now() - 60_000);
    const sweep = () => sweepClosedOrders({ db: stack.db, temporal: stack.temporal, taskQueue: stack.taskQueue, closedSince });
    // Visibility lists a closed workflow a moment after it closes; the worker's sweeps overlap for that.
    await expect
      .poll(async () => {
        await sweep();
        return (await stack.db.order.findUniqueOrThrow({ where: { orderNumber } })).closedNote;
      })
      .toBe('Closed by an operator: Duplicate order, refunded by phone');
    const views = await expectAgreement(orderNumber, 'cancelled');
    expect(views.row.closedNote).toBe('Closed by an operator: Duplicate order, refunded by phone');
    expect(views.tracked.order.timeline.at(-1)).toMatchObject({
      from: 'pending',
      to: 'cancelled',
      note: 'Closed by an operator: Duplicate order, refunded by phone',
    });
    // A second sweep changes nothing.
    expect(await sweep()).toBe(0);
    expect(await errorCodeOf(seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'confirmed' }))).toBe('CONFLICT');
  });

  test('the API closes a terminated order as soon as a seller or buyer meets it, before any sweep', async () => {
    const orderNumber = await newOrder();
    await orderHandle(stack.temporal, orderNumber).terminate('');
    expect(await errorCodeOf(seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'confirmed' }))).toBe('CONFLICT');
    const views = await expectAgreement(orderNumber, 'cancelled');
    expect(views.row.closedNote).toBe('Closed by an operator.');
    expect(views.tracked.order.timeline.at(-1)).toMatchObject({ to: 'cancelled', note: 'Closed by an operator.' });
  });

  test('a terminated shipped order keeps its status and is marked closed', async () => {
    const orderNumber = await newOrder();
    await driveTo(stack.temporal, orderNumber, 'shipped');
    await orderHandle(stack.temporal, orderNumber).terminate('Parcel lost; handled by support');
    const views = await expectAgreement(orderNumber, 'shipped');
    expect(views.row.closedNote).toBe('Closed by an operator: Parcel lost; handled by support');
    expect(await errorCodeOf(seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'delivered' }))).toBe('CONFLICT');
  });
});

describe('Reset', () => {
  // A worker without a workflow cache replays each reset run from its history, under its real run ID,
  // on every workflow task, so a reset run that does not replay deterministically fails its tasks here.
  beforeAll(async () => {
    stack.worker!.shutdown();
    await stack.startWorker({ maxCachedWorkflows: 0 });
  });

  /**
   * Resets the order's workflow to the end of the workflow task that completed its `updates`-th update, as the
   * Temporal UI's Reset does. `reapply: false` is the UI's and CLI's reapply type None: the signals and
   * updates after that point are dropped rather than replayed onto the new run.
   */
  async function resetAfterUpdates(orderNumber: string, updates: number, { reapply }: { reapply: boolean }) {
    return resetTo(orderNumber, reapply, (events) => {
      // The update's completion is written with the workflow task that completed it.
      const nthCompletion = events.filter((event) => event.workflowExecutionUpdateCompletedEventAttributes)[updates - 1]!;
      return events
        .filter((event) => event.workflowTaskCompletedEventAttributes && Number(event.eventId) < Number(nthCompletion.eventId))
        .at(-1)!;
    });
  }

  /** Resets a reset run to the workflow task that read its projection sync's result, so the new run's history holds that sync. */
  async function resetAfterSync(orderNumber: string) {
    return resetTo(orderNumber, false, (events) => {
      const scheduled = events.find((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'syncProjection')!;
      const completed = events.find(
        (event) => String(event.activityTaskCompletedEventAttributes?.scheduledEventId) === String(scheduled.eventId),
      )!;
      return events.find((event) => event.workflowTaskCompletedEventAttributes && Number(event.eventId) > Number(completed.eventId))!;
    });
  }

  type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<typeof orderHandle>['fetchHistory']>>['events']>[number];

  async function resetTo(orderNumber: string, reapply: boolean, point: (events: HistoryEvent[]) => HistoryEvent) {
    const handle = orderHandle(stack.temporal, orderNumber);
    const events = (await handle.fetchHistory()).events ?? [];
    const { runId } = await handle.describe();
    await stack.temporal.workflowService.resetWorkflowExecution({
      namespace: stack.temporal.options.namespace,
      workflowExecution: { workflowId: orderWorkflowId(orderNumber), runId },
      workflowTaskFinishEventId: point(events).eventId,
      reason: 'test reset',
      requestId: randomUUID(),
      resetReapplyType: reapply ? ResetReapplyType.RESET_REAPPLY_TYPE_ALL_ELIGIBLE : ResetReapplyType.RESET_REAPPLY_TYPE_NONE,
    });
    return runId;
  }

  /** Every workflow task of the order's current run succeeded, apart from the one the reset failed. */
  async function expectNoFailedTasks(orderNumber: string) {
    const events = (await orderHandle(stack.temporal, orderNumber).fetchHistory()).events ?? [];
    const resetCause = proto.temporal.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW;
    expect(
      events.filter((event) => event.workflowTaskFailedEventAttributes && event.workflowTaskFailedEventAttributes.cause !== resetCause),
    ).toEqual([]);
    expect(events.some((event) => event.workflowTaskFailedEventAttributes?.cause === resetCause)).toBe(true);
  }

  async function expectProjectionOfNewRun(orderNumber: string, oldRunId: string) {
    await expect.poll(async () => (await orderHandle(stack.temporal, orderNumber).describe()).runId).not.toBe(oldRunId);
    const view = await queryOrder(stack.temporal, orderNumber);
    await expect.poll(() => projectedTimeline(stack.db, orderNumber), { timeout: 20_000 }).toEqual(view.timeline);
    await expectAgreement(orderNumber, view.status);
    return view;
  }

  test('without reapplying, later transitions are dropped and the projection follows the new run', async () => {
    const orderNumber = await newOrder();
    await driveTo(stack.temporal, orderNumber, 'shipped');
    const oldRunId = await resetAfterUpdates(orderNumber, 1, { reapply: false });
    const view = await expectProjectionOfNewRun(orderNumber, oldRunId);
    expect(view.status).toBe('confirmed');
    expect((await stack.db.order.findUniqueOrThrow({ where: { orderNumber } })).trackingNumber).toBeNull();
    const { order } = await seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to: 'processing' });
    expect(order.status).toBe('processing');
    await expectAgreement(orderNumber, 'processing');
    await expectNoFailedTasks(orderNumber);
  });

  test('with the default reapply, the later updates run again on the new run and the projection agrees', async () => {
    const orderNumber = await newOrder();
    await driveTo(stack.temporal, orderNumber, 'shipped');
    const oldRunId = await resetAfterUpdates(orderNumber, 1, { reapply: true });
    const view = await expectProjectionOfNewRun(orderNumber, oldRunId);
    expect(view.status).toBe('shipped');
    await expectNoFailedTasks(orderNumber);
  });

  test('a delivered order reset to an earlier step is reopened at that step', async () => {
    const orderNumber = await newOrder();
    await driveTo(stack.temporal, orderNumber, 'delivered');
    const oldRunId = await resetAfterUpdates(orderNumber, 2, { reapply: false });
    const view = await expectProjectionOfNewRun(orderNumber, oldRunId);
    expect(view.status).toBe('processing');
    const { order } = await seller.seller.setStatus.mutate({
      orderNumber,
      requestId: randomUUID(),
      to: 'shipped',
      carrier: 'LBC Express',
      trackingNumber: 'LBC-777777',
    });
    expect(order.status).toBe('shipped');
    await expectNoFailedTasks(orderNumber);
  });

  test('a reset run reset again, after its own sync, follows the projection again', async () => {
    const orderNumber = await newOrder();
    await driveTo(stack.temporal, orderNumber, 'shipped');
    const firstRunId = await resetAfterUpdates(orderNumber, 2, { reapply: false });
    expect((await expectProjectionOfNewRun(orderNumber, firstRunId)).status).toBe('processing');
    await setStatus(stack.temporal, orderNumber, { to: 'shipped', actor: SELLER, carrier: 'J&T Express', trackingNumber: 'JT-555555' });
    // The second run's history holds the first reset run's sync, before this run's own.
    const secondRunId = await resetAfterSync(orderNumber);
    const view = await expectProjectionOfNewRun(orderNumber, secondRunId);
    expect(view.status).toBe('processing');
    const syncs = ((await orderHandle(stack.temporal, orderNumber).fetchHistory()).events ?? []).filter(
      (event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'syncProjection',
    );
    expect(syncs).toHaveLength(2);
    expect((await setStatus(stack.temporal, orderNumber, stepsTo('shipped').at(-1)!)).status).toBe('shipped');
    await expectNoFailedTasks(orderNumber);
  });

  test('a terminated order reset to an earlier step is reopened, and its closing note is cleared', async () => {
    const orderNumber = await newOrder();
    await driveTo(stack.temporal, orderNumber, 'confirmed');
    await orderHandle(stack.temporal, orderNumber).terminate('By mistake');
    await buyer.orders.track.query({ orderNumber });
    expect((await stack.db.order.findUniqueOrThrow({ where: { orderNumber } })).closedNote).toBe('Closed by an operator: By mistake');
    const oldRunId = await resetAfterUpdates(orderNumber, 1, { reapply: false });
    const view = await expectProjectionOfNewRun(orderNumber, oldRunId);
    expect(view.status).toBe('confirmed');
    expect((await stack.db.order.findUniqueOrThrow({ where: { orderNumber } })).closedNote).toBeNull();
    await expectNoFailedTasks(orderNumber);
  });
});
