import { expect, test } from 'vitest';
import { timeLeftToConfirm } from './deadline';

const now = Date.parse('2026-11-26T10:00:00Z');
const inMs = (ms: number) => new Date(now + ms).toISOString();

test('the time left is given in whole hours, then minutes, and highlighted under 6 hours', () => {
  expect(timeLeftToConfirm(inMs(47.5 * 3_600_000), now)).toEqual({ text: 'Confirm within 47 h', urgent: false });
  expect(timeLeftToConfirm(inMs(6 * 3_600_000), now)).toEqual({ text: 'Confirm within 6 h', urgent: false });
  expect(timeLeftToConfirm(inMs(5 * 3_600_000 + 59 * 60_000), now)).toEqual({ text: 'Confirm within 5 h', urgent: true });
  expect(timeLeftToConfirm(inMs(40 * 60_000), now)).toEqual({ text: 'Confirm within 40 min', urgent: true });
  expect(timeLeftToConfirm(inMs(10_000), now)).toEqual({ text: 'Confirm within 1 min', urgent: true });
  expect(timeLeftToConfirm(inMs(-1), now)).toEqual({ text: 'Confirm now: the time is up', urgent: true });
});
