// The CSV export: GET /seller/orders.csv streams the signed-in seller's filtered list, in batches read by
// cursor, with cells that spreadsheet apps cannot run as formulas. Only the seller's own store, only from
// our own site.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSession } from '../../api/auth/sessions';
import { CSV_COLUMNS, csvCell, orderCsvChunks } from '../../api/seller/orders-csv';
import type { ApiClient } from '../../scripts/lib/api-client';
import { parseCsv } from '../support/csv';
import { newBuyer, placeOrder } from '../support/fixtures';
import { newStore, type TestStore } from '../support/stores';
import { startTestStack, type TestStack } from '../support/test-stack';
import { driveTo } from '../support/workflow-helpers';

const BIG_STORE_ORDERS = 2_400;
/** Customer names a spreadsheet would run as formulas, as a hostile buyer or an old row may hold them. */
const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example","Click")',
  '+SUM(1,2)',
  '-2+3',
  '@cmd',
  '\tTabbed',
  '\rReturn',
  'Plain, "quoted" name',
];

let stack: TestStack;
let bigStore: TestStore;
let bigStoreCookie: string;
let fashionCookie: string;
let buyer: ApiClient;
let buyerCookie: string;
/** Orders of the big store, newest first, as the export should list them. */
let bigStoreOrders: string[];
const datePart = `2099${String(Math.floor(Math.random() * 9000) + 1000)}`;

/** A session cookie for an account, made directly (login is rate-limited and slow on purpose). */
async function cookieFor(email: string): Promise<string> {
  const user = await stack.db.user.findUniqueOrThrow({ where: { email } });
  const { token } = await createSession(stack.db, user.id, 3_600_000);
  return `sid=${token}`;
}

beforeAll(async () => {
  stack = await startTestStack();
  bigStore = await newStore(stack.db, `Bulk Store ${datePart}`);
  bigStoreCookie = await cookieFor(bigStore.sellerEmail);
  fashionCookie = await cookieFor('fashion@seller.test');
  buyer = await newBuyer(stack.apiUrl, 'Export Buyer');
  buyerCookie = await cookieFor((await buyer.auth.me.query())!.email);
  // Many orders, written straight into the database in one statement. They are marked as having
  // workflows, so the reconciler leaves them alone; the export reads only the database.
  const buyerId = (await buyer.auth.me.query())!.id;
  const checkout = await stack.db.checkout.create({ data: { buyerId, idempotencyKey: randomUUID(), requestHash: 'bulk' } });
  const product = await stack.db.product.findFirstOrThrow({ where: { storeId: bigStore.id } });
  const names = HOSTILE_NAMES.map((name) => name.replaceAll("'", "''"));
  await stack.db.$executeRawUnsafe(`
    WITH numbered AS (SELECT i FROM generate_series(1, ${BIG_STORE_ORDERS}) AS i),
    inserted AS (
      INSERT INTO "Order" ("id", "orderNumber", "checkoutId", "storeId", "buyerId", "status", "itemCount", "subtotalCentavos", "shippingCentavos",
        "totalCentavos", "customerName", "customerPhone", "addressLine", "city", "postalCode", "workflowStartedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), 'ORD-${datePart}-' || lpad(i::text, 6, '0'), '${checkout.id}', '${bigStore.id}', '${buyerId}',
        (CASE WHEN i % 3 = 0 THEN 'confirmed' ELSE 'pending' END)::"OrderStatus", 2, 150000, 5000, 155000,
        (ARRAY['${names.join("','")}'])[1 + i % ${names.length}], '+63 917 555 0101', '12 Mabini Street', 'Quezon City', '1100', now(),
        timestamp '2026-01-01' + i * interval '1 minute', now()
      FROM numbered
      RETURNING "id"
    )
    INSERT INTO "OrderItem" ("id", "orderId", "productId", "productName", "unitPriceCentavos", "quantity", "lineTotalCentavos")
    SELECT gen_random_uuid(), "id", '${product.id}', 'Linen Shirt', 75000, 2, 150000 FROM inserted`);
  bigStoreOrders = Array.from({ length: BIG_STORE_ORDERS }, (_, i) => `ORD-${datePart}-${String(BIG_STORE_ORDERS - i).padStart(6, '0')}`);
}, 180_000);
afterAll(() => stack?.stop());

const exportUrl = (query = '') => `${stack.apiUrl}/seller/orders.csv${query}`;
const download = (cookie: string, query = '', headers: Record<string, string> = {}) =>
  fetch(exportUrl(query), { headers: { cookie, ...headers } });

/** The body as sent: Response.text() would drop the byte order mark. */
async function bodyText(response: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

async function exportRows(cookie: string, query = ''): Promise<Record<string, string>[]> {
  const response = await download(cookie, query);
  expect(response.status).toBe(200);
  const text = await bodyText(response);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual([...CSV_COLUMNS]);
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]!])));
}

describe('who may export', () => {
  test.each([
    { name: 'no session', cookie: () => '', status: 401, message: 'Please sign in to continue.' },
    { name: 'a forged session', cookie: () => `sid=${'x'.repeat(43)}`, status: 401, message: 'Please sign in to continue.' },
    { name: 'a buyer', cookie: () => buyerCookie, status: 403, message: 'Only sellers can do this.' },
  ])('$name → $status', async ({ cookie, status, message }) => {
    const response = await download(cookie());
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: message });
  });

  test('a request another site started is refused, with or without Origin', async () => {
    const crossSite: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }];
    for (const headers of crossSite) {
      const response = await download(fashionCookie, '', headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'This request came from another site and was refused.' });
    }
    expect((await download(fashionCookie, '?status=delivered', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  test('only GET; bad filters answer with sentences', async () => {
    const post = await fetch(exportUrl(), { method: 'POST', headers: { cookie: fashionCookie } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const bad = await download(fashionCookie, '?status=lost');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^Status must be one of: .*\.$/);
    const unknown = await download(fashionCookie, '?storeId=x');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'Unexpected field: storeId.' });
  });

  test('each seller exports their own store only', async () => {
    const fashionOrder = await placeOrder(buyer, stack.db);
    const gadgetOrder = await placeOrder(buyer, stack.db, 'gadget-hub');
    const searched = (await exportRows(fashionCookie, `?q=${fashionOrder}`)).map((row) => row['Order number']);
    expect(searched).toEqual([fashionOrder]);
    expect((await exportRows(fashionCookie, `?q=${gadgetOrder}`)).length).toBe(0);
    expect((await exportRows(bigStoreCookie, `?q=${fashionOrder}`)).length).toBe(0);
    const fashionAll = (await exportRows(fashionCookie)).map((row) => row['Order number']);
    expect(fashionAll).toContain(fashionOrder);
    expect(fashionAll).not.toContain(gadgetOrder);
    expect(fashionAll.some((orderNumber) => orderNumber?.startsWith(`ORD-${datePart}-`))).toBe(false);
  });
});

describe('what is exported', () => {
  test('a store with thousands of orders streams every row once, newest first, in bounded batches', { timeout: 120_000 }, async () => {
    const response = await download(bigStoreCookie);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-store-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    // Streamed: no length known up front.
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const rows = parseCsv((await bodyText(response)).slice(1)).slice(1);
    expect(rows.map((row) => row[0])).toEqual(bigStoreOrders);

    // The export reads one batch at a time: each chunk holds at most a batch of rows.
    const chunkSizes: number[] = [];
    for await (const chunk of orderCsvChunks(
      stack.db,
      bigStore.id,
      {},
      { confirmWithinMs: stack.env.ORDER_CONFIRM_WITHIN, batchSize: 300 },
    )) {
      chunkSizes.push(parseCsv(chunk.replace(/^\uFEFF/, '')).length);
    }
    expect(chunkSizes[0]).toBe(1);
    expect(chunkSizes.slice(1)).toEqual(Array.from({ length: BIG_STORE_ORDERS / 300 }, () => 300));
  });

  test('the filtered list: status, search and sort as on screen', async () => {
    const confirmed = await exportRows(bigStoreCookie, '?status=confirmed');
    expect(confirmed.length).toBe(BIG_STORE_ORDERS / 3);
    expect(new Set(confirmed.map((row) => row.Status))).toEqual(new Set(['Confirmed']));
    expect(confirmed.every((row) => row['Confirm by (UTC)'] === '')).toBe(true);
    const pendingByDeadline = await exportRows(bigStoreCookie, '?status=pending&sort=deadline');
    expect(pendingByDeadline.length).toBe((BIG_STORE_ORDERS * 2) / 3);
    expect(pendingByDeadline[0]!['Order number']).toBe(`ORD-${datePart}-000001`);
    expect(pendingByDeadline[0]!['Confirm by (UTC)']).toBe('2026-01-03 00:01');
    const one = await exportRows(bigStoreCookie, `?q=ORD-${datePart}-000007`);
    expect(one).toEqual([
      {
        'Order number': `ORD-${datePart}-000007`,
        'Placed (UTC)': '2026-01-01 00:07',
        Status: 'Pending',
        'Confirm by (UTC)': '2026-01-03 00:07',
        Customer: '\'=HYPERLINK("http://evil.example","Click")',
        Phone: "'+63 917 555 0101",
        Address: '12 Mabini Street',
        City: 'Quezon City',
        'Postal code': '1100',
        'Item count': '2',
        Items: 'Linen Shirt × 2',
        'Total (PHP)': '1550.00',
        Carrier: '',
        'Tracking number': '',
        'Closed because': '',
      },
    ]);
  });

  test('no cell starts with = + - @, a tab or a carriage return', async () => {
    const rows = await exportRows(bigStoreCookie, '?status=pending');
    const customers = new Set(rows.map((row) => row.Customer));
    expect(customers).toEqual(new Set(HOSTILE_NAMES.map((name) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name))));
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(null)).toBe('');
  });

  test('tracking details of shipped orders are in the export', async () => {
    const orderNumber = await placeOrder(buyer, stack.db);
    await driveTo(stack.temporal, orderNumber, 'shipped');
    const [row] = await exportRows(fashionCookie, `?q=${orderNumber}`);
    expect(row).toMatchObject({ Status: 'Shipped', Carrier: 'LBC Express', 'Tracking number': 'LBC-123456', Customer: 'Maria Santos' });
  });
});
