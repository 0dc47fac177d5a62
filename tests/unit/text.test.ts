// The free-text rules of workflows/model/text.ts at the edges of every refused range.
import { expect, test } from 'vitest';
import { isCleanText, textProblem, textProblemMessage } from '../../workflows/model/text';

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

test.each([
  [0x0000, 'control-character'],
  [0x0009, 'control-character'],
  [0x000a, 'line-break'],
  [0x000d, 'line-break'],
  [0x001f, 'control-character'],
  [0x007f, 'control-character'],
  [0x0080, 'control-character'],
  [0x0085, 'control-character'],
  [0x009f, 'control-character'],
  [0x202a, 'direction-control'],
  [0x202d, 'direction-control'],
  [0x202e, 'direction-control'],
  [0x2066, 'direction-control'],
  [0x2069, 'direction-control'],
] as const)('%s is refused as %s', (code, problem) => {
  expect(textProblem(`Maria${String.fromCharCode(code)}Santos`), hex(code)).toBe(problem);
  expect(isCleanText(String.fromCharCode(code))).toBe(false);
});

test.each([0x0020, 0x007e, 0x00a0, 0x00e9, 0x200e, 0x200f, 0x2029, 0x2065, 0x206a, 0x202f, 0x2028, 0xfeff])(
  '%s next to a refused range is allowed',
  (code) => {
    expect(textProblem(`Maria${String.fromCharCode(code)}Santos`), hex(code)).toBeNull();
  },
);

test('real names, emoji and right-to-left scripts are clean text', () => {
  for (const text of ['José Dela Cruz', 'Nguyễn Thị Minh', 'محمد علي', 'שרה כהן', '👨‍👩‍👧‍👦 Santos family', '50% off_sale \\ backslash']) {
    expect(isCleanText(text), text).toBe(true);
  }
});

test('lone surrogates are refused, surrogate pairs are not', () => {
  expect(textProblem('Maria \uD800 Santos')).toBe('broken-character');
  expect(textProblem('Maria \uDC00')).toBe('broken-character');
  expect(textProblem('\uDBFF')).toBe('broken-character');
  expect(textProblem('Maria \uD83D\uDE00')).toBeNull();
});

test('every problem has a sentence that names the field', () => {
  for (const problem of ['line-break', 'control-character', 'direction-control', 'broken-character'] as const) {
    const message = textProblemMessage('City', problem);
    expect(message).toMatch(/^City .*\.$/);
  }
});
