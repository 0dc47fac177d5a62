// Finds every WorkflowTaskFailed event in a namespace. A failed workflow task is a workflow bug (a
// thrown TypeError, non-determinism) that wedges the order without failing it, so the test run fails on
// any, in every test's workflows (tests/support/global-setup.ts).
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';

const { WorkflowTaskFailedCause } = proto.temporal.api.enums.v1;

/**
 * Causes the server itself writes in normal operation: an operator's reset fails the task at the reset
 * point, and new events arriving while a task ran make the server refuse its completion and retry.
 */
const BENIGN_CAUSES = new Set([
  WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW,
  WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND,
]);

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

/** A failure the server wrote itself, or the one it writes for a task in flight when an operator terminates. */
function isBenign(event: HistoryEvent, next: HistoryEvent | undefined): boolean {
  const cause = event.workflowTaskFailedEventAttributes?.cause ?? 0;
  if (BENIGN_CAUSES.has(cause)) return true;
  return (
    cause === WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_FORCE_CLOSE_COMMAND &&
    Boolean(next?.workflowExecutionTerminatedEventAttributes)
  );
}

/** The workflow type that the guard's own test fails on purpose; the run-wide check skips it. */
export const DELIBERATELY_FAILING_WORKFLOW_TYPE = 'deliberatelyFailingWorkflow';

export interface FailedWorkflowTask {
  workflowId: string;
  runId: string;
  cause: string;
  message: string;
}

/** Every failed workflow task of the workflows that `query` lists (all of them by default). */
export async function findFailedWorkflowTasks(address: string, namespace: string, query?: string): Promise<FailedWorkflowTask[]> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    const runs: { workflowId: string; runId: string }[] = [];
    for await (const { workflowId, runId } of client.workflow.list(query ? { query } : {})) runs.push({ workflowId, runId });
    const failures: FailedWorkflowTask[] = [];
    // A few histories at a time: a full test run leaves some thousands of workflows.
    for (let start = 0; start < runs.length; start += 16) {
      await Promise.all(
        runs.slice(start, start + 16).map(async ({ workflowId, runId }) => {
          const events = (await client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
          for (const [index, event] of events.entries()) {
            const failed = event.workflowTaskFailedEventAttributes;
            if (!failed || isBenign(event, events[index + 1])) continue;
            failures.push({
              workflowId,
              runId,
              cause: WorkflowTaskFailedCause[failed.cause ?? 0] ?? String(failed.cause),
              message: failed.failure?.message ?? '',
            });
          }
        }),
      );
    }
    return failures;
  } finally {
    await connection.close();
  }
}

export function describeFailedWorkflowTasks(failures: FailedWorkflowTask[]): string {
  return failures.map((failure) => `- ${failure.workflowId} (run ${failure.runId}): ${failure.cause}: ${failure.message}`).join('\n');
}
