// Bare Temporal as the load target: the same operations through the same client library and server,
// with no API and no database in between.
import type { Client, WorkflowHandle } from '@temporalio/client';
import { bareStateQuery, bareStepUpdate, bareWorkflow } from './bare-workflow';
import { LIFECYCLE_STEPS, type PlannedOrder } from './plan';
import type { LoadTarget } from './target';

export interface BareOrder {
  plan: PlannedOrder;
  handle: WorkflowHandle<typeof bareWorkflow>;
}

export function createBareTarget(client: Client, taskQueue: string, plan: readonly PlannedOrder[]): LoadTarget<BareOrder> {
  return {
    async create(index) {
      const handle = await client.workflow.start(bareWorkflow, { taskQueue, workflowId: `bare-${index}`, args: [] });
      return { plan: plan[index]!, handle };
    },
    async advance({ plan: order, handle }, step) {
      await handle.executeUpdate(bareStepUpdate, { args: [LIFECYCLE_STEPS[step]!], updateId: order.requestIds[step]! });
    },
    async read({ handle }) {
      await handle.query(bareStateQuery);
    },
  };
}
