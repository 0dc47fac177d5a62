import { newUuid } from '../lib/uuid';

/**
 * The idempotency key of a checkout attempt. Submitting the same cart and address again (a retry, a
 * double click) reuses the key, so the server places the orders once; any change starts a new attempt.
 */
export function createCheckoutAttempt() {
  let current: { key: string; fingerprint: string } | undefined;
  return {
    keyFor(input: unknown): string {
      const fingerprint = JSON.stringify(input);
      if (current?.fingerprint !== fingerprint) current = { key: newUuid(), fingerprint };
      return current.key;
    },
  };
}
