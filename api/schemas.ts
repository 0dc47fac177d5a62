// Input schemas of the API. Every procedure input is validated here, at the boundary. Every message is
// a sentence for the person using the app or the API: zod's own defaults ("Invalid input: expected
// object, received array", `Unrecognized key: "role"`) never reach a client.
import { z } from 'zod';
import { ORDER_STATUSES } from '../workflows/model/order-model';
import { textProblem, textProblemMessage } from '../workflows/model/text';

/** Free text: trimmed, within its length limits, and clean (see workflows/model/text.ts). */
export const trimmed = (min: number, max: number, label: string) => {
  const text = z.string({ error: `${label} must be text.` }).trim();
  return (min > 0 ? text.min(min, min === 1 ? `${label} is required.` : `${label} must have at least ${min} characters.`) : text)
    .max(max, `${label} must have at most ${max} characters.`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: textProblemMessage(label, problem) });
    });
};

/** A field name as the client sent it, made safe to quote in a message: short and printable. */
function quoteKey(key: string): string {
  if (/^[\w$.-]{1,40}$/.test(key)) return key;
  const printable = key
    .slice(0, 40)
    .replace(/["\\]|[^\x20-\x7e]/g, (char) =>
      char === '"' || char === '\\' ? `\\${char}` : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  return `"${printable}${key.length > 40 ? '…' : ''}"`;
}

/** "Unexpected field: role." or "Unexpected fields: shipping.role, admin." */
export function unexpectedFieldsMessage(path: readonly PropertyKey[], keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => quoteKey([...path.map(String), key].join('.')));
  const more = keys.length > shown.length ? ` and ${keys.length - shown.length} more` : '';
  return `Unexpected field${keys.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}.`;
}

/**
 * A strict object: unknown fields are refused by name, and anything but an object is refused with a
 * sentence that says what was expected. `what` names the object, e.g. "The shipping address".
 */
export function fields<T extends z.ZodRawShape>(what: string, shape: T) {
  const names = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return unexpectedFieldsMessage(issue.path ?? [], issue.keys);
      if (issue.input === undefined) return `${what} is required.`;
      return `${what} must be a JSON object with the fields ${names}.`;
    },
  });
}

const emailSchema = z
  .string({ error: 'Email must be text.' })
  .trim()
  .toLowerCase()
  .max(254, 'Email must have at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid email address.' }));

const passwordSchema = z
  .string({ error: 'Password must be text.' })
  .min(8, 'Password must have at least 8 characters.')
  .max(200, 'Password must have at most 200 characters.');

export const registerInput = fields('The registration', { email: emailSchema, name: trimmed(1, 100, 'Name'), password: passwordSchema });
export const loginInput = fields('The sign-in', {
  email: emailSchema,
  password: z
    .string({ error: 'Password must be text.' })
    .min(1, 'Password is required.')
    .max(200, 'Password must have at most 200 characters.'),
});

const ORDER_NUMBER_PATTERN = /^ORD-\d{8}-[0-9A-Z]{6}$/;
export const orderNumberSchema = z
  .string({ error: 'Order number must be text.' })
  .regex(ORDER_NUMBER_PATTERN, 'Order number must look like ORD-20261126-4F7K2Q.');
export const requestIdSchema = z.uuid({ error: 'Request ID must be a UUID.' });

const shippingSchema = fields('The shipping address', {
  name: trimmed(1, 100, 'Name'),
  phone: z
    .string({ error: 'Phone must be text.' })
    .trim()
    .regex(/^\+?[0-9][0-9 -]{6,19}$/, 'Enter a phone number of 7 to 20 digits.'),
  addressLine: trimmed(5, 200, 'Address'),
  city: trimmed(2, 100, 'City'),
  postalCode: z
    .string({ error: 'Postal code must be text.' })
    .trim()
    .regex(/^[0-9A-Za-z -]{3,10}$/, 'Enter a postal code of 3 to 10 characters.'),
});

export const checkoutInput = fields('The checkout', {
  idempotencyKey: z.uuid({ error: 'Idempotency key must be a UUID.' }),
  lines: z
    .array(
      fields('A cart line', {
        productId: z.uuid({ error: 'Product ID must be a UUID.' }),
        quantity: z
          .number({ error: 'Quantity must be a number.' })
          .int('Quantity must be a whole number.')
          .min(1, 'Quantity must be at least 1.')
          .max(99, 'Quantity must be at most 99.'),
      }),
      {
        error: (issue) =>
          issue.input === undefined ? 'The cart lines are required.' : 'The cart lines must be a list of { productId, quantity } objects.',
      },
    )
    .min(1, 'The cart is empty.')
    .max(50, 'A cart holds at most 50 different products.'),
  shipping: shippingSchema,
}).refine((input) => new Set(input.lines.map((line) => line.productId)).size === input.lines.length, {
  message: 'Each product may appear only once in the cart.',
  path: ['lines'],
});

const statusSchema = z.enum(ORDER_STATUSES, { error: `Status must be one of: ${ORDER_STATUSES.join(', ')}.` });

export const pageInput = {
  cursor: z.uuid({ error: 'Cursor must be a UUID.' }).optional(),
  limit: z
    .number({ error: 'Limit must be a number.' })
    .int('Limit must be a whole number.')
    .min(1, 'Limit must be at least 1.')
    .max(100, 'Limit must be at most 100.')
    .default(20),
};

/** How the seller's list is ordered: newest first, or by the time left to confirm (oldest pending first). */
const SELLER_SORTS = ['newest', 'deadline'] as const;
const sellerSortSchema = z.enum(SELLER_SORTS, { error: `Sort must be one of: ${SELLER_SORTS.join(', ')}.` });

/** The seller's list filter, shared by the order table and the CSV export. */
const sellerFilterFields = {
  status: statusSchema.optional(),
  search: trimmed(0, 100, 'Search').optional(),
  sort: sellerSortSchema.optional(),
};

export const sellerListInput = fields('The order list query', { ...sellerFilterFields, ...pageInput });

/** The CSV export's query string: the table's filter, as text. */
export const sellerExportInput = fields('The export query', sellerFilterFields);

/** How many orders one bulk move or one print of packing slips may take. */
const MAX_BULK_ORDERS = 100;

export const bulkSetStatusInput = fields('The bulk move', {
  to: statusSchema,
  orders: z
    .array(fields('An order to move', { orderNumber: orderNumberSchema, requestId: requestIdSchema }), {
      error: (issue) =>
        issue.input === undefined ? 'The orders to move are required.' : 'The orders must be a list of { orderNumber, requestId } objects.',
    })
    .min(1, 'Select at least one order to move.')
    .max(MAX_BULK_ORDERS, `Move at most ${MAX_BULK_ORDERS} orders at once.`),
  note: trimmed(1, 500, 'Note').optional(),
})
  .refine((input) => input.to !== 'shipped', {
    message: 'Each shipment needs its own carrier and tracking number, so mark orders as shipped one at a time.',
    path: ['to'],
  })
  .refine((input) => new Set(input.orders.map((order) => order.orderNumber)).size === input.orders.length, {
    message: 'Each order may appear only once in a bulk move.',
    path: ['orders'],
  });

export const packingSlipsInput = fields('The packing slip request', {
  orderNumbers: z
    .array(orderNumberSchema, { error: 'The order numbers must be a list.' })
    .min(1, 'Choose at least one order to print.')
    .max(MAX_BULK_ORDERS, `Print at most ${MAX_BULK_ORDERS} packing slips at once.`),
});

/** A store's own status message; blank brings back the default. */
const STATUS_MESSAGE_MAX = 300;
export const setStatusMessagesInput = fields('The status messages', {
  messages: z
    .array(fields('A status message', { status: statusSchema, message: trimmed(0, STATUS_MESSAGE_MAX, 'Message') }), {
      error: (issue) =>
        issue.input === undefined
          ? 'The status messages are required.'
          : 'The status messages must be a list of { status, message } objects.',
    })
    .min(1, 'Send at least one status message.')
    .max(ORDER_STATUSES.length, `Send at most ${ORDER_STATUSES.length} status messages, one per status.`),
}).refine((input) => new Set(input.messages.map((entry) => entry.status)).size === input.messages.length, {
  message: 'Each status may appear only once.',
  path: ['messages'],
});

export const setStatusInput = fields('The status change', {
  orderNumber: orderNumberSchema,
  requestId: requestIdSchema,
  to: statusSchema,
  note: trimmed(1, 500, 'Note').optional(),
  carrier: trimmed(1, 60, 'Carrier').optional(),
  trackingNumber: z
    .string({ error: 'Tracking number must be text.' })
    .trim()
    .regex(/^[0-9A-Za-z-]{4,40}$/, 'Tracking number must be 4 to 40 letters, digits or dashes.')
    .optional(),
});

export const cancelInput = fields('The cancellation', {
  orderNumber: orderNumberSchema,
  requestId: requestIdSchema,
  note: trimmed(1, 500, 'Reason').optional(),
});
export const orderRefInput = fields('The order reference', { orderNumber: orderNumberSchema });
