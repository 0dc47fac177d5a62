// Replays committed histories of real runs (workflows/histories) against the current workflow code, so a
// change that would break running orders fails CI. Each folder holds the histories recorded before one
// history-changing change (current/ those of the code as it is); none is ever re-recorded.
// Reset runs are not among them: this replayer runs a history under the run ID of its start event, so it
// cannot tell a reset run from its original. tests/integration/operator-actions.test.ts replays reset
// runs on a worker without a workflow cache instead, which replays every task under the real run ID.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { beforeAll, expect, inject, test } from 'vitest';
import { BUYER_CONFIRMS_RECEIPT_PATCH, OPERATOR_SAFE_PATCH } from '../../workflows/order-workflow';

const historiesDir = fileURLToPath(new URL('../../workflows/histories', import.meta.url));
const histories = readdirSync(historiesDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ workflowId: file.replace(/\.json$/, ''), history: JSON.parse(readFileSync(`${historiesDir}/${file}`, 'utf8')) }));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
});

async function replayAll(workflowBundle: { codePath: string } | { code: string }) {
  const results = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) results.push(result);
  return results;
}

const MAIN_PATHS = ['auto-cancelled', 'delivered', 'duplicate-update-and-refusals', 'operator-signals'];
const OPERATOR_SAFE_PATHS = [...MAIN_PATHS, 'malformed-signals', 'temporal-cancellation', 'temporal-cancellation-refused-when-shipped'];
/** Folders of histories recorded after the operator-safe patch, oldest first; current/ is the code as it is. */
const AFTER_OPERATOR_SAFE = ['before-buyer-confirms-receipt/', 'current/'];

test('the committed histories cover the main paths of an order, from before each patch and after it', () => {
  const ids = histories.map((history) => history.workflowId);
  for (const path of MAIN_PATHS) expect(ids).toContain(`before-operator-safe-messages/${path}`);
  // A buyer's signal asking for delivered on a shipped order: refused and recorded before the patch.
  for (const path of [...OPERATOR_SAFE_PATHS, 'buyer-asks-delivered-when-shipped'])
    expect(ids).toContain(`before-buyer-confirms-receipt/${path}`);
  for (const path of [...OPERATOR_SAFE_PATHS, 'buyer-asks-delivered-when-shipped', 'buyer-confirms-receipt'])
    expect(ids).toContain(`current/${path}`);
});

type History = { events: { markerRecordedEventAttributes?: { details?: Record<string, unknown> } }[] };
const hasMarker = (history: History, patchId: string) =>
  history.events.some((event) =>
    JSON.stringify(event.markerRecordedEventAttributes?.details ?? {}).includes(Buffer.from(JSON.stringify(patchId)).toString('base64')),
  );

test('histories from after the operator-safe patch carry its marker, and those from before it do not', () => {
  for (const { workflowId, history } of histories) {
    expect(hasMarker(history, OPERATOR_SAFE_PATCH), workflowId).toBe(AFTER_OPERATOR_SAFE.some((folder) => workflowId.startsWith(folder)));
  }
});

test('histories from after the buyer-confirms-receipt patch carry its marker, and those from before it do not', () => {
  for (const { workflowId, history } of histories)
    expect(hasMarker(history, BUYER_CONFIRMS_RECEIPT_PATCH), workflowId).toBe(workflowId.startsWith('current/'));
});

test('the buyer’s request for delivered was refused before the patch and is applied after it', () => {
  const statusOf = (workflowId: string) => {
    const { history } = histories.find((h) => h.workflowId === workflowId)!;
    const completed = (
      history.events as { workflowExecutionCompletedEventAttributes?: { result?: { payloads?: { data?: string }[] } } }[]
    ).find((event) => event.workflowExecutionCompletedEventAttributes)!;
    const view = JSON.parse(
      Buffer.from(completed.workflowExecutionCompletedEventAttributes!.result!.payloads![0]!.data!, 'base64').toString(),
    ) as {
      timeline: { to: string; by: { role: string } }[];
      rejected: { type: string }[];
    };
    return { deliveredBy: view.timeline.at(-1)!.by.role, rejected: view.rejected.map((r) => r.type) };
  };
  expect(statusOf('before-buyer-confirms-receipt/buyer-asks-delivered-when-shipped')).toEqual({
    deliveredBy: 'seller',
    rejected: ['NotAllowedForActor'],
  });
  expect(statusOf('current/buyer-asks-delivered-when-shipped')).toEqual({ deliveredBy: 'buyer', rejected: [] });
  expect(statusOf('current/buyer-confirms-receipt')).toEqual({ deliveredBy: 'buyer', rejected: [] });
});

test('every committed history replays against the current workflow code', async () => {
  const results = await replayAll({ codePath: inject('stack').workflowBundlePath });
  expect(results).toHaveLength(histories.length);
  for (const result of results) expect(result.error, result.workflowId).toBeUndefined();
});

test('an incompatible workflow change fails the replay', async () => {
  const bundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./fixtures/incompatible-workflows.ts', import.meta.url)),
    logger: new DefaultLogger('ERROR'),
  });
  const results = await replayAll({ code: bundle.code });
  expect(results).toHaveLength(histories.length);
  for (const result of results) expect(result.error, result.workflowId).toBeInstanceOf(DeterminismViolationError);
});
