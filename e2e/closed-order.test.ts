// An order an operator closed outside its lifecycle, in real headless Chromium: the buyer's and the
// seller's order pages say why, the seller's list marks it Closed, and the seller is offered no change.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../scripts/lib/api-client';
import { BUYER_PASSWORD, placeOrder } from '../tests/support/fixtures';
import { driveTo, orderHandle } from '../tests/support/workflow-helpers';
import { searchSellerOrders, shows, signIn } from './support/actions';
import { launchBrowser, newUserPage } from './support/browser';
import { startWebStack, type WebStack } from './support/web-stack';

const REASON = 'Parcel lost; refunded by phone';

let web: WebStack;
/** A promise, so that a browser that cannot start fails the test instead of skipping it. */
let browser: Promise<Browser>;

beforeAll(async () => {
  browser = launchBrowser();
  browser.catch(() => {});
  web = await startWebStack({});
});

afterAll(async () => {
  await browser?.then(
    (started) => started.close(),
    () => {},
  );
  await web?.stop();
});

test('a shipped order whose workflow an operator terminated shows why, as Closed, with no Update dialog', {
  timeout: 120_000,
}, async () => {
  const email = `closed-${randomUUID()}@buyer.test`;
  const buyerApi = createApiClient(web.baseUrl);
  await buyerApi.auth.register.mutate({ email, name: 'Closed Order Buyer', password: BUYER_PASSWORD });
  const orderNumber = await placeOrder(buyerApi, web.stack.db);
  // Shipped is the case where a seller would otherwise still be offered a change (delivered).
  await driveTo(web.stack.temporal, orderNumber, 'shipped');
  await orderHandle(web.stack.temporal, orderNumber).terminate(REASON);
  await expect.poll(async () => (await buyerApi.orders.track.query({ orderNumber })).order.closedNote).toContain(REASON);

  const buyer = await newUserPage(browser, web.baseUrl);
  await signIn(buyer, email, BUYER_PASSWORD);
  await buyer.goto(`/orders/${orderNumber}`);
  const buyerNotice = await shows(buyer.getByText('This order is closed.'));
  await expect(buyerNotice.locator('..').textContent()).resolves.toContain(REASON);
  await expect(buyer.getByRole('status').first().textContent()).resolves.toBe('Status: Shipped');
  await expect(buyer.getByRole('button', { name: /Cancel order/ }).count()).resolves.toBe(0);

  const seller = await newUserPage(browser, web.baseUrl);
  await signIn(seller, 'fashion@seller.test');
  await searchSellerOrders(seller, orderNumber);
  const row = await shows(seller.getByRole('row', { name: new RegExp(orderNumber) }));
  await expect(row.getByRole('cell').filter({ hasText: 'Shipped' }).textContent()).resolves.toMatch(/Shipped\s*Closed/);
  await expect(row.getByRole('button', { name: /^Update/ }).count()).resolves.toBe(0);
  await seller.getByRole('link', { name: orderNumber }).click();
  const sellerNotice = await shows(seller.getByText('This order is closed.'));
  await expect(sellerNotice.locator('..').textContent()).resolves.toContain(REASON);
  await expect(seller.getByRole('button', { name: 'Update status' }).count()).resolves.toBe(0);

  expect([...buyer.errors, ...seller.errors]).toEqual([]);
});
