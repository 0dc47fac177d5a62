// What both order lists (the buyer's My Orders and the seller's table) read and say of each order; each
// list adds its own fields (the store, or the customer and the deadline).
import type { Prisma } from '../../prisma/generated/client';

export const listedOrderSelect = {
  id: true,
  orderNumber: true,
  status: true,
  placedAt: true,
  itemCount: true,
  totalCentavos: true,
  closedNote: true,
} as const satisfies Prisma.OrderSelect;

type ListedOrderRow = Prisma.OrderGetPayload<{ select: typeof listedOrderSelect }>;

/** The fields of `listedOrder` in api/dto.ts. */
export function listedOrder(row: ListedOrderRow) {
  return {
    orderNumber: row.orderNumber,
    status: row.status,
    placedAt: row.placedAt.toISOString(),
    itemCount: row.itemCount,
    totalCentavos: row.totalCentavos,
    closedNote: row.closedNote,
  };
}
