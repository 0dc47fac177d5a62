// Compares what a buyer's orders should be with what Temporal and the database hold: every order has one
// row and one workflow, every timeline has each expected step once with seqs 0..n-1, and the projection
// (order row, event rows, notifications) equals the workflow state. Counts what is lost or duplicated.
import { isDeepStrictEqual } from 'node:util';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { expect } from 'vitest';
import type { Db } from '../../../lib/db';
import { timelineEntryFromEvent } from '../../../lib/order-rows';
import { orderWorkflowId } from '../../../workflows/messages';
import type { OrderStatus } from '../../../workflows/model/order-model';
import type { OrderView } from '../../../workflows/model/order-types';
import { queryOrder } from '../../support/workflow-helpers';
import type { Figures } from './figures';

export type OrderAudit = Pick<Figures, 'ordersLost' | 'ordersDuplicated' | 'eventsLost' | 'eventsDuplicated'> & {
  /** Every difference found, one readable line each. */
  problems: string[];
};

/** Statuses each entry of `actual` should follow, e.g. the happy path; counts missing and extra steps. */
function compareSteps(expected: readonly OrderStatus[], actual: readonly OrderStatus[]): { lost: number; duplicated: number } {
  const remaining = [...actual];
  let lost = 0;
  for (const status of expected) {
    const index = remaining.indexOf(status);
    if (index === -1) lost++;
    else remaining.splice(index, 1);
  }
  return { lost, duplicated: remaining.length };
}

async function workflowView(temporal: Client, orderNumber: string): Promise<OrderView | null> {
  try {
    return await queryOrder(temporal, orderNumber);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/** Workflow IDs of the buyer's orders in Temporal's visibility index, once it lists at least `atLeast`. */
async function listedWorkflowIds(temporal: Client, buyerId: string, atLeast: number): Promise<string[]> {
  let ids: string[] = [];
  await expect
    .poll(
      async () => {
        ids = [];
        for await (const execution of temporal.workflow.list({ query: `BuyerId = "${buyerId}"` })) ids.push(execution.workflowId);
        return ids.length;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(atLeast);
  return ids;
}

export async function auditOrders(
  deps: { db: Db; temporal: Client },
  buyerId: string,
  expected: Map<string, readonly OrderStatus[]>,
): Promise<OrderAudit> {
  const audit: OrderAudit = { ordersLost: 0, ordersDuplicated: 0, eventsLost: 0, eventsDuplicated: 0, problems: [] };
  const problem = (line: string) => audit.problems.push(line);
  const rows = await deps.db.order.findMany({
    where: { buyerId },
    include: { events: { orderBy: { seq: 'asc' } }, notifications: true },
  });
  const rowNumbers = new Set(rows.map((row) => row.orderNumber));
  for (const orderNumber of expected.keys()) {
    if (!rowNumbers.has(orderNumber)) {
      audit.ordersLost++;
      problem(`${orderNumber}: no order row`);
    }
  }
  for (const row of rows) {
    if (!expected.has(row.orderNumber)) {
      audit.ordersDuplicated++;
      problem(`${row.orderNumber}: an order row nobody placed`);
    }
  }
  const rowWorkflowIds = new Set(rows.map((row) => orderWorkflowId(row.orderNumber)));
  for (const workflowId of await listedWorkflowIds(deps.temporal, buyerId, rows.length)) {
    if (!rowWorkflowIds.has(workflowId)) {
      audit.ordersDuplicated++;
      problem(`${workflowId}: a workflow without an order row`);
    }
  }

  for (const row of rows) {
    const view = await workflowView(deps.temporal, row.orderNumber);
    if (!view) {
      audit.ordersLost++;
      problem(`${row.orderNumber}: an order row without a workflow`);
      continue;
    }
    const { timeline } = view;
    const steps = compareSteps(
      expected.get(row.orderNumber) ?? ['pending'],
      timeline.map((entry) => entry.to),
    );
    audit.eventsLost += steps.lost;
    audit.eventsDuplicated += steps.duplicated;
    if (steps.lost || steps.duplicated) problem(`${row.orderNumber}: timeline ${timeline.map((entry) => entry.to).join(' → ')}`);
    const seqs = timeline.map((entry) => entry.seq);
    if (seqs.some((seq, index) => seq !== index)) problem(`${row.orderNumber}: timeline seqs ${seqs.join(',')}`);

    const projectedSeqs = new Set(row.events.map((event) => event.seq));
    const missing = timeline.filter((entry) => !projectedSeqs.has(entry.seq)).length;
    const extra = row.events.filter((event) => !seqs.includes(event.seq)).length;
    audit.eventsLost += missing;
    audit.eventsDuplicated += extra;
    if (!isDeepStrictEqual(row.events.map(timelineEntryFromEvent), timeline))
      problem(`${row.orderNumber}: projected events differ from the workflow timeline`);
    if (row.status !== view.status || row.statusSeq !== timeline.length - 1) {
      problem(`${row.orderNumber}: row says ${row.status}#${row.statusSeq}, workflow says ${view.status}#${timeline.length - 1}`);
    }
    const notified = row.notifications.map((notification) => notification.eventSeq).sort((a, b) => a - b);
    if (!isDeepStrictEqual(notified, seqs.slice(1))) problem(`${row.orderNumber}: notifications for seqs ${notified.join(',')}`);
  }
  return audit;
}

/** Asserts a clean audit; record its figures first, so a failing run still reports them. */
export function expectCleanAudit(audit: OrderAudit): void {
  expect(audit).toEqual({ ordersLost: 0, ordersDuplicated: 0, eventsLost: 0, eventsDuplicated: 0, problems: [] });
}
