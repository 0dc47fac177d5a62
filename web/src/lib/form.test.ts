import { expect, test } from 'vitest';
import { isCleanText } from '../../../workflows/model/text';
import { singleLine } from './form';

test('a note typed over several lines becomes one line that the free-text rules accept', () => {
  const typed = 'Left at the gate.  \r\n\r\n  Call before delivery.\nThanks';
  expect(isCleanText(typed)).toBe(false);
  expect(singleLine(typed)).toBe('Left at the gate. Call before delivery. Thanks');
  expect(isCleanText(singleLine(typed))).toBe(true);
  expect(singleLine('One line')).toBe('One line');
});
