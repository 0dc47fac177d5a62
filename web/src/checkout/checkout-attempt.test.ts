import { expect, test } from 'vitest';
import { createCheckoutAttempt } from './checkout-attempt';

test('the same cart and address reuse the idempotency key; any change starts a new attempt', () => {
  const attempt = createCheckoutAttempt();
  const order = { lines: [{ productId: 'p1', quantity: 1 }], shipping: { city: 'Quezon City' } };
  const first = attempt.keyFor(order);
  expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(attempt.keyFor(structuredClone(order))).toBe(first);
  const changed = attempt.keyFor({ ...order, lines: [{ productId: 'p1', quantity: 2 }] });
  expect(changed).not.toBe(first);
  expect(attempt.keyFor(order)).not.toBe(changed);
});
