// The seller's order filter, shared by the order table (seller.orders) and the CSV export, so that the
// export holds exactly the rows of the table the seller is looking at.
import { likeLiteral } from '../../lib/db';
import type { Prisma } from '../../prisma/generated/client';
import type { OrderStatus } from '../../workflows/model/order-model';

export interface SellerOrderFilter {
  status?: OrderStatus | undefined;
  search?: string | undefined;
  sort?: 'newest' | 'deadline' | undefined;
}

/**
 * What a search matches, always literally (`%`, `_` and `\` are characters, not wildcards): the start of
 * an order number; the customer's name, city or tracking number anywhere in them, in any case; and the
 * customer's phone number, written with or without spaces, dashes, +63 or a leading 0.
 */
export function searchWhere(search: string | undefined): Prisma.OrderWhereInput {
  if (!search) return {};
  const contains = (text: string) => ({ contains: likeLiteral(text), mode: 'insensitive' as const });
  const or: Prisma.OrderWhereInput[] = [
    { orderNumber: { startsWith: likeLiteral(search.toUpperCase()) } },
    { shippingName: contains(search) },
    { city: contains(search) },
    { trackingNumber: contains(search) },
    { shippingPhone: { contains: likeLiteral(search) } },
  ];
  const digits = phoneDigitsOf(search);
  if (digits) or.push({ phoneDigits: { contains: digits } });
  return { OR: or };
}

/**
 * The digits to look for in phone numbers, when the search looks like (part of) one: at least 4 digits,
 * nothing but digits, spaces, dashes, dots, brackets and a leading +. A national 0 prefix is dropped, so
 * 0917 555 0101 finds +63 917 555 0101.
 */
function phoneDigitsOf(search: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(search)) return null;
  const digits = search.replace(/\D/g, '');
  if (digits.length < 4) return null;
  return digits.replace(/^0(?=\d{4})/, '');
}

export function filterWhere(storeId: string, filter: SellerOrderFilter): Prisma.OrderWhereInput {
  return { storeId, ...(filter.status ? { status: filter.status } : {}), ...searchWhere(filter.search) };
}

/** Oldest first when sorting by the time left to confirm: every order has the same window to confirm in. */
export const oldestFirst = (filter: SellerOrderFilter) => filter.sort === 'deadline';

/**
 * When a pending order is cancelled unless its seller confirms it. Lists compute it from the configured
 * window (ORDER_CONFIRM_WITHIN), as the workflow does from the time the order was placed; the order page
 * shows the workflow's own deadline.
 */
export function confirmByOf(
  order: { status: OrderStatus; placedAt: Date; closedNote: string | null },
  confirmWithinMs: number,
): Date | null {
  return order.status === 'pending' && order.closedNote === null ? new Date(order.placedAt.getTime() + confirmWithinMs) : null;
}
