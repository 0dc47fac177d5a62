// Turns API failures into sentences for the page. The API already writes readable messages; this
// covers the cases it cannot: no response at all, and validation errors per form field.
import { TRPCClientError } from '@trpc/client';

interface ErrorData {
  code?: string;
  httpStatus?: number;
  retryable?: boolean;
  fieldErrors?: Record<string, string[]>;
}

const NETWORK_MESSAGE = 'Could not reach the shop. Check your connection and try again.';

function errorData(error: unknown): ErrorData | undefined {
  return error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
}

/** True when the server answered, so the outcome is known and a retry would not change it. */
export function isServerAnswer(error: unknown): boolean {
  return errorData(error)?.code !== undefined;
}

export function errorMessage(error: unknown): string {
  if (!isServerAnswer(error)) return NETWORK_MESSAGE;
  return (error as Error).message;
}

/** The first message for each invalid field, keyed by the field path, e.g. "shipping.city". */
export function fieldErrors(error: unknown): Record<string, string> {
  const fields = errorData(error)?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fields).map(([field, messages]) => [field, messages[0] ?? '']));
}

/** Worth trying again: the request never got an answer, or the server said it is briefly unavailable. */
export function isRetryable(error: unknown): boolean {
  const data = errorData(error);
  return data?.code === undefined || data.retryable === true;
}
