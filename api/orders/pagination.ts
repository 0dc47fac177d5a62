// Cursor pagination of order lists, newest first. The cursor is the last order ID of the previous page;
// one extra row is read to know whether another page follows.
export interface PageRequest {
  cursor?: string;
  limit: number;
}

/** `oldestFirst` reverses the order, e.g. for pending orders by the time left to confirm them. */
export function pageQuery({ cursor, limit }: PageRequest, oldestFirst = false) {
  const direction = oldestFirst ? ('asc' as const) : ('desc' as const);
  return {
    orderBy: [{ placedAt: direction }, { id: direction }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  };
}

export function toPage<T extends { id: string }>(rows: T[], { limit }: PageRequest): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
