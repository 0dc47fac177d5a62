// The buyer between checkout and a received parcel, in real headless Chromium against the real stack:
// the confirmation deadline, My Orders and the notifications following the store by themselves, a
// receipt printed from the order page, "Order received", and a rating the store then sees.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signedInClient } from '../scripts/lib/api-client';
import { queryOrder } from '../tests/support/workflow-helpers';
import { deadlineSentence } from '../web/src/buyer/deadline';
import { addToCart, fillShipping, placeOrders, registerBuyer, shows, signIn, timelineStatuses } from './support/actions';
import { BROWSER_TIME_ZONE, launchBrowser, newUserPage, saveScreenshot, screenshotDesktopAndPhone } from './support/browser';
import { startWebStack, type WebStack } from './support/web-stack';

const POLL_INTERVAL_MS = 1_000;
const SHIPPING = { phone: '+63 917 555 0101', addressLine: '12 Mabini Street, Barangay 5', city: 'Quezon City', postalCode: '1100' };
const TRACKING = { carrier: 'LBC Express', trackingNumber: `LBC-${Date.now().toString().slice(-8)}` };
const COMMENT = 'Soft cotton, true to size.';

let web: WebStack;
let browser: Promise<Browser>;
let seller: ApiClient;

beforeAll(async () => {
  browser = launchBrowser();
  browser.catch(() => {});
  web = await startWebStack({ TRACKING_POLL_INTERVAL: `${POLL_INTERVAL_MS / 1000}s` });
  seller = await signedInClient(web.baseUrl, 'fashion@seller.test');
});

afterAll(async () => {
  await browser?.then(
    (started) => started.close(),
    () => {},
  );
  await web?.stop();
});

const move = (orderNumber: string, to: 'confirmed' | 'processing' | 'shipped', extra: Record<string, string> = {}) =>
  seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to, ...extra });

test('the buyer sees the deadline, follows the store through notifications and My Orders, prints a receipt, marks the order received and rates it', {
  timeout: 150_000,
}, async () => {
  const buyer = await newUserPage(browser, web.baseUrl);
  await registerBuyer(buyer, 'Dana Villanueva');
  await addToCart(buyer, 'Cotton T-Shirt');
  await fillShipping(buyer, SHIPPING);
  const [orderNumber] = await placeOrders(buyer);
  const notifications = buyer.getByRole('button', { name: /^Notifications/ });
  await expect(notifications.getAttribute('aria-label')).resolves.toBe('Notifications');

  // The pending order's page says when it is cancelled unless the store confirms, as the workflow has it.
  await buyer.goto(`/orders/${orderNumber}`);
  await shows(buyer.getByRole('status').filter({ hasText: 'Status: Pending' }));
  const { deadline } = await queryOrder(web.stack.temporal, orderNumber!);
  const sentence = deadlineSentence('Fashion Store', deadline!.at, BROWSER_TIME_ZONE);
  expect(sentence).toMatch(
    /^If Fashion Store has not confirmed by \w{3} \d{1,2} \w{3}, \d{1,2}:\d{2} [AP]M, the order is cancelled automatically\.$/,
  );
  await shows(buyer.getByText(sentence));
  // The emoji decorate the status; the tracker's status is still read as words.
  await expect(buyer.getByRole('region', { name: 'Order progress' }).textContent()).resolves.toContain('⏳');
  await screenshotDesktopAndPhone(buyer, 'order-pending-deadline');

  // My Orders, left open, follows the store's confirmation by itself, and the bell counts it.
  await buyer.getByRole('link', { name: 'My Orders' }).click();
  const row = await shows(buyer.getByRole('link', { name: new RegExp(orderNumber!) }));
  await expect(row.textContent()).resolves.toMatch(/⏳\s*Pending/);
  await buyer.evaluate(() => Object.assign(window, { myOrdersStayedOpen: true }));
  await move(orderNumber!, 'confirmed');
  await shows(row.filter({ hasText: 'Confirmed' }));
  await shows(buyer.getByRole('button', { name: 'Notifications, 1 unread' }));
  await expect(buyer.evaluate(() => 'myOrdersStayedOpen' in window)).resolves.toBe(true);
  await expect(row.textContent()).resolves.toMatch(/✔️\s*Confirmed/);
  await screenshotDesktopAndPhone(buyer, 'my-orders-live');

  // The list names the order and the store; "Mark all as read" clears the count.
  await notifications.click();
  const panel = await shows(buyer.getByRole('region', { name: 'Notifications' }));
  await shows(panel.getByRole('link', { name: new RegExp(`${orderNumber} was confirmed by Fashion Store\\.`) }));
  await screenshotDesktopAndPhone(buyer, 'notifications');
  await panel.getByRole('button', { name: 'Mark all as read' }).click();
  await shows(buyer.getByRole('button', { name: 'Notifications', exact: true }));
  await buyer.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });

  // Shipping arrives as a notification with the carrier and tracking number; it leads to the order.
  await move(orderNumber!, 'processing');
  await move(orderNumber!, 'shipped', TRACKING);
  await shows(buyer.getByRole('button', { name: 'Notifications, 2 unread' }));
  await notifications.click();
  const shipped = await shows(
    panel.getByRole('link', { name: `Unread: ${orderNumber} is on its way: ${TRACKING.carrier} ${TRACKING.trackingNumber}`, exact: false }),
  );
  await shipped.click();
  await shows(buyer.getByRole('heading', { name: `Order ${orderNumber}` }));
  await shows(buyer.getByRole('status').filter({ hasText: 'Status: Shipped' }));
  // Opening the order reads its notifications.
  await shows(buyer.getByRole('button', { name: 'Notifications', exact: true }));

  // A receipt prints from the order page: store, number, items, ₱ totals, address, and no navigation.
  await shows(buyer.getByRole('button', { name: 'Print receipt' }));
  await buyer.emulateMedia({ media: 'print' });
  const receipt = await shows(buyer.getByRole('region', { name: `Receipt for order ${orderNumber}` }));
  const printed = await receipt.textContent();
  for (const text of [
    'Fashion Store',
    orderNumber!,
    'Cotton T-Shirt',
    '₱',
    'Total',
    '12 Mabini Street, Barangay 5',
    'Quezon City',
    TRACKING.trackingNumber,
  ])
    expect(printed).toContain(text);
  await expect(buyer.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
  await expect(buyer.getByRole('button', { name: 'Print receipt' }).isVisible()).resolves.toBe(false);
  await expect(buyer.getByRole('region', { name: 'Order progress' }).isVisible()).resolves.toBe(false);
  await saveScreenshot(buyer, 'order-receipt-print');
  await buyer.emulateMedia({ media: 'screen' });
  await expect(receipt.isVisible()).resolves.toBe(false);

  // "Order received" asks once more, then the order is delivered by the buyer.
  await buyer.getByRole('button', { name: 'Order received' }).click();
  const confirm = await shows(buyer.getByRole('dialog', { name: `Did you receive order ${orderNumber}?` }));
  await screenshotDesktopAndPhone(buyer, 'order-received-dialog');
  await confirm.getByRole('button', { name: 'Yes, I received it' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await shows(buyer.getByRole('status').filter({ hasText: 'Status: Delivered' }));
  await expect(timelineStatuses(buyer)).resolves.toEqual(['Pending', 'Confirmed', 'Processing', 'Shipped', 'Delivered']);
  await expect(buyer.getByRole('region', { name: 'Timeline' }).getByRole('listitem').last().textContent()).resolves.toContain(
    'by Dana Villanueva',
  );
  await expect(buyer.getByRole('button', { name: 'Order received' }).count()).resolves.toBe(0);

  // Rate and review: stars and a comment, changeable for 30 days.
  const rateSection = await shows(buyer.getByRole('region', { name: 'Rate & review' }));
  await expect(rateSection.textContent()).resolves.toContain('You can now rate & review it');
  await rateSection.getByRole('button', { name: 'Rate this order' }).click();
  const rateDialog = await shows(buyer.getByRole('dialog', { name: `Rate order ${orderNumber}` }));
  await rateDialog.getByRole('button', { name: 'Save rating' }).click();
  await shows(rateDialog.getByText('Choose from 1 to 5 stars.'));
  await rateDialog.getByRole('radio', { name: '4 stars' }).check();
  await rateDialog.getByLabel('Comment (optional)').fill(COMMENT);
  await screenshotDesktopAndPhone(buyer, 'rate-dialog');
  await rateDialog.getByRole('button', { name: 'Save rating' }).click();
  await rateDialog.waitFor({ state: 'hidden' });
  await shows(rateSection.getByText('You rated this order 4 out of 5.'));
  await expect(rateSection.textContent()).resolves.toContain(COMMENT);
  await shows(rateSection.getByRole('button', { name: 'Change your rating' }));
  await screenshotDesktopAndPhone(buyer, 'order-rated');

  // My Orders shows it delivered; with every order closed it stops polling.
  await buyer.getByRole('link', { name: 'My Orders' }).click();
  await expect((await shows(buyer.getByRole('link', { name: new RegExp(orderNumber!) }))).textContent()).resolves.toMatch(/✅\s*Delivered/);
  let listRequests = 0;
  buyer.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/trpc/orders.mine')) listRequests++;
  });
  await buyer.waitForTimeout(POLL_INTERVAL_MS * 2.5);
  expect(listRequests).toBe(0);

  // The store sees the rating on the order and in its average.
  const sellerPage = await newUserPage(browser, web.baseUrl);
  await signIn(sellerPage, 'fashion@seller.test');
  await sellerPage.goto('/seller');
  await shows(sellerPage.getByRole('heading', { name: /^Orders · Fashion Store/ }));
  await shows(sellerPage.getByText(/^Customer rating:.*out of 5 from \d+ rated orders?$/));
  await sellerPage.goto(`/seller/orders/${orderNumber}`);
  const sellerRating = await shows(sellerPage.getByRole('region', { name: 'Customer rating' }));
  await expect(sellerRating.textContent()).resolves.toContain(COMMENT);
  await expect(sellerRating.textContent()).resolves.toContain('4 out of 5');
  await screenshotDesktopAndPhone(sellerPage, 'seller-order-rating');

  expect([...buyer.errors, ...sellerPage.errors]).toEqual([]);
});
