// Replays committed histories of real runs (workflows/histories) against the current workflow code, so a
// change that would break running orders fails CI. Re-record only after a deliberate, compatible change.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { beforeAll, expect, inject, test } from 'vitest';

const historiesDir = fileURLToPath(new URL('../../workflows/histories', import.meta.url));
const histories = readdirSync(historiesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ workflowId: file.replace(/\.json$/, ''), history: JSON.parse(readFileSync(`${historiesDir}/${file}`, 'utf8')) }));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
});

async function replayAll(workflowBundle: { codePath: string } | { code: string }) {
  const results = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) results.push(result);
  return results;
}

test('the committed histories cover the main paths of an order', () => {
  expect(histories.map((history) => history.workflowId).sort()).toEqual(['auto-cancelled', 'delivered', 'duplicate-update-and-refusals', 'operator-signals']);
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
