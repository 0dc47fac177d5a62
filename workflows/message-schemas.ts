// Schemas of everything that enters an order workflow: its start input and each status-change message.
// The workflow parses every message with them, because operators type these payloads by hand in the
// Temporal UI and CLI; a malformed one must be refused in words, never crash the workflow.
import { z } from 'zod';
import { ACTOR_ROLES, ORDER_STATUSES, type StatusChangeRequest } from './order-model';
import type { OrderInput } from './order-types';
import { textProblem, textProblemMessage } from './text';

const list = (values: readonly string[]) => values.join(', ');

/** Free text; an optional field may be blank, so the model can name what is missing (a cancel reason). */
const anyText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text.` })
    .max(max, `${field} must have at most ${max} characters.`)
    .superRefine((value, context) => {
      const problem = textProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: textProblemMessage(field, problem) });
    });

const text = (field: string, max: number) => anyText(field, max).refine((value) => value.trim().length > 0, `${field} must not be empty.`);

/** Unknown keys are refused by name, so a typo such as "notes" is not silently dropped. */
const strictObject = <T extends z.ZodRawShape>(what: string, shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `${what} has unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.` : `${what} must be a JSON object.`,
  });

const actorSchema = strictObject('The actor', {
  role: z.enum(ACTOR_ROLES, { error: `The actor's role must be one of: ${list(ACTOR_ROLES)}.` }),
  id: anyText("The actor's id", 200).optional(),
  name: text("The actor's name", 200),
});

export const statusChangeRequestSchema: z.ZodType<StatusChangeRequest> = strictObject('A status change', {
  to: z.enum(ORDER_STATUSES, { error: `"to" must be one of: ${list(ORDER_STATUSES)}.` }),
  actor: actorSchema,
  note: anyText('The note', 500).optional(),
  carrier: anyText('The carrier', 60).optional(),
  trackingNumber: anyText('The tracking number', 40).optional(),
});

const count = (field: string) => z.number({ error: `${field} must be a number.` }).int(`${field} must be a whole number.`).nonnegative(`${field} must not be negative.`);

export const orderInputSchema: z.ZodType<OrderInput> = z.object(
  {
    orderNumber: text('The order number', 40),
    buyer: z.object({ id: text("The buyer's id", 100), name: text("The buyer's name", 200) }, { error: 'The buyer must be a JSON object.' }),
    store: z.object({ id: text("The store's id", 100), name: text("The store's name", 200) }, { error: 'The store must be a JSON object.' }),
    items: z
      .array(
        z.object(
          { productId: text('The product id', 100), name: text('The product name', 200), unitPriceCentavos: count('The unit price'), quantity: count('The quantity') },
          { error: 'Each item must be a JSON object.' },
        ),
        { error: 'The items must be a list.' },
      )
      .min(1, 'An order needs at least one item.'),
    subtotalCentavos: count('The subtotal'),
    shippingCentavos: count('The shipping fee'),
    totalCentavos: count('The total'),
    shipping: z.object(
      { name: text('The name', 200), phone: text('The phone', 40), addressLine: text('The address', 300), city: text('The city', 200), postalCode: text('The postal code', 20) },
      { error: 'The shipping details must be a JSON object.' },
    ),
    placedAt: z.iso.datetime({ error: 'placedAt must be an ISO date-time.' }),
    confirmWithinMs: count('confirmWithinMs').min(1, 'confirmWithinMs must be positive.').optional(),
  },
  { error: 'The order input must be a JSON object.' },
);

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses `raw`; a failure comes back as one sentence that names every problem, for the operator. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown, what: string): Parsed<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => issue.message);
  return { ok: false, message: `${what} is malformed: ${[...new Set(problems)].join(' ')}` };
}
