// Cursor pagination of order lists, newest first. The cursor is the last order ID of the previous page;
// one extra row is read to know whether another page follows.
export interface PageRequest {
  cursor?: string;
  limit: number;
}

export function pageQuery({ cursor, limit }: PageRequest) {
  return {
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  };
}

export function toPage<T extends { id: string }>(rows: T[], { limit }: PageRequest): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
