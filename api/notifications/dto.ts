// Output and input schemas of the buyer's notifications (see api/dto.ts for the rules every output follows).
import { z } from 'zod';
import { ORDER_STATUSES } from '../../workflows/model/order-model';
import { fields, orderNumberSchema } from '../schemas';

const count = z.number().int().nonnegative();

/** One status change of one of the buyer's orders, newest first. `at` is when the change happened. */
const notificationDto = z.object({
  orderNumber: z.string(),
  /** Position of the change in the order's timeline; with the order number it names the notification. */
  seq: count,
  status: z.enum(ORDER_STATUSES),
  text: z.string(),
  at: z.iso.datetime(),
  read: z.boolean(),
});

export const notificationListDto = z.object({ items: z.array(notificationDto), unreadCount: count });

export const unreadCountDto = z.object({ unreadCount: count });

const MAX_NOTIFICATIONS = 50;

export const notificationListInput = fields('The notification list query', {
  limit: z
    .number({ error: 'Limit must be a number.' })
    .int('Limit must be a whole number.')
    .min(1, 'Limit must be at least 1.')
    .max(MAX_NOTIFICATIONS, `Limit must be at most ${MAX_NOTIFICATIONS}.`)
    .default(20),
});

/** Marks read what the buyer has seen: every notification up to `until`, the time of the newest shown. */
export const markAllReadInput = fields('The mark-as-read request', {
  until: z.iso.datetime({ error: 'Until must be an ISO date-time, e.g. 2026-11-26T09:30:00.000Z.' }),
});

export const markOrderReadInput = fields('The mark-as-read request', { orderNumber: orderNumberSchema });
