import { expect, test } from 'vitest';
import { ORDER_STATUSES, isTerminal } from '../../../workflows/order-model';
import { pollInterval } from './live-order';

test('polling continues at the configured interval until the order is delivered or cancelled', () => {
  for (const status of ORDER_STATUSES) {
    expect(pollInterval(status, 1_000)).toBe(isTerminal(status) ? false : 1_000);
  }
  expect(pollInterval(undefined, 30_000)).toBe(30_000);
});

test('polling stops for an order closed outside its lifecycle, whatever its last status', () => {
  for (const status of ORDER_STATUSES) expect(pollInterval(status, 1_000, true)).toBe(false);
});
