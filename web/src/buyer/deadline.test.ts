import { expect, test } from 'vitest';
import { deadlineSentence, formatDeadline } from './deadline';

const MANILA = 'Asia/Manila';

test('the deadline reads as weekday, day, month and time of day', () => {
  expect(formatDeadline('2026-11-28T13:53:00.000Z', MANILA)).toBe('Sat 28 Nov, 9:53 PM');
  expect(formatDeadline('2026-11-28T01:05:00.000Z', MANILA)).toBe('Sat 28 Nov, 9:05 AM');
});

test('the sentence names the store and says what happens', () => {
  expect(deadlineSentence('Fashion Store', '2026-11-28T13:53:00.000Z', MANILA)).toBe(
    'If Fashion Store has not confirmed by Sat 28 Nov, 9:53 PM, the order is cancelled automatically.',
  );
});
