// Input schemas of the API. Every procedure input is validated here, at the boundary.
import { z } from 'zod';
import { ORDER_STATUSES } from '../workflows/order-model';

/**
 * Control characters have no place in names and addresses and break logs and receipts (PostgreSQL
 * refuses NUL outright). A lone surrogate is not text at all: the database would store U+FFFD while the
 * workflow kept the original, so the projection would differ from the order.
 */
const isCleanText = (value: string) => !/[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);

const trimmed = (min: number, max: number, label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(min, min === 1 ? `${label} is required` : `${label} must have at least ${min} characters`)
    .max(max, `${label} must have at most ${max} characters`)
    .refine(isCleanText, `${label} contains invalid characters`);

export const emailSchema = z
  .string({ error: 'Email must be text' })
  .trim()
  .toLowerCase()
  .max(254, 'Email must have at most 254 characters')
  .pipe(z.email({ error: 'Enter a valid email address' }));

export const passwordSchema = z
  .string({ error: 'Password must be text' })
  .min(8, 'Password must have at least 8 characters')
  .max(200, 'Password must have at most 200 characters');

export const registerInput = z.object({ email: emailSchema, name: trimmed(1, 100, 'Name'), password: passwordSchema }).strict();
export const loginInput = z.object({ email: emailSchema, password: z.string({ error: 'Password must be text' }).min(1, 'Password is required').max(200, 'Password must have at most 200 characters') }).strict();

export const ORDER_NUMBER_PATTERN = /^ORD-\d{8}-[0-9A-Z]{6}$/;
export const orderNumberSchema = z.string({ error: 'Order number must be text' }).regex(ORDER_NUMBER_PATTERN, 'Order number must look like ORD-20261126-4F7K2Q');
export const requestIdSchema = z.uuid({ error: 'Request ID must be a UUID' });

export const shippingSchema = z
  .object({
    name: trimmed(1, 100, 'Name'),
    phone: z.string({ error: 'Phone must be text' }).trim().regex(/^\+?[0-9][0-9 -]{6,19}$/, 'Enter a phone number of 7 to 20 digits'),
    addressLine: trimmed(5, 200, 'Address'),
    city: trimmed(2, 100, 'City'),
    postalCode: z.string({ error: 'Postal code must be text' }).trim().regex(/^[0-9A-Za-z -]{3,10}$/, 'Enter a postal code of 3 to 10 characters'),
  })
  .strict();

export const checkoutInput = z
  .object({
    idempotencyKey: z.uuid({ error: 'Idempotency key must be a UUID' }),
    lines: z
      .array(
        z
          .object({
            productId: z.uuid({ error: 'Product ID must be a UUID' }),
            quantity: z
              .number({ error: 'Quantity must be a number' })
              .int('Quantity must be a whole number')
              .min(1, 'Quantity must be at least 1')
              .max(99, 'Quantity must be at most 99'),
          })
          .strict(),
      )
      .min(1, 'The cart is empty')
      .max(50, 'A cart holds at most 50 different products'),
    shipping: shippingSchema,
  })
  .strict()
  .refine((input) => new Set(input.lines.map((line) => line.productId)).size === input.lines.length, {
    message: 'Each product may appear only once in the cart',
    path: ['lines'],
  });

export const statusSchema = z.enum(ORDER_STATUSES, { error: `Status must be one of: ${ORDER_STATUSES.join(', ')}` });

export const pageInput = {
  cursor: z.uuid({ error: 'Cursor must be a UUID' }).optional(),
  limit: z.number({ error: 'Limit must be a number' }).int('Limit must be a whole number').min(1, 'Limit must be at least 1').max(100, 'Limit must be at most 100').default(20),
};

export const sellerListInput = z
  .object({
    status: statusSchema.optional(),
    search: z.string({ error: 'Search must be text' }).trim().max(100, 'Search must have at most 100 characters').refine(isCleanText, 'Search contains invalid characters').optional(),
    ...pageInput,
  })
  .strict();

export const setStatusInput = z
  .object({
    orderNumber: orderNumberSchema,
    requestId: requestIdSchema,
    to: statusSchema,
    note: trimmed(1, 500, 'Note').optional(),
    carrier: trimmed(1, 60, 'Carrier').optional(),
    trackingNumber: z.string({ error: 'Tracking number must be text' }).trim().regex(/^[0-9A-Za-z-]{4,40}$/, 'Tracking number must be 4 to 40 letters, digits or dashes').optional(),
  })
  .strict();

export const cancelInput = z.object({ orderNumber: orderNumberSchema, requestId: requestIdSchema, reason: trimmed(1, 500, 'Reason').optional() }).strict();
export const orderRefInput = z.object({ orderNumber: orderNumberSchema }).strict();
