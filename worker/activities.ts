// Activities of the order workflow: they write the workflow's changes into the database projection
// (lib/order-projection.ts), where the lists and the buyer's notifications are read from.

import type { Db } from '../lib/db';
import { type ProjectionSnapshot, projectEntry, replaceProjection } from '../lib/order-projection';
import type { ProjectionInput } from '../workflows/model/order-types';

// Order rows are committed before their workflow starts, so a missing row is an outage or a bug:
// fail the attempt and let the retry policy try again.
function assertFound(found: boolean, orderNumber: string): void {
  if (!found) throw new Error(`Order ${orderNumber} is not in the database`);
}

export function createActivities(db: Db) {
  return {
    /** Projects one timeline entry: event row, buyer notification and the order row's status. */
    async projectTransition(input: ProjectionInput): Promise<void> {
      assertFound(await projectEntry(db, input), input.orderNumber);
    },
    /**
     * Rewrites the projection to a reset run's whole timeline, and answers with the ID of the run that
     * asked, which the workflow reads back from its history (workflows/order-workflow.ts).
     */
    async syncProjection({ runId, ...snapshot }: ProjectionSnapshot & { runId: string }): Promise<{ runId: string }> {
      assertFound(await replaceProjection(db, snapshot), snapshot.orderNumber);
      return { runId };
    },
  };
}

export type OrderActivities = ReturnType<typeof createActivities>;
