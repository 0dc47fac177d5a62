// A seller's day in real headless Chromium against the real stack: update from the list, a bulk move
// with a result per order, a note, the confirmation before Delivered, a deadline, a new order appearing
// without a reload, packing slips, a CSV that opens with the right rows, and a custom status message
// that the buyer then sees. The store is the test's own, so other test files' orders never show up.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createApiClient } from '../scripts/lib/api-client';
import { parseCsv } from '../tests/support/csv';
import { BUYER_PASSWORD, placeOrder } from '../tests/support/fixtures';
import { newStore, type TestStore } from '../tests/support/stores';
import { STATUS_INFO } from '../workflows/model/order-model';
import { shows, signIn } from './support/actions';
import { DESKTOP, launchBrowser, newUserPage, PHONE, saveScreenshot, screenshotDesktopAndPhone } from './support/browser';
import { startWebStack, type WebStack } from './support/web-stack';

const POLL_INTERVAL_MS = 1_000;
const CUSTOM_PROCESSING = 'Our team in Cebu is packing your order by hand.';

let web: WebStack;
let browser: Promise<Browser>;
let store: TestStore;
let buyer: ApiClient;
const buyerEmail = `day-${randomUUID()}@buyer.test`;

beforeAll(async () => {
  browser = launchBrowser();
  browser.catch(() => {});
  // Five hours to confirm, so that every pending order is inside the highlighted last six hours.
  web = await startWebStack({ TRACKING_POLL_INTERVAL: `${POLL_INTERVAL_MS / 1000}s`, ORDER_CONFIRM_WITHIN: '5h' });
  store = await newStore(web.stack.db, 'Seller Day Store');
  buyer = createApiClient(web.baseUrl);
  await buyer.auth.register.mutate({ email: buyerEmail, name: 'Luz Reyes', password: BUYER_PASSWORD });
});

afterAll(async () => {
  await browser?.then(
    (started) => started.close(),
    () => {},
  );
  await web?.stop();
});

const row = (page: Page, orderNumber: string): Locator => page.getByRole('row', { name: new RegExp(orderNumber) });
/** The status badge of an order's row: the status in words, after its emoji. */
const rowBadge = (page: Page, orderNumber: string, status: string) => row(page, orderNumber).getByText(new RegExp(`^\\W*${status}$`, 'u'));

/** Moves one order through the Update dialog opened from its row. */
async function updateFromList(page: Page, orderNumber: string, status: string, fields: Record<string, string> = {}): Promise<Locator> {
  await row(page, orderNumber).getByRole('button', { name: 'Update' }).click();
  const dialog = await shows(page.getByRole('dialog', { name: `Update order ${orderNumber}` }));
  await dialog.getByRole('radio', { name: status }).check();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

async function bulkMove(page: Page, orderNumbers: string[], status: string): Promise<string[]> {
  for (const orderNumber of orderNumbers) await page.getByRole('checkbox', { name: orderNumber, exact: true }).check();
  await page.getByRole('button', { name: `Move selected to ${status}` }).click();
  const dialog = await shows(page.getByRole('dialog', { name: `Move ${orderNumbers.length} orders to ${status}` }));
  await dialog.getByRole('button', { name: `Move ${orderNumbers.length} orders` }).click();
  const results = await shows(dialog.getByRole('region', { name: 'Results' }));
  const lines = await results.getByRole('listitem').allTextContents();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // Results come in the table's order (newest first); sorted here, to compare.
  return lines.map((line) => line.replace(/^[✓✗] /, '')).sort();
}

test('a seller runs a day of orders from the dashboard, and the buyer sees the store’s own message', { timeout: 240_000 }, async () => {
  const [a, b, c, d] = [
    await placeOrder(buyer, web.stack.db, store.slug, 2),
    await placeOrder(buyer, web.stack.db, store.slug),
    await placeOrder(buyer, web.stack.db, store.slug),
    await placeOrder(buyer, web.stack.db, store.slug),
  ];
  const seller = await newUserPage(browser, web.baseUrl);
  await signIn(seller, store.sellerEmail);
  await shows(seller.getByRole('heading', { name: 'Orders · Seller Day Store' }));
  for (const orderNumber of [a, b, c, d]) await shows(row(seller, orderNumber));

  // Deadlines: every pending order says how long is left, highlighted under six hours.
  await expect(row(seller, d).textContent()).resolves.toMatch(/Urgent: Confirm within 4 h/);
  await screenshotDesktopAndPhone(seller, 'seller-day-list');
  // At 1280 px order numbers and dates stay on one line.
  const lineCount = (locator: Locator) => locator.evaluate((element) => element.getClientRects().length);
  await expect(lineCount(row(seller, a).getByRole('link', { name: a }))).resolves.toBe(1);
  await expect(lineCount(row(seller, a).locator('time'))).resolves.toBe(1);

  // Update from the list, with a note to the buyer.
  const dialog = await updateFromList(seller, a, 'Confirmed', { 'Note to the buyer (optional)': 'Both shirts are in stock.' });
  await dialog.waitFor({ state: 'hidden' });
  await shows(rowBadge(seller, a, 'Confirmed'));

  // A bulk move: each order gets its own result.
  expect(await bulkMove(seller, [b, c], 'Confirmed')).toEqual([`${b} moved to Confirmed.`, `${c} moved to Confirmed.`].sort());
  await shows(rowBadge(seller, c, 'Confirmed'));
  // Only statuses valid for every selected order are offered: a pending and a confirmed order share only Cancelled.
  await seller.getByRole('checkbox', { name: a, exact: true }).check();
  await seller.getByRole('checkbox', { name: d, exact: true }).check();
  const bar = seller.getByRole('region', { name: 'Selected orders' });
  await expect(bar.getByRole('button', { name: /^Move selected to/ }).allTextContents()).resolves.toEqual(['Move selected to Cancelled']);
  await saveScreenshot(seller, 'seller-day-selection');
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  expect(await bulkMove(seller, [a, b], 'Processing')).toEqual([`${a} moved to Processing.`, `${b} moved to Processing.`].sort());

  // The store's own message for Processing; the defaults are shown beside each field.
  await seller.getByRole('link', { name: 'Status messages' }).click();
  await shows(seller.getByRole('heading', { name: 'Status messages' }));
  await shows(seller.getByText(`Default: ${STATUS_INFO.processing.buyerMessage}`));
  await seller.getByLabel('Processing').fill(CUSTOM_PROCESSING);
  await seller.getByRole('button', { name: 'Save messages' }).click();
  await shows(seller.getByText(/^Saved\./));
  await screenshotDesktopAndPhone(seller, 'seller-status-messages');
  await seller.getByRole('link', { name: '← All orders' }).click();
  (await updateFromList(seller, c, 'Processing')).waitFor({ state: 'hidden' });
  await shows(rowBadge(seller, c, 'Processing'));

  // Delivered cannot be undone: the dialog names the order and the consequence before it acts.
  (await updateFromList(seller, a, 'Shipped', { Carrier: 'LBC Express', 'Tracking number': 'LBC-DAY-0001' })).waitFor({ state: 'hidden' });
  await shows(rowBadge(seller, a, 'Shipped'));
  const deliver = await updateFromList(seller, a, 'Delivered');
  await shows(deliver.getByText(`Mark order ${a} as delivered?`));
  await expect(deliver.textContent()).resolves.toContain('can no longer change. This cannot be undone.');
  await expect(rowBadge(seller, a, 'Shipped').isVisible()).resolves.toBe(true);
  await screenshotDesktopAndPhone(seller, 'seller-confirm-delivered');
  await deliver.getByRole('button', { name: 'Yes, mark as delivered' }).click();
  await deliver.waitFor({ state: 'hidden' });
  await shows(rowBadge(seller, a, 'Delivered'));
  await expect(row(seller, a).getByRole('button', { name: 'Update' }).count()).resolves.toBe(0);

  // A new order appears without a reload, marked New; the tab counts follow.
  await seller.evaluate(() => Object.assign(window, { sameDocument: true }));
  const e = await placeOrder(buyer, web.stack.db, store.slug);
  await shows(row(seller, e).getByText('New', { exact: true }));
  await expect(row(seller, d).getByText('New', { exact: true }).count()).resolves.toBe(0);
  await shows(seller.getByRole('link', { name: /^Pending 2$/ }));
  await expect(seller.evaluate(() => 'sameDocument' in window)).resolves.toBe(true);

  // Packing slips for the selected orders, one per page, without prices.
  await seller.getByRole('checkbox', { name: b, exact: true }).check();
  await seller.getByRole('checkbox', { name: c, exact: true }).check();
  await seller.getByRole('link', { name: 'Print packing slips' }).click();
  const slipB = await shows(seller.getByRole('article', { name: `Packing slip ${b}` }));
  await shows(seller.getByRole('article', { name: `Packing slip ${c}` }));
  const slipText = await slipB.textContent();
  for (const expected of [
    'Maria Santos',
    '12 Mabini Street, Barangay 5',
    'Quezon City',
    '+63 917 555 0101',
    'Seller Day Store',
    'Linen Shirt',
  ])
    expect(slipText).toContain(expected);
  expect(slipText).not.toContain('₱');
  await screenshotDesktopAndPhone(seller, 'seller-packing-slips');
  await seller.emulateMedia({ media: 'print' });
  await saveScreenshot(seller, 'seller-packing-slips-print');
  await expect(seller.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
  await seller.emulateMedia({ media: 'screen' });

  // The CSV opens with the store's orders and their statuses, tracking included.
  await seller.getByRole('link', { name: '← All orders' }).click();
  const [download] = await Promise.all([seller.waitForEvent('download'), seller.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^orders-${store.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const [header, ...lines] = parseCsv((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''));
  const csv = lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]])));
  expect(csv.map((line) => [line['Order number'], line.Status])).toEqual([
    [e, 'Pending'],
    [d, 'Pending'],
    [c, 'Processing'],
    [b, 'Processing'],
    [a, 'Delivered'],
  ]);
  expect(csv.at(-1)).toMatchObject({
    Items: 'Linen Shirt × 2',
    'Total (PHP)': expect.stringMatching(/^\d+\.\d{2}$/),
    Carrier: 'LBC Express',
    'Tracking number': 'LBC-DAY-0001',
  });

  // The order page: no operators' tool, a packing slip, and on a phone the customer before the timeline.
  await seller.getByRole('link', { name: d }).click();
  await shows(seller.getByRole('heading', { name: `Order ${d}` }));
  await expect(seller.getByRole('link', { name: /Temporal UI/ }).count()).resolves.toBe(0);
  await shows(seller.getByRole('link', { name: 'Print packing slip' }));
  await seller.setViewportSize(PHONE);
  const top = (name: string) => seller.getByRole('region', { name }).evaluate((element) => element.getBoundingClientRect().top);
  expect(await top('Customer')).toBeLessThan(await top('Timeline'));
  await seller.setViewportSize(DESKTOP);
  await screenshotDesktopAndPhone(seller, 'seller-order-page');
  expect(seller.errors).toEqual([]);

  // The buyer: C was told the store's own message, B the default it had when it moved.
  const buyerPage = await newUserPage(browser, web.baseUrl);
  await signIn(buyerPage, buyerEmail, BUYER_PASSWORD);
  await buyerPage.goto(`/orders/${c}`);
  const progress = await shows(buyerPage.getByRole('region', { name: 'Order progress' }));
  await shows(progress.getByText(CUSTOM_PROCESSING));
  await expect(buyerPage.getByRole('region', { name: 'Timeline' }).textContent()).resolves.toContain(CUSTOM_PROCESSING);
  await screenshotDesktopAndPhone(buyerPage, 'buyer-custom-status-message');
  await buyerPage.goto(`/orders/${b}`);
  await shows(buyerPage.getByRole('region', { name: 'Order progress' }).getByText(STATUS_INFO.processing.buyerMessage));
  await buyerPage.goto(`/orders/${a}`);
  await expect((await shows(buyerPage.getByRole('region', { name: 'Timeline' }))).textContent()).resolves.toContain(
    'Both shirts are in stock.',
  );
  expect(buyerPage.errors).toEqual([]);
});
