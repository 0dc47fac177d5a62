import { QueryClient } from '@tanstack/solid-query';
import { isRetryable } from './errors';

const MAX_RETRIES = 2;

/** Retry policy for queries, and for mutations that carry an idempotency key or request ID. */
export function retryUnanswered(failures: number, error: unknown): boolean {
  return failures < MAX_RETRIES && isRetryable(error);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, retry: retryUnanswered },
      mutations: { retry: false },
    },
  });
}
