// The hostile-input corpus: values that probe limits, encodings, types and injection. Each has a name
// that says what it tries, so a failure names the value that caused it.

/** Strings for text fields; some are fine to store (and must then be stored as sent), most must be refused. */
export const HOSTILE_STRINGS: Record<string, string> = {
  empty: '',
  'only whitespace': ' \t  ',
  '10 000 characters': 'A'.repeat(10_000),
  '60 000 characters': 'x'.repeat(60_000),
  '5 000 emoji': '😀'.repeat(5_000),
  'right-to-left override': 'Maria \u202EsotnaS',
  'zero-width characters': 'Ma\u200Bria\u200D Santos\uFEFF',
  'combining marks': 'Z\u0351\u0360\u0337a\u0336\u0334l\u0335g\u0338o',
  'lone surrogate': 'Maria \uD800 Santos',
  'NUL byte': 'Maria\u0000Santos',
  'line separator': 'Maria\u2028Santos',
  'CRLF header injection': 'Maria\r\nSet-Cookie: sid=x',
  'fullwidth letters': 'Ｍａｒｉａ Ｓａｎｔｏｓ',
  'Cyrillic look-alikes': 'Маria Ѕantos',
  'emoji family': '👨‍👩‍👧‍👦 Santos family',
  'invisible Hangul filler': '\u3164\u3164',
  'SQL: always true': "' OR '1'='1",
  'SQL: drop table': '\'; DROP TABLE "Order"; --',
  'SQL: union select': 'x\' UNION SELECT "passwordHash" FROM "User"--',
  'SQL: sleep': "'; SELECT pg_sleep(5); --",
  'LIKE wildcards and escape': '%_%\\',
  'HTML: script': '<script>alert(1)</script>',
  'HTML: img onerror': '<img src=x onerror=alert(1)>',
  'HTML: attribute break-out': '"><svg onload=alert(1)>',
  'javascript: URL': 'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax is the hostile value under test.
  'template syntax': '{{7*7}} ${7*7} #{7*7}',
  'prototype key': '__proto__',
  'path traversal': '../../../etc/passwd',
  'format string': '%s%s%n%x',
  'JSON in a string': '{"role":"seller"}',
};

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Values of the wrong type for any field. */
export const WRONG_TYPES: Record<string, unknown> = {
  null: null,
  number: 42,
  boolean: true,
  array: ['Maria'],
  'operator object': { $gt: '' },
  'prototype object': JSON.parse('{"__proto__": {"admin": true}}'),
  'array nested 1000 deep': nested(1_000),
};

/** Values for whole-number fields such as quantities and page sizes. */
export const HOSTILE_NUMBERS: Record<string, unknown> = {
  negative: -1,
  zero: 0,
  fraction: 1.5,
  'largest double': 1e308,
  '2^31': 2 ** 31,
  'beyond 2^53': 2 ** 53 + 2,
  'number as text': '5',
  'exponent as text': '1e3',
  'hex as text': '0x10',
  'NaN (sent as null)': Number.NaN,
  'Infinity (sent as null)': Number.POSITIVE_INFINITY,
};

/** Statuses that are not in the order model, or only look like one. */
export const UNKNOWN_STATUSES: Record<string, string> = {
  invented: 'teleported',
  'upper case': 'DELIVERED',
  'capitalised label': 'Delivered',
  'leading space': ' shipped',
  'trailing space': 'shipped ',
  'NUL suffix': 'cancelled\u0000',
  'prototype key': '__proto__',
  'object method': 'toString',
  'two statuses': 'pending,delivered',
};

/** Order numbers that are malformed or only look well-formed. */
export const MALFORMED_ORDER_NUMBERS: Record<string, string> = {
  'lower case': 'ord-20261126-4f7k2q',
  'trailing newline': 'ORD-20261126-4F7K2Q\n',
  'trailing space': 'ORD-20261126-4F7K2Q ',
  'Cyrillic O': 'ОRD-20261126-4F7K2Q',
  fullwidth: 'ＯＲＤ-20261126-4F7K2Q',
  'SQL suffix': "ORD-20261126-4F7K2Q' OR '1'='1",
  wildcard: 'ORD-20261126-%',
  'too long': 'ORD-20261126-4F7K2QQ',
};

/** Unknown fields next to a valid input; every input is strict, so each must be refused. */
export const EXTRA_FIELDS: Record<string, Record<string, unknown>> = {
  'a role': { role: 'seller' },
  'a prototype key': JSON.parse('{"__proto__": {"role": "seller"}}'),
  'a constructor key': { constructor: { prototype: { admin: true } } },
};

/** A copy of `input` with `value` at a dotted path such as `lines.0.quantity`; an empty path replaces it. */
export function withValueAt(input: unknown, path: string, value: unknown): unknown {
  if (!path) return value;
  const copy = structuredClone(input) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy;
}

/** What a string becomes once stored: trimmed as the API does, then through UTF-8 (a lone surrogate becomes U+FFFD). */
export function asStored(value: string): string {
  return Buffer.from(value.trim(), 'utf8').toString('utf8');
}
