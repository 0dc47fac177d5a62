// What a client reads when a call fails: `message` is always a sentence for a person, and validation
// failures add `fieldErrors` with one readable list of messages per field. Texts from the JSON parser,
// zod's defaults and tRPC's own transport errors ("Unexpected end of JSON input", `No procedure found on
// path "x"`) are replaced here; the details stay in the server log.
import type { TRPCError } from '@trpc/server';
import { ZodError, type z } from 'zod';
import { unexpectedFieldsMessage } from './schemas';

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';
const UNREADABLE_MESSAGE = 'The request could not be read. Send the input as valid JSON.';

/** For tRPC's own refusals, which happen before any procedure code runs and carry tRPC's wording. */
const TRANSPORT_MESSAGES: Partial<Record<TRPCError['code'], string>> = {
  BAD_REQUEST: UNREADABLE_MESSAGE,
  NOT_FOUND: 'There is no such API procedure.',
  METHOD_NOT_SUPPORTED: 'This procedure does not accept this HTTP method: queries are read with GET, changes are sent with POST.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the request body as JSON, with the header Content-Type: application/json.',
  PAYLOAD_TOO_LARGE: 'The request is too large. A request body may hold at most 64 KiB.',
};
/** Codes that only tRPC itself raises; our procedures never throw them. */
const TRANSPORT_ONLY_CODES = new Set<TRPCError['code']>([
  'METHOD_NOT_SUPPORTED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'PARSE_ERROR',
]);

const MAX_SENTENCES = 5;

/** zod's built-in wording, for issues a schema gave no message of its own. */
const ZOD_DEFAULT = /^(Invalid|Unrecognized key|Too (big|small)|Expected|Required$)|expected .*, received /;

const EXPECTED_NOUNS: Record<string, string> = {
  object: 'a JSON object',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

export interface ClientError {
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** The message (and field messages) a client gets for `error`, thrown while calling `path`. */
export function clientError(error: TRPCError, call: { path: string | undefined; type: string }): ClientError {
  // Only input validation is the client's to fix; a failed output check is our bug and reads as one.
  if (error.cause instanceof ZodError && error.code === 'BAD_REQUEST') return validationError(error.cause);
  if (error.code === 'INTERNAL_SERVER_ERROR') return { message: INTERNAL_MESSAGE };
  // tRPC's transport refusals: no procedure matched (no path, or no type), the body could not be read
  // or parsed (tRPC keeps the parser's error as the cause; our own BAD_REQUEST errors carry none), or a
  // code only tRPC raises.
  const transport =
    TRANSPORT_ONLY_CODES.has(error.code) ||
    call.path === undefined ||
    call.type === 'unknown' ||
    (error.code === 'BAD_REQUEST' && error.cause !== undefined);
  if (!transport) return { message: asSentence(error.message) };
  if (error.code === 'METHOD_NOT_SUPPORTED' && call.type === 'mutation')
    return { message: 'This procedure changes data, so it must be sent with POST.' };
  if (error.code === 'METHOD_NOT_SUPPORTED' && call.type === 'query')
    return { message: 'This procedure only reads data, so it must be requested with GET.' };
  // tRPC's wording is the only sign of a refused batch; should it change, the general sentence still fits.
  if (error.code === 'BAD_REQUEST' && /batch/i.test(error.message))
    return { message: 'Send one call per request; batched calls are not accepted.' };
  return { message: TRANSPORT_MESSAGES[error.code] ?? 'The request could not be handled.' };
}

/** "Some fields are not valid: Quantity must be at least 1." with the same messages per field. */
function validationError(error: ZodError): ClientError {
  const fieldErrors: Record<string, string[]> = {};
  const general: string[] = [];
  const perField: string[] = [];
  for (const issue of error.issues) {
    const message = issueMessage(issue);
    const key = issue.path.length ? issue.path.map(String).join('.') : 'input';
    fieldErrors[key] ??= [];
    const messages = fieldErrors[key];
    if (!messages.includes(message)) messages.push(message);
    // Problems with the input as a whole (unknown fields, not an object) read best without the prefix.
    const list = issue.path.length && issue.code !== 'unrecognized_keys' ? perField : general;
    if (!list.includes(message)) list.push(message);
  }
  const sentences = [...general, ...(perField.length ? [`Some fields are not valid: ${perField[0]}`, ...perField.slice(1)] : [])];
  const shown = sentences.slice(0, MAX_SENTENCES);
  const more = sentences.length - shown.length;
  const rest = more === 0 ? '' : more === 1 ? ' There is 1 more problem.' : ` There are ${more} more problems.`;
  return { message: shown.join(' ') + rest, fieldErrors };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return asSentence(issue.message);
  // A schema without its own message for this case: say the same in words.
  if (issue.code === 'unrecognized_keys') return unexpectedFieldsMessage(issue.path, issue.keys);
  const field = issue.path.length ? `The field ${issue.path.map(String).join('.')}` : 'The input';
  const expected = issue.code === 'invalid_type' ? EXPECTED_NOUNS[issue.expected] : undefined;
  return expected ? `${field} must be ${expected}.` : `${field} is not valid.`;
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
