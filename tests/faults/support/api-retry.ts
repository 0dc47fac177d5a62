// A client that retries like the web app should: on a retryable answer (SERVICE_UNAVAILABLE with
// `retryable: true`) or a dropped connection, it tries again with the same request ID or idempotency
// key. Any other failure, a 500 above all, ends the test.
import { randomUUID } from 'node:crypto';
import { TRPCClientError } from '@trpc/client';
import type { ApiClient } from '../../../scripts/lib/api-client';
import { stepsTo } from '../../support/workflow-helpers';

interface ErrorData {
  code: string;
  httpStatus: number;
  retryable: boolean;
}

/** The tRPC error data of a failed call, or undefined when no answer came (connection refused or reset). */
export function errorDataOf(error: unknown): ErrorData | undefined {
  return error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
}

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = errorDataOf(error);
  return data ? data.code === 'SERVICE_UNAVAILABLE' && data.httpStatus === 503 && data.retryable : error.cause instanceof TypeError;
}

export interface RetryCount {
  retries: number;
}

/** Calls until the call succeeds or fails for a reason a retry cannot fix; counts the retries. */
export async function withRetries<T>(call: () => Promise<T>, count: RetryCount = { retries: 0 }, deadlineMs = 120_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error) || Date.now() > deadline) throw error;
      count.retries++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The seller's requests from pending to delivered, as the Update dialog sends them. */
export const SELLER_STEPS = stepsTo('delivered').map(({ to, carrier, trackingNumber }) => ({
  to,
  ...(carrier ? { carrier, trackingNumber } : {}),
}));

/** Moves an order through `steps` as a seller; each step keeps its request ID across retries. */
export async function advanceOrder(
  seller: ApiClient,
  orderNumber: string,
  steps: typeof SELLER_STEPS,
  count?: RetryCount,
  onStep?: () => void,
): Promise<void> {
  for (const step of steps) {
    const requestId = randomUUID();
    await withRetries(() => seller.seller.setStatus.mutate({ orderNumber, requestId, ...step }), count);
    onStep?.();
  }
}
