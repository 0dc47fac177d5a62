import { expect, test } from 'vitest';
import { pollInterval } from './live-order';

test('an order that can still move is polled at the configured interval', () => {
  expect(pollInterval('pending', 1_000)).toBe(1_000);
  expect(pollInterval('shipped', 5_000)).toBe(5_000);
});

test('an order not loaded yet is polled, so the first answer arrives', () => {
  expect(pollInterval(undefined, 30_000)).toBe(30_000);
});

test('polling stops once the order is delivered or cancelled', () => {
  expect(pollInterval('delivered', 1_000)).toBe(false);
  expect(pollInterval('cancelled', 1_000)).toBe(false);
});

test('polling stops for an order closed outside its lifecycle, though its last status was open', () => {
  expect(pollInterval('pending', 1_000, true)).toBe(false);
  expect(pollInterval('processing', 1_000, true)).toBe(false);
});
