import { expect, test } from 'vitest';
import { timeAgo } from './dates';

test('timeAgo says how long ago in the largest whole unit', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');
  expect(timeAgo(now - 2_000, now)).toBe('just now');
  expect(timeAgo(now - 12_000, now)).toBe('12 seconds ago');
  expect(timeAgo(now - 61_000, now)).toBe('1 minute ago');
  expect(timeAgo(now - 3 * 3_600_000, now)).toBe('3 hours ago');
  // A clock that runs slightly behind the server's never shows a time in the future.
  expect(timeAgo(now + 5_000, now)).toBe('just now');
});
