// The order workflow's message contracts, declared once: the workflow sets their handlers and the API,
// tests and tools send them by these same definitions.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { StatusChangeRequest } from './model/order-model';
import type { OrderView } from './model/order-types';

/** The workflow type of an order: the name under which workflows/index.ts exports `orderWorkflow`. */
export const ORDER_WORKFLOW_TYPE = 'orderWorkflow';

const WORKFLOW_ID_PREFIX = 'order-';

/** Workflow ID of an order: derived from its number, so starting the same order twice is a no-op. */
export function orderWorkflowId(orderNumber: string): string {
  return `${WORKFLOW_ID_PREFIX}${orderNumber}`;
}

/** The order number of an order workflow's ID, or undefined for any other workflow. */
export function orderNumberFromWorkflowId(workflowId: string): string | undefined {
  return workflowId.startsWith(WORKFLOW_ID_PREFIX) ? workflowId.slice(WORKFLOW_ID_PREFIX.length) : undefined;
}

/** Seller, buyer or operator asks to change status; refused synchronously when invalid. Returns the new state. */
export const setStatusUpdate = defineUpdate<OrderView, [StatusChangeRequest]>('setStatus');

/** The same change, fire-and-forget, for operators (Temporal UI, CLI) and integrations; refusals are recorded. */
export const requestStatusSignal = defineSignal<[StatusChangeRequest]>('requestStatus');

/** The whole order state. */
export const getOrderQuery = defineQuery<OrderView>('getOrder');
