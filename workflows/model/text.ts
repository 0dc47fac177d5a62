// Rules for free text that people type and others read: names, addresses, notes, reasons, carriers and
// searches. Pure code, so the API (which enforces the rules) and the web app can share one definition.

/**
 * Why a piece of free text is refused:
 * - `line-break`: a line feed or carriage return; free text is one line, and a line break in a name
 *   would let it forge a second line in a log, a receipt or a header.
 * - `control-character`: another C0 or C1 control character (U+0000–U+001F, U+007F–U+009F). They are
 *   invisible, break logs and exports, and PostgreSQL refuses NUL outright.
 * - `direction-control`: a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069). It
 *   reorders the text shown after it, so a name ending in U+202E can make a neighbouring city or amount
 *   read backwards.
 * - `broken-character`: a lone surrogate, which is not text at all. The database would store U+FFFD while
 *   the workflow kept the original, so the projection would differ from the order.
 */
export type TextProblem = 'line-break' | 'control-character' | 'direction-control' | 'broken-character';

const LINE_BREAK = /[\n\r]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const DIRECTION_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first reason `value` is not clean free text, or null when it is. */
export function textProblem(value: string): TextProblem | null {
  if (LINE_BREAK.test(value)) return 'line-break';
  if (CONTROL_CHARACTER.test(value)) return 'control-character';
  if (DIRECTION_CONTROL.test(value)) return 'direction-control';
  if (LONE_SURROGATE.test(value)) return 'broken-character';
  return null;
}

export function isCleanText(value: string): boolean {
  return textProblem(value) === null;
}

/** The refusal as a sentence for the person who typed the text, e.g. "Name must be a single line." */
export function textProblemMessage(label: string, problem: TextProblem): string {
  switch (problem) {
    case 'line-break':
      return `${label} must be a single line.`;
    case 'control-character':
      return `${label} contains an invisible control character. Please remove it.`;
    case 'direction-control':
      return `${label} contains an invisible text-direction character (such as U+202E) that would reverse the text around it. Please remove it.`;
    case 'broken-character':
      return `${label} contains a broken character that is not valid text. Please type it again.`;
  }
}
