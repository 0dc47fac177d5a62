// Entry point the worker bundles: every workflow type the order service runs.
export { orderWorkflow } from './order-workflow';
