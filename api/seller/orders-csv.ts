// The seller's order list as CSV, read in batches by cursor, so that a store with 50 000 orders exports
// with a few hundred rows in memory at a time. Cells are safe to open in a spreadsheet: a cell that
// starts with = + - @, a tab or a carriage return is prefixed with a single quote, so it is shown as
// text instead of run as a formula (OWASP "CSV injection").
import type { Db } from '../../lib/db';
import { statusLabel } from '../../workflows/model/order-model';
import { confirmByOf, filterWhere, oldestFirst, type SellerOrderFilter } from './order-filter';

const EXPORT_BATCH_SIZE = 500;

export const CSV_COLUMNS = [
  'Order number',
  'Placed (UTC)',
  'Status',
  'Confirm by (UTC)',
  'Customer',
  'Phone',
  'Address',
  'City',
  'Postal code',
  'Item count',
  'Items',
  'Total (PHP)',
  'Carrier',
  'Tracking number',
  'Closed because',
] as const;

/** One CSV cell: neutralised against formulas, then quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** "2026-11-26 09:30": sortable, and read the same by every spreadsheet whatever its locale. */
function utc(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 16).replace('T', ' ') : null;
}

function pesos(centavos: number): string {
  return (centavos / 100).toFixed(2);
}

export interface ExportOptions {
  confirmWithinMs: number;
  batchSize?: number;
}

/**
 * The CSV text in chunks: the header first, then one chunk per batch of orders. Each batch is one query
 * that continues after the last order of the previous one (keyset pagination), so memory stays bounded
 * by the batch size, not by the store's size.
 */
export async function* orderCsvChunks(
  db: Db,
  storeId: string,
  filter: SellerOrderFilter,
  { confirmWithinMs, batchSize = EXPORT_BATCH_SIZE }: ExportOptions,
): AsyncGenerator<string> {
  // A byte order mark, so that spreadsheet apps read the UTF-8 (₱, ñ) correctly.
  yield `\uFEFF${csvLine(CSV_COLUMNS)}`;
  const direction = oldestFirst(filter) ? ('asc' as const) : ('desc' as const);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.order.findMany({
      where: filterWhere(storeId, filter),
      orderBy: [{ placedAt: direction }, { id: direction }],
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        orderNumber: true,
        placedAt: true,
        status: true,
        shippingName: true,
        shippingPhone: true,
        addressLine: true,
        city: true,
        postalCode: true,
        itemCount: true,
        totalCentavos: true,
        carrier: true,
        trackingNumber: true,
        closedNote: true,
        items: { select: { name: true, quantity: true }, orderBy: { name: 'asc' } },
      },
    });
    if (rows.length === 0) return;
    yield rows
      .map((order) =>
        csvLine([
          order.orderNumber,
          utc(order.placedAt),
          statusLabel(order.status),
          utc(confirmByOf(order, confirmWithinMs)),
          order.shippingName,
          order.shippingPhone,
          order.addressLine,
          order.city,
          order.postalCode,
          order.itemCount,
          order.items.map((item) => `${item.name} × ${item.quantity}`).join('; '),
          pesos(order.totalCentavos),
          order.carrier,
          order.trackingNumber,
          order.closedNote,
        ]),
      )
      .join('');
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The download's file name, e.g. orders-fashion-store-pending-2026-11-26.csv. */
export function exportFileName(storeSlug: string, filter: SellerOrderFilter, now = new Date()): string {
  const safe = (text: string) => text.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  return `orders-${safe(storeSlug)}${filter.status ? `-${filter.status}` : ''}-${now.toISOString().slice(0, 10)}.csv`;
}
