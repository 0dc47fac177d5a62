// Hostile text that the API rightly keeps (a name, an address, a note, a carrier holding HTML, script,
// attribute break-outs, template syntax and a right-to-left override) shows in real headless Chromium, on
// the buyer's order page and the seller's order list and detail, as the literal text: no element is
// injected, no script runs, and the page reports no error (a CSP violation would be one).
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shows, signIn } from '../../e2e/support/actions';
import { launchBrowser, newUserPage, type UserPage } from '../../e2e/support/browser';
import { startWebStack, type WebStack } from '../../e2e/support/web-stack';
import { createApiClient, signedInClient } from '../support/api-client';
import { BUYER_PASSWORD, productsOf, SHIPPING } from '../support/fixtures';
import { recordFigures } from './support/figures';

const HOSTILE = {
  buyerName: '<img src=x onerror="window.__injected=1">Ana \u202Ezurc aleD',
  customerName: '<script>window.__injected=1</script>Maria',
  addressLine: '"><svg onload="window.__injected=1"> 12 Mabini St',
  city: '{{7*7}} ${7*7} Quezon',
  note: '<b>Packed</b> & <a href="javascript:window.__injected=1">ready</a>',
  carrier: "<i>LBC</i> ' OR '1'='1",
};

let web: WebStack;
/** A promise, so that a browser that cannot start fails the test (through newUserPage) instead of skipping it. */
let browser: Promise<Browser>;
beforeAll(async () => {
  browser = launchBrowser();
  browser.catch(() => {});
  web = await startWebStack({});
});
afterAll(async () => {
  await browser?.then((started) => started.close(), () => {});
  await web?.stop();
});

/** Fails if the page shows any of `texts` other than literally, or anything was injected or logged. */
async function expectShownEscaped(page: UserPage, texts: string[]): Promise<void> {
  const shown = await page.locator('body').innerText();
  for (const text of texts) expect(shown, text).toContain(text);
  const injected = await page.evaluate(() => ({
    elements: document.querySelectorAll('[onerror], [onload], [href^="javascript:"], img[src="x"]').length,
    ran: '__injected' in window,
  }));
  expect(injected).toEqual({ elements: 0, ran: false });
  expect(page.errors).toEqual([]);
}

test('hostile stored text shows escaped on the buyer and seller pages', async () => {
  const email = `ui-${randomUUID()}@test.example`;
  const buyer = createApiClient(web.baseUrl);
  await buyer.auth.register.mutate({ email, name: HOSTILE.buyerName, password: BUYER_PASSWORD });
  const [product] = await productsOf(web.stack.db, 'fashion-store');
  const shipping = { ...SHIPPING, name: HOSTILE.customerName, addressLine: HOSTILE.addressLine, city: HOSTILE.city };
  const { orders } = await buyer.checkout.place.mutate({ idempotencyKey: randomUUID(), lines: [{ productId: product!.id, quantity: 1 }], shipping });
  const orderNumber = orders[0]!.orderNumber;
  const seller = await signedInClient(web.baseUrl, 'fashion@seller.test');
  const step = (to: 'confirmed' | 'processing' | 'shipped', extra = {}) => seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to, ...extra });
  await step('confirmed', { note: HOSTILE.note });
  await step('processing');
  await step('shipped', { carrier: HOSTILE.carrier, trackingNumber: 'LBC-123456' });
  const everything = Object.values(HOSTILE);

  const sellerPage = await newUserPage(browser, web.baseUrl);
  await signIn(sellerPage, 'fashion@seller.test');
  await sellerPage.goto(`/seller?q=${orderNumber}`);
  await shows(sellerPage.getByRole('link', { name: orderNumber }));
  await expectShownEscaped(sellerPage, [HOSTILE.customerName, HOSTILE.city]);
  await sellerPage.goto(`/seller/orders/${orderNumber}`);
  await shows(sellerPage.getByRole('region', { name: 'Timeline' }).getByText(HOSTILE.note));
  await expectShownEscaped(sellerPage, everything);

  const buyerPage = await newUserPage(browser, web.baseUrl);
  await signIn(buyerPage, email, BUYER_PASSWORD);
  await buyerPage.goto(`/orders/${orderNumber}`);
  await shows(buyerPage.getByRole('region', { name: 'Timeline' }).getByText(HOSTILE.note));
  await expectShownEscaped(buyerPage, everything);
  recordFigures('hostile text in the browser', { ordersRun: 1, badInputsTried: everything.length });
});
