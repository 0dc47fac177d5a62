// What the API answers while a backing service is down: a failed call must be SERVICE_UNAVAILABLE
// (HTTP 503, `retryable: true`) with the readable message and no stack trace; never a 500.
import { TRPCClientError } from '@trpc/client';
import { expect } from 'vitest';
import { UNAVAILABLE_MESSAGE } from '../../../api/errors';
import type { LogRecord } from '../../support/test-stack';
import { LEAK_PATTERN } from './raw-http';

/** Runs a call that the outage must refuse, and checks the refusal. */
export async function expectRetryableRefusal(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    () => new Error('Expected the call to fail during the outage, but it succeeded'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const { message, data, shape } = error as TRPCClientError<never> & { data: Record<string, unknown> };
  expect(data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryable: true });
  expect(message).toBe(UNAVAILABLE_MESSAGE);
  expect(JSON.stringify(shape)).not.toMatch(LEAK_PATTERN);
}

/** Responses the API logged with a 5xx other than 503. */
export function serverErrors(logs: LogRecord[]): LogRecord[] {
  return logs.filter((log) => log.msg === 'request' && typeof log.status === 'number' && log.status >= 500 && log.status !== 503);
}
