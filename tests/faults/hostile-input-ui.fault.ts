// Hostile text that the API rightly keeps (a name, an address, a note, a carrier holding HTML, script,
// attribute break-outs and template syntax) shows in real headless Chromium, on the buyer's order page and
// the seller's order list and detail, as the literal text: no element is injected, no script runs, and the
// page reports no error (a CSP violation would be one). Two more attacks on the layout: an old row whose
// customer name ends in a right-to-left override (the API refuses one now) cannot reverse the city shown
// next to it, and 38-character tokens in every kind of user text never make a page wider than a 360 px
// phone.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shows, signIn } from '../../e2e/support/actions';
import { launchBrowser, newUserPage, PHONE, type UserPage } from '../../e2e/support/browser';
import { startWebStack, type WebStack } from '../../e2e/support/web-stack';
import { hashPassword } from '../../lib/password';
import { createApiClient, signedInClient } from '../../scripts/lib/api-client';
import { BUYER_PASSWORD, productsOf, SHIPPING } from '../support/fixtures';
import { recordFigures } from './support/figures';

const HOSTILE = {
  buyerName: '<img src=x onerror="window.__injected=1">Ana Dela Cruz',
  customerName: '<script>window.__injected=1</script>Maria',
  addressLine: '"><svg onload="window.__injected=1"> 12 Mabini St',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax is the hostile value under test.
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
  await browser?.then(
    (started) => started.close(),
    () => {},
  );
  await web?.stop();
});

/** Fails if the page shows any of `texts` other than literally, or anything was injected or logged. */
async function expectShownEscaped(page: UserPage, texts: string[]): Promise<void> {
  // innerText, not textContent: only what the page renders counts, not the text of scripts or hidden nodes.
  // biome-ignore lint/performance/useDomNodeTextContent: see above.
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
  const { orders } = await buyer.checkout.place.mutate({
    idempotencyKey: randomUUID(),
    lines: [{ productId: product!.id, quantity: 1 }],
    shipping,
  });
  const orderNumber = orders[0]!.orderNumber;
  const seller = await signedInClient(web.baseUrl, 'fashion@seller.test');
  const step = (to: 'confirmed' | 'processing' | 'shipped', extra = {}) =>
    seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to, ...extra });
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

/** The left edges of the characters of the first text node in `cell` that reads `text`, in logical order. */
function characterPositions(cell: Element, text: string): number[] {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data !== text) continue;
    return [...text].map((_, index) => {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      return range.getBoundingClientRect().left;
    });
  }
  throw new Error(`no text node reads ${JSON.stringify(text)}`);
}

const readsLeftToRight = (positions: number[]) => positions.every((left, index) => index === 0 || left > positions[index - 1]!);

test("an old row's right-to-left override cannot reverse the city next to the name in the seller table", async () => {
  const buyer = createApiClient(web.baseUrl);
  await buyer.auth.register.mutate({ email: `rtl-${randomUUID()}@test.example`, name: 'Ana Cruz', password: BUYER_PASSWORD });
  const [product] = await productsOf(web.stack.db, 'fashion-store');
  const city = 'Quezon City';
  const { orders } = await buyer.checkout.place.mutate({
    idempotencyKey: randomUUID(),
    lines: [{ productId: product!.id, quantity: 1 }],
    shipping: { ...SHIPPING, city },
  });
  const orderNumber = orders[0]!.orderNumber;
  // The API refuses U+202E now; a row stored before that may still hold one.
  await web.stack.db.order.update({ where: { orderNumber }, data: { shippingName: 'Ana \u202E' } });

  const page = await newUserPage(browser, web.baseUrl);
  await signIn(page, 'fashion@seller.test');
  await page.goto(`/seller?q=${orderNumber}`);
  const cell = page.locator('tr', { has: page.getByRole('link', { name: orderNumber }) }).locator('td[data-label="Customer"]');
  await shows(cell.getByText(city));
  expect(readsLeftToRight(await cell.evaluate(characterPositions, city)), 'the city reads left to right').toBe(true);
  // The same text without isolation is reversed, so the measurement above can tell.
  const unisolated = await page.evaluateHandle(() => {
    const control = document.createElement('span');
    control.append('Ana \u202E');
    control.append(Object.assign(document.createElement('span'), { textContent: ' · Quezon City' }));
    document.body.append(control);
    return control;
  });
  expect(readsLeftToRight(await unisolated.evaluate(characterPositions, ' · Quezon City'))).toBe(false);
  await unisolated.evaluate((control) => control.remove());
  expect(page.errors).toEqual([]);
});

/** What is wrong with the page at 360 px: a token it does not show, a sideways scroll, content past the edge. */
async function phoneLayoutProblems(page: UserPage, name: string, tokens: string[]): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: only rendered text counts, as above.
  const shown = (await page.locator('main').innerText()).replace(/\s+/g, '');
  const problems = tokens.filter((token) => !shown.includes(token)).map((token) => `${name} does not show ${token}`);
  const layout = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    widest: Math.max(...[...document.querySelectorAll('main *')].map((element) => element.getBoundingClientRect().right)),
    width: document.documentElement.clientWidth,
  }));
  if (layout.overflow > 0) problems.push(`${name} scrolls sideways by ${layout.overflow} px`);
  if (layout.widest > layout.width) problems.push(`${name} has content up to ${Math.round(layout.widest)} px of ${layout.width}`);
  return problems;
}

test('38-character tokens in user text wrap on a 360 px phone: seller cards, order pages, the shop and the cart', async () => {
  const token = (label: string) => `${label}${'W'.repeat(38 - label.length)}`;
  const TOKENS = {
    store: token('Store'),
    product: token('Product'),
    customer: token('Customer'),
    address: token('Address'),
    city: token('City'),
    note: token('Note'),
    carrier: token('Carrier'),
    trackingNumber: token('TRACK-'),
  };
  expect(Object.values(TOKENS).every((value) => value.length === 38)).toBe(true);
  // A store and a product of their own, since only the database can name them.
  const sellerEmail = `long-${randomUUID()}@seller.test`;
  const sellerPassword = 'long tokens seller';
  const owner = await web.stack.db.user.create({
    data: { email: sellerEmail, name: 'Long Seller', role: 'seller', passwordHash: await hashPassword(sellerPassword) },
  });
  const store = await web.stack.db.store.create({ data: { slug: `long-${randomUUID()}`, name: TOKENS.store, ownerId: owner.id } });
  const product = await web.stack.db.product.create({
    data: {
      storeId: store.id,
      sku: `ZZ-LONG-${randomUUID()}`,
      name: TOKENS.product,
      description: 'A product with a long name',
      emoji: '📦',
      priceCentavos: 10_000,
    },
  });

  const buyerEmail = `long-${randomUUID()}@test.example`;
  const buyer = createApiClient(web.baseUrl);
  await buyer.auth.register.mutate({ email: buyerEmail, name: 'Long Buyer', password: BUYER_PASSWORD });
  const shipping = { ...SHIPPING, name: TOKENS.customer, addressLine: TOKENS.address, city: TOKENS.city };
  const { orders } = await buyer.checkout.place.mutate({
    idempotencyKey: randomUUID(),
    lines: [{ productId: product.id, quantity: 1 }],
    shipping,
  });
  const orderNumber = orders[0]!.orderNumber;
  const seller = await signedInClient(web.baseUrl, sellerEmail, sellerPassword);
  const step = (to: 'confirmed' | 'processing' | 'shipped', extra = {}) =>
    seller.seller.setStatus.mutate({ orderNumber, requestId: randomUUID(), to, ...extra });
  await step('confirmed', { note: TOKENS.note });
  await step('processing');
  await step('shipped', { carrier: TOKENS.carrier, trackingNumber: TOKENS.trackingNumber });

  const problems: string[] = [];
  const sellerPage = await newUserPage(browser, web.baseUrl, PHONE);
  await signIn(sellerPage, sellerEmail, sellerPassword);
  await sellerPage.goto('/seller');
  await shows(sellerPage.getByRole('link', { name: orderNumber }));
  problems.push(...(await phoneLayoutProblems(sellerPage, "the seller's order cards", [TOKENS.customer, TOKENS.city])));
  await sellerPage.goto(`/seller/orders/${orderNumber}`);
  await shows(sellerPage.getByRole('region', { name: 'Timeline' }).getByText(TOKENS.note));
  const sellerOrderTokens = [
    TOKENS.product,
    TOKENS.customer,
    TOKENS.address,
    TOKENS.city,
    TOKENS.note,
    TOKENS.carrier,
    TOKENS.trackingNumber,
  ];
  problems.push(...(await phoneLayoutProblems(sellerPage, "the seller's order page", sellerOrderTokens)));

  const buyerPage = await newUserPage(browser, web.baseUrl, PHONE);
  await signIn(buyerPage, buyerEmail, BUYER_PASSWORD);
  await buyerPage.goto(`/orders/${orderNumber}`);
  await shows(buyerPage.getByRole('region', { name: 'Timeline' }).getByText(TOKENS.note));
  problems.push(...(await phoneLayoutProblems(buyerPage, "the buyer's order page", Object.values(TOKENS))));
  await buyerPage.goto(`/checkout/confirmation?orders=${orderNumber}`);
  await shows(buyerPage.getByRole('heading', { name: TOKENS.store }));
  problems.push(...(await phoneLayoutProblems(buyerPage, 'the confirmation page', [TOKENS.store, TOKENS.product])));
  await buyerPage.goto('/orders');
  await shows(buyerPage.getByText(orderNumber));
  problems.push(...(await phoneLayoutProblems(buyerPage, 'My Orders', [TOKENS.store])));
  await buyerPage.goto('/');
  await buyerPage.getByRole('button', { name: `Add ${TOKENS.product} to cart` }).click();
  problems.push(...(await phoneLayoutProblems(buyerPage, 'the shop', [TOKENS.store, TOKENS.product])));
  await buyerPage.goto('/cart');
  await shows(buyerPage.getByRole('heading', { name: TOKENS.store }));
  problems.push(...(await phoneLayoutProblems(buyerPage, 'the cart', [TOKENS.store, TOKENS.product])));
  expect(problems).toEqual([]);
  expect([...sellerPage.errors, ...buyerPage.errors]).toEqual([]);
  recordFigures('long tokens on a phone', { ordersRun: 1, badInputsTried: Object.keys(TOKENS).length });
});
