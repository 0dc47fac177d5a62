// Schemas of everything that enters an order workflow: its start input and each status-change message.
// The workflow parses every message with them, because operators type these payloads by hand in the
// Temporal UI and CLI; a malformed one must be refused in words, never crash the workflow.
import { z } from 'zod';
import { ACTOR_ROLES, ORDER_STATUSES, type StatusChangeRequest } from './order-model';
import type { OrderInput } from './order-types';
import { textProblem, textProblemMessage } from './text';

const list = (values: readonly string[]) => values.join(', ');

/**
 * Text of the right type and length. Names are only checked this far: they were checked when their
 * account, store or product was created, and the rules for free text have grown stricter since.
 */
const plainText = (field: string, max: number) => z.string({ error: `${field} must be text.` }).max(max, `${field} must have at most ${max} characters.`);
const nonBlank = (field: string, max: number) => plainText(field, max).refine((value) => value.trim().length > 0, `${field} must not be empty.`);

/**
 * Free text an operator or seller types for the buyer to read, under the shared rules of workflows/text.ts.
 * It may be blank, so that the model can name what is missing (a cancel reason, a tracking number).
 */
const typedText = (field: string, max: number) =>
  plainText(field, max).superRefine((value, context) => {
    const problem = textProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: textProblemMessage(field, problem) });
  });

/** At most this many unknown fields are named, each cut short, so a refusal stays small in the state. */
const MAX_NAMED_KEYS = 5;
const MAX_KEY_CHARS = 40;

function unknownFieldsMessage(what: string, keys: string[]): string {
  const named = keys.slice(0, MAX_NAMED_KEYS).map((key) => (key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…` : key));
  const more = keys.length > MAX_NAMED_KEYS ? ` and ${keys.length - MAX_NAMED_KEYS} more` : '';
  return `${what} has unknown field${keys.length > 1 ? 's' : ''}: ${named.join(', ')}${more}.`;
}

/** Unknown keys are refused by name, so a typo such as "notes" is not silently dropped. */
const strictObject = <T extends z.ZodRawShape>(what: string, shape: T) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFieldsMessage(what, issue.keys) : `${what} must be a JSON object.`),
  });

const actorSchema = strictObject('The actor', {
  role: z.enum(ACTOR_ROLES, { error: `The actor's role must be one of: ${list(ACTOR_ROLES)}.` }),
  id: plainText("The actor's id", 200).optional(),
  // A seller's name is sent as "<person> (<store>)".
  name: nonBlank("The actor's name", 400),
});

export const statusChangeRequestSchema: z.ZodType<StatusChangeRequest> = strictObject('A status change', {
  to: z.enum(ORDER_STATUSES, { error: `"to" must be one of: ${list(ORDER_STATUSES)}.` }),
  actor: actorSchema,
  note: typedText('The note', 500).optional(),
  carrier: typedText('The carrier', 60).optional(),
  trackingNumber: typedText('The tracking number', 40).optional(),
});

const MAX_CONFIRM_WITHIN_MS = 30 * 24 * 3_600_000;

const count = (field: string) => z.number({ error: `${field} must be a number.` }).int(`${field} must be a whole number.`).nonnegative(`${field} must not be negative.`);

export const orderInputSchema: z.ZodType<OrderInput> = z.object(
  {
    orderNumber: nonBlank('The order number', 40),
    buyer: z.object({ id: nonBlank("The buyer's id", 100), name: nonBlank("The buyer's name", 200) }, { error: 'The buyer must be a JSON object.' }),
    store: z.object({ id: nonBlank("The store's id", 100), name: nonBlank("The store's name", 200) }, { error: 'The store must be a JSON object.' }),
    items: z
      .array(
        z.object(
          { productId: nonBlank('The product id', 100), name: nonBlank('The product name', 200), unitPriceCentavos: count('The unit price'), quantity: count('The quantity') },
          { error: 'Each item must be a JSON object.' },
        ),
        { error: 'The items must be a list.' },
      )
      .min(1, 'An order needs at least one item.'),
    subtotalCentavos: count('The subtotal'),
    shippingCentavos: count('The shipping fee'),
    totalCentavos: count('The total'),
    shipping: z.object(
      { name: nonBlank('The name', 200), phone: nonBlank('The phone', 40), addressLine: nonBlank('The address', 300), city: nonBlank('The city', 200), postalCode: nonBlank('The postal code', 20) },
      { error: 'The shipping details must be a JSON object.' },
    ),
    placedAt: z.iso.datetime({ error: 'placedAt must be an ISO date-time.' }),
    confirmWithinMs: count('confirmWithinMs').min(1, 'confirmWithinMs must be positive.').max(MAX_CONFIRM_WITHIN_MS, 'confirmWithinMs must be at most 30 days.').optional(),
  },
  { error: 'The order input must be a JSON object.' },
);

const MAX_MESSAGE_CHARS = 1000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses `raw`; a failure comes back as one sentence that names every problem, for the operator. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown, what: string): Parsed<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const problems = [...new Set(result.error.issues.map((issue) => issue.message))];
  const message = `${what} is malformed: ${problems.join(' ')}`;
  return { ok: false, message: message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message };
}
