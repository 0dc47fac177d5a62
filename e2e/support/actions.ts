// What a user does in the web app, written once for the browser tests.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../prisma/seed';

/** Waits until the locator is visible; failing that, the test fails with the locator in the message. */
export async function shows(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

export async function registerBuyer(page: Page, name: string): Promise<string> {
  const email = `e2e-${randomUUID()}@buyer.test`;
  await page.goto('/register');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return email;
}

export async function addToCart(page: Page, productName: string, times = 1): Promise<void> {
  for (let added = 0; added < times; added++) await page.getByRole('button', { name: `Add ${productName} to cart` }).click();
}

export async function fillShipping(
  page: Page,
  shipping: { phone: string; addressLine: string; city: string; postalCode: string },
): Promise<void> {
  await page.getByRole('link', { name: /^Cart/ }).click();
  await page.getByLabel('Phone').fill(shipping.phone);
  await page.getByLabel('Street address').fill(shipping.addressLine);
  await page.getByLabel('City').fill(shipping.city);
  await page.getByLabel('Postal code').fill(shipping.postalCode);
}

/** Places the cart's orders and returns their numbers from the confirmation page's address. */
export async function placeOrders(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL((url) => url.pathname === '/checkout/confirmation');
  return (new URL(page.url()).searchParams.get('orders') ?? '').split(',');
}

export function orderCard(page: Page, orderNumber: string): Locator {
  return page.getByRole('article', { name: `Order ${orderNumber}` });
}

/** The confirmation page's orders by the store on their card, e.g. { 'Fashion Store': 'ORD-…' }. */
export async function ordersByStore(page: Page, orderNumbers: string[]): Promise<Record<string, string>> {
  const storeOf = async (orderNumber: string) =>
    (await shows(orderCard(page, orderNumber).getByRole('heading', { level: 2 }))).textContent();
  return Object.fromEntries(await Promise.all(orderNumbers.map(async (orderNumber) => [await storeOf(orderNumber), orderNumber])));
}

/** The statuses in the order page's timeline, oldest first. */
export function timelineStatuses(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('listitem')
    .evaluateAll((entries) => entries.map((entry) => entry.querySelector('.timeline-status')!.textContent ?? ''));
}

export function cancelDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Cancel order/ });
}

/** The seller's order table, narrowed to one order number through the search box. */
export async function searchSellerOrders(page: Page, text: string): Promise<void> {
  await page.getByLabel('Search by order number or customer').fill(text);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

export function updateDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: /Update order/ });
}

export async function openUpdateDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Update status' }).click();
  return shows(updateDialog(page));
}

/** Moves the open order to `status` through the Update dialog and waits for the page to show it. */
export async function updateStatus(page: Page, status: string, fields: Record<string, string> = {}): Promise<void> {
  const dialog = await openUpdateDialog(page);
  await dialog.getByRole('radio', { name: status }).check();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: 'Save' }).click();
  // Delivered and Cancelled cannot be undone: the dialog asks again, naming the order.
  if (status === 'Delivered' || status === 'Cancelled') {
    await dialog.getByRole('button', { name: status === 'Delivered' ? 'Yes, mark as delivered' : 'Yes, cancel the order' }).click();
  }
  await dialog.waitFor({ state: 'hidden' });
  await shows(page.locator('.order-status-bar .badge', { hasText: status }));
}

/** Counts the tracking requests a page makes from now on. */
export function countTrackRequests(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/trpc/orders.track')) count++;
  });
  return () => count;
}

/**
 * Emulates the tab being hidden or shown again, as switching tabs would; a headless page is always
 * "visible", so the test sets the state the page reads and fires the event browsers fire.
 */
export async function setTabVisible(page: Page, visible: boolean): Promise<void> {
  await page.evaluate(
    (state) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    },
    visible ? 'visible' : 'hidden',
  );
}

/** Starts recording layout shifts from now on; read them with `layoutShiftsSinceWatching`. */
export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shifts: { value: number; moved: string[] }[] = [];
    Object.assign(window, { layoutShifts: shifts });
    type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] };
    const describe = (node: Node | undefined) =>
      node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}` : (node?.textContent ?? '?');
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        if (!entry.hadRecentInput) shifts.push({ value: entry.value, moved: entry.sources.map((source) => describe(source.node)) });
      }
    }).observe({ type: 'layout-shift' });
  });
}

/** The layout shifts seen, each with the elements that moved, so a failure says what jumped. */
export function layoutShiftsSinceWatching(page: Page): Promise<{ value: number; moved: string[] }[]> {
  return page.evaluate(() => (window as unknown as { layoutShifts: { value: number; moved: string[] }[] }).layoutShifts);
}
