// The limit to compare with: a workflow that does nothing but take the same four status updates and
// answer a query. No activities, no database, no search attributes.
import { allHandlersFinished, condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';

/** Records the next status; returns how many steps the workflow has taken. */
export const bareStepUpdate = defineUpdate<number, [string]>('step');
export const bareStateQuery = defineQuery<{ status: string; steps: number }>('state');

export const BARE_STEPS = 4;

export async function bareWorkflow(): Promise<number> {
  const statuses = ['pending'];
  setHandler(bareStateQuery, () => ({ status: statuses[statuses.length - 1]!, steps: statuses.length - 1 }));
  setHandler(bareStepUpdate, (status) => statuses.push(status) - 1);
  await condition(() => statuses.length > BARE_STEPS && allHandlersFinished());
  return statuses.length - 1;
}
