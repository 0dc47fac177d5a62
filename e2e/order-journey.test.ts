// The buyer and sellers in real headless Chromium against the real stack: checkout from two stores,
// live tracking while a seller moves one order to delivered, and store isolation between sellers.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addToCart,
  cancelDialog,
  countTrackRequests,
  fillShipping,
  layoutShiftsSinceWatching,
  openUpdateDialog,
  orderCard,
  ordersByStore,
  placeOrders,
  registerBuyer,
  searchSellerOrders,
  setTabVisible,
  shows,
  signIn,
  timelineStatuses,
  updateStatus,
  watchLayoutShifts,
} from './support/actions';
import { launchBrowser, newUserPage, saveScreenshot, screenshotDesktopAndPhone } from './support/browser';
import { startWebStack, type WebStack } from './support/web-stack';

const POLL_INTERVAL_MS = 1_000;
const SHIPPING = { phone: '+63 917 555 0101', addressLine: '12 Mabini Street, Barangay 5', city: 'Quezon City', postalCode: '1100' };
const TRACKING = { carrier: 'LBC Express', trackingNumber: 'LBC-20261126-77' };
const CANCEL_REASON = 'Ordered the wrong size.';

let web: WebStack;
/** A promise, so that a browser that cannot start fails each test (through newUserPage) instead of skipping them. */
let browser: Promise<Browser>;

beforeAll(async () => {
  browser = launchBrowser();
  browser.catch(() => {});
  web = await startWebStack({ TRACKING_POLL_INTERVAL: `${POLL_INTERVAL_MS / 1000}s` });
});

afterAll(async () => {
  await browser?.then(
    (started) => started.close(),
    () => {},
  );
  await web?.stop();
});

describe('an order from checkout to delivery', () => {
  test('the buyer follows the orders live while the sellers move them, each seller seeing only their own store', {
    timeout: 120_000,
  }, async () => {
    // The buyer checks out products from two stores and gets one pending order per store.
    const buyer = await newUserPage(browser, web.baseUrl);
    await registerBuyer(buyer, 'Ana Dela Cruz');
    await addToCart(buyer, 'Cotton T-Shirt', 2);
    await addToCart(buyer, 'Wireless Earbuds');
    await screenshotDesktopAndPhone(buyer, 'shop');
    await fillShipping(buyer, SHIPPING);
    await screenshotDesktopAndPhone(buyer, 'cart');
    const orderNumbers = await placeOrders(buyer);
    expect(orderNumbers).toHaveLength(2);
    const byStore = await ordersByStore(buyer, orderNumbers);
    expect(Object.keys(byStore).toSorted()).toEqual(['Fashion Store', 'Gadget Hub']);
    const fashionOrder = byStore['Fashion Store']!;
    const gadgetOrder = byStore['Gadget Hub']!;
    for (const orderNumber of orderNumbers) {
      await expect(orderCard(buyer, orderNumber).getByRole('status').textContent()).resolves.toBe('Status: Pending');
    }
    await expect(orderCard(buyer, fashionOrder).getByRole('row', { name: /Total/ }).textContent()).resolves.toContain('₱1,048.00');
    await expect(
      buyer
        .getByText(/^Updated (just now|\d+ seconds? ago)/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await buyer.evaluate(() => Object.assign(window, { openedBeforeTheSellerActed: true }));
    await watchLayoutShifts(buyer);

    // The fashion seller, in another browser context, finds only their own order and confirms it.
    const seller = await newUserPage(browser, web.baseUrl);
    await signIn(seller, 'fashion@seller.test');
    await shows(seller.getByRole('heading', { name: 'Orders · Fashion Store' }));
    // Other test files place orders at the same store in parallel, so the checks below search by number.
    await shows(seller.getByRole('table', { name: 'Orders' }));
    await screenshotDesktopAndPhone(seller, 'seller-orders');
    await searchSellerOrders(seller, gadgetOrder);
    await shows(seller.getByText('No orders match this filter.'));
    await searchSellerOrders(seller, fashionOrder);
    await seller.getByRole('link', { name: fashionOrder }).click();
    await shows(seller.getByRole('heading', { name: `Order ${fashionOrder}` }));
    await expect(seller.getByRole('region', { name: 'Customer' }).textContent()).resolves.toContain('Ana Dela Cruz');
    await expect(seller.getByRole('row', { name: /Cotton T-Shirt/ }).textContent()).resolves.toContain('₱998.00');
    const dialog = await openUpdateDialog(seller);
    // The badge's emoji is decoration (aria-hidden); the words follow it.
    await expect(dialog.textContent()).resolves.toMatch(/Current status: ⏳\s*Pending/);
    await expect(
      dialog.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.parentElement!.textContent!.trim())),
    ).resolves.toEqual(['Confirmed', 'Cancelled']);
    await saveScreenshot(seller, 'seller-update-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await updateStatus(seller, 'Confirmed');

    // The buyer's page, still open, picks the change up by polling, without a reload and without shifting.
    await shows(orderCard(buyer, fashionOrder).getByRole('status').filter({ hasText: 'Status: Confirmed' }));
    await expect(orderCard(buyer, fashionOrder).textContent()).resolves.toContain('The seller has confirmed your order.');
    await expect(orderCard(buyer, gadgetOrder).getByRole('status').textContent()).resolves.toBe('Status: Pending');
    await expect(buyer.evaluate(() => 'openedBeforeTheSellerActed' in window)).resolves.toBe(true);
    await expect(layoutShiftsSinceWatching(buyer)).resolves.toEqual([]);
    await screenshotDesktopAndPhone(buyer, 'tracker');
    await buyer.emulateMedia({ media: 'print' });
    await saveScreenshot(buyer, 'receipt-print');
    await expect(buyer.getByRole('button', { name: 'Print receipt' }).isVisible()).resolves.toBe(false);
    await expect(buyer.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
    await expect(orderCard(buyer, fashionOrder).isVisible()).resolves.toBe(true);
    await buyer.emulateMedia({ media: 'screen' });

    // My Orders lists both orders; the fashion order's page shows its timeline so far.
    await buyer.getByRole('link', { name: 'My Orders' }).click();
    await shows(buyer.getByRole('heading', { name: 'My Orders' }));
    const fashionRow = await shows(buyer.getByRole('link', { name: new RegExp(fashionOrder) }));
    await expect(buyer.evaluate(() => document.activeElement?.textContent)).resolves.toBe('My Orders');
    await expect(fashionRow.textContent()).resolves.toMatch(/Confirmed.*Fashion Store.*2 items.*₱1,048\.00/);
    await expect(buyer.getByRole('link', { name: new RegExp(gadgetOrder) }).textContent()).resolves.toMatch(/Pending.*Gadget Hub.*1 item/);
    await screenshotDesktopAndPhone(buyer, 'my-orders');
    await fashionRow.click();
    await shows(buyer.getByRole('heading', { name: `Order ${fashionOrder}` }));
    await expect(buyer.getByRole('region', { name: 'Timeline' }).getByRole('listitem').count()).resolves.toBe(2);

    // While the tab is hidden the page does not poll; it catches up as soon as it is visible again.
    await setTabVisible(buyer, false);
    const requestsWhileHidden = countTrackRequests(buyer);
    await updateStatus(seller, 'Processing');
    await buyer.waitForTimeout(POLL_INTERVAL_MS * 2.5);
    expect(requestsWhileHidden()).toBe(0);
    await expect(buyer.getByRole('status').first().textContent()).resolves.toBe('Status: Confirmed');
    await setTabVisible(buyer, true);
    await shows(buyer.getByRole('status').filter({ hasText: 'Status: Processing' }));

    // Shipping needs a carrier and a tracking number; the dialog says so in words.
    const shipDialog = await openUpdateDialog(seller);
    await shipDialog.getByRole('radio', { name: 'Shipped' }).check();
    await shipDialog.getByRole('button', { name: 'Save' }).click();
    await shows(shipDialog.getByText('Carrier is required'));
    await screenshotDesktopAndPhone(seller, 'seller-update-dialog-shipping');
    await expect(shipDialog.getByRole('alert').textContent()).resolves.toBe('Please correct the fields marked below.');
    await shipDialog.getByRole('button', { name: 'Close' }).click();
    await updateStatus(seller, 'Shipped', { Carrier: TRACKING.carrier, 'Tracking number': TRACKING.trackingNumber });
    await updateStatus(seller, 'Delivered');
    await shows(seller.getByText('This order is closed.'));
    await expect(seller.getByRole('button', { name: 'Update status' }).count()).resolves.toBe(0);

    // The buyer's page shows the whole timeline and the tracking details, then stops polling.
    await shows(buyer.getByRole('status').filter({ hasText: 'Status: Delivered' }));
    await expect(timelineStatuses(buyer)).resolves.toEqual(['Pending', 'Confirmed', 'Processing', 'Shipped', 'Delivered']);
    const tracking = await buyer.getByRole('region', { name: 'Tracking details' }).textContent();
    expect(tracking).toContain(TRACKING.carrier);
    expect(tracking).toContain(TRACKING.trackingNumber);
    await screenshotDesktopAndPhone(buyer, 'order-delivered');
    const requestsAfterDelivery = countTrackRequests(buyer);
    await buyer.waitForTimeout(POLL_INTERVAL_MS * 2.5);
    expect(requestsAfterDelivery()).toBe(0);

    // The other store's seller sees neither the order in the list nor its page.
    const otherSeller = await newUserPage(browser, web.baseUrl);
    await signIn(otherSeller, 'gadgets@seller.test');
    await searchSellerOrders(otherSeller, gadgetOrder);
    await shows(otherSeller.getByRole('link', { name: gadgetOrder }));
    await searchSellerOrders(otherSeller, fashionOrder);
    await shows(otherSeller.getByText('No orders match this filter.'));
    await otherSeller.goto(`/seller/orders/${fashionOrder}`);
    await expect((await shows(otherSeller.getByRole('alert'))).textContent()).resolves.toBe('Order not found.');
    await expect(otherSeller.getByText('Ana Dela Cruz').count()).resolves.toBe(0);
    await otherSeller.getByRole('button', { name: /Sign out/ }).click();
    await shows(otherSeller.getByRole('link', { name: 'Sign in' }));
    expect(new URL(otherSeller.url()).pathname).toBe('/login');

    expect([...buyer.errors, ...seller.errors, ...otherSeller.errors]).toEqual([]);
  });
});

describe('a buyer cancelling an order', () => {
  test('the buyer cancels a pending order with a reason; once the seller is processing an order it cannot be cancelled', {
    timeout: 120_000,
  }, async () => {
    const buyer = await newUserPage(browser, web.baseUrl);
    await registerBuyer(buyer, 'Ben Santos');
    await addToCart(buyer, 'Cotton T-Shirt');
    await addToCart(buyer, 'Wireless Earbuds');
    await fillShipping(buyer, SHIPPING);
    const byStore = await ordersByStore(buyer, await placeOrders(buyer));
    const fashionOrder = byStore['Fashion Store']!;
    const gadgetOrder = byStore['Gadget Hub']!;
    for (const orderNumber of [fashionOrder, gadgetOrder])
      await shows(orderCard(buyer, orderNumber).getByRole('button', { name: `Cancel order ${orderNumber}` }));

    // Polls leave the page in place, so keyboard focus stays where it is. From the keyboard the dialog
    // opens with focus inside it; Escape closes it, keeps the order and returns focus to the button.
    await orderCard(buyer, fashionOrder).getByRole('link', { name: fashionOrder }).click();
    await shows(buyer.getByRole('heading', { name: `Order ${fashionOrder}` }));
    await buyer.evaluate(() => Object.assign(window, { openedBeforeCancelling: true }));
    const cancelButton = buyer.getByRole('button', { name: 'Cancel order' });
    await cancelButton.focus();
    await buyer.waitForTimeout(POLL_INTERVAL_MS * 2.5);
    await expect(buyer.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Cancel order ${fashionOrder}`);
    await buyer.keyboard.press('Enter');
    const dialog = await shows(cancelDialog(buyer));
    await expect(buyer.evaluate(() => document.activeElement?.closest('dialog') !== null)).resolves.toBe(true);
    await expect(dialog.textContent()).resolves.toContain('The seller sees this reason.');
    await buyer.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(buyer.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Cancel order ${fashionOrder}`);
    await expect(buyer.getByRole('status').textContent()).resolves.toBe('Status: Pending');

    // The first request gets no answer; the automatic retry carries the same request ID. Polls are held
    // back meanwhile, so the cancelled state the page then shows comes from the cancel's own answer.
    const cancelRequests: { requestId: string; note?: string }[] = [];
    const isCancel = (url: URL) => url.pathname === '/trpc/orders.cancel';
    await buyer.route(isCancel, (route) => {
      cancelRequests.push(route.request().postDataJSON());
      return cancelRequests.length === 1 ? route.abort('failed') : route.continue();
    });
    const heldPolls: Route[] = [];
    const isTrack = (url: URL) => url.pathname === '/trpc/orders.track';
    await buyer.route(isTrack, (route) => void heldPolls.push(route));
    await cancelButton.click();
    await dialog.getByLabel('Reason (optional)').fill(CANCEL_REASON);
    await screenshotDesktopAndPhone(buyer, 'buyer-cancel-dialog');
    await dialog.getByRole('button', { name: 'Cancel order' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await shows(buyer.getByRole('status').filter({ hasText: 'Status: Cancelled' }));
    expect(cancelRequests).toHaveLength(2);
    expect(cancelRequests[0]).toMatchObject({ note: CANCEL_REASON, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(cancelRequests[1]).toEqual(cancelRequests[0]);
    expect(heldPolls.length).toBeGreaterThan(0);
    // Unrouting lets the held polls through.
    await Promise.all([buyer.unroute(isCancel), buyer.unroute(isTrack)]);
    await expect(buyer.evaluate(() => 'openedBeforeCancelling' in window)).resolves.toBe(true);
    await expect(buyer.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('You cancelled this order.');
    await expect(timelineStatuses(buyer)).resolves.toEqual(['Pending', 'Cancelled']);
    const cancelledEntry = buyer.getByRole('region', { name: 'Timeline' }).getByRole('listitem').last();
    await expect(cancelledEntry.textContent()).resolves.toMatch(new RegExp(`Cancelled.*by Ben Santos.*${CANCEL_REASON}`));
    await expect(buyer.getByRole('region', { name: 'Order progress' }).textContent()).resolves.toContain(CANCEL_REASON);
    await expect(cancelButton.count()).resolves.toBe(0);
    await screenshotDesktopAndPhone(buyer, 'order-cancelled');
    await buyer.getByRole('link', { name: 'My Orders' }).click();
    await expect((await shows(buyer.getByRole('link', { name: new RegExp(fashionOrder) }))).textContent()).resolves.toMatch(
      /Cancelled.*Fashion Store/,
    );

    // The seller finds it under Cancelled.
    const seller = await newUserPage(browser, web.baseUrl);
    await signIn(seller, 'fashion@seller.test');
    await searchSellerOrders(seller, fashionOrder);
    await seller
      .getByRole('navigation', { name: 'Filter orders by status' })
      .getByRole('link', { name: /^Cancelled/ })
      .click();
    await seller.waitForURL((url) => url.searchParams.get('status') === 'cancelled');
    await expect((await shows(seller.getByRole('row', { name: new RegExp(fashionOrder) }))).textContent()).resolves.toContain('Cancelled');

    // A confirmed order can still be cancelled; when the seller starts processing it while the buyer is
    // deciding, the refusal is shown in words and the button goes away.
    const gadgetSeller = await newUserPage(browser, web.baseUrl);
    await signIn(gadgetSeller, 'gadgets@seller.test');
    await gadgetSeller.goto(`/seller/orders/${gadgetOrder}`);
    await updateStatus(gadgetSeller, 'Confirmed');
    await buyer.goto(`/orders/${gadgetOrder}`);
    await shows(buyer.getByRole('status').filter({ hasText: 'Status: Confirmed' }));
    await cancelButton.click();
    await shows(dialog);
    await updateStatus(gadgetSeller, 'Processing');
    await dialog.getByRole('button', { name: 'Cancel order' }).click();
    await expect((await shows(dialog.getByRole('alert'))).textContent()).resolves.toBe(
      'You can cancel an order only while it is pending or confirmed; this one is processing.',
    );
    await dialog.getByRole('button', { name: 'Keep order' }).click();
    await shows(buyer.getByRole('status').filter({ hasText: 'Status: Processing' }));
    await expect(cancelButton.count()).resolves.toBe(0);
    await buyer.reload();
    await shows(buyer.getByRole('status').filter({ hasText: 'Status: Processing' }));
    await expect(cancelButton.count()).resolves.toBe(0);

    expect([...buyer.errors, ...seller.errors, ...gadgetSeller.errors]).toEqual([]);
  });
});

describe('the web app around the journey', () => {
  test('a wrong password is reported in words', async () => {
    const page = await newUserPage(browser, web.baseUrl);
    await page.goto('/login');
    await page.getByLabel('Email').fill(`nobody-${randomUUID()}@buyer.test`);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect((await shows(page.getByRole('alert'))).textContent()).resolves.toBe('Email or password is incorrect.');
  });

  test("a buyer page loads at most 60 kB of gzipped JavaScript and none of the seller dashboard's", async () => {
    const page = await newUserPage(browser, web.baseUrl);
    await signIn(page, 'jose@buyer.test');
    const scripts: Promise<{ url: string; gzipBytes: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        scripts.push(response.body().then((body) => ({ url: response.url(), gzipBytes: gzipSync(body).length })));
      }
    });
    await page.goto('/orders');
    await shows(page.getByRole('heading', { name: 'My Orders' }));
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((script) => /Seller/.test(script.url))).toEqual([]);
    expect(loaded.reduce((sum, script) => sum + script.gzipBytes, 0)).toBeLessThanOrEqual(60_000);
    expect(web.buildOutput).toMatch(/Bundle size \(gzip\): buyer pages' initial JS [\d.]+ kB of a 60\.0 kB budget/);
  });
});
