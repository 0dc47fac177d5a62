// The seller's search matches its text literally: `%`, `_` and `\` in a search are characters to find,
// not LIKE wildcards, in the customer's name (contains) and in the order number (starts with).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signedInClient } from '../../scripts/lib/api-client';
import { newBuyer, productsOf, SHIPPING } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
let seller: ApiClient;
// A tag no other test uses, so each search below can only find this file's orders.
const tag = randomUUID().slice(0, 8);
const NAMES = {
  percent: `Mia 50%${tag}`,
  percentLookAlike: `Mia 50x${tag}`,
  underscore: `Ana_${tag}`,
  underscoreLookAlike: `AnaZ${tag}`,
  backslash: `Bo\\${tag}`,
  noBackslash: `Bo${tag}`,
};

beforeAll(async () => {
  stack = await startTestStack();
  seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  const buyer = await newBuyer(stack.apiUrl);
  const [product] = await productsOf(stack.db, 'fashion-store');
  for (const name of Object.values(NAMES)) {
    await buyer.checkout.place.mutate({
      idempotencyKey: randomUUID(),
      lines: [{ productId: product!.id, quantity: 1 }],
      shipping: { ...SHIPPING, name },
    });
  }
});
afterAll(() => stack?.stop());

const namesFound = async (search: string) =>
  (await seller.seller.orders.query({ search, limit: 100 })).items.map((order) => order.shipping.name).sort();

test('% in a search matches only a literal %', async () => {
  expect(await namesFound(`50%${tag}`)).toEqual([NAMES.percent]);
  const everyPercent = await seller.seller.orders.query({ search: '%', limit: 100 });
  expect(everyPercent.items.length).toBeGreaterThan(0);
  for (const order of everyPercent.items) expect(order.shipping.name).toContain('%');
});

test('_ in a search matches only a literal _', async () => {
  expect(await namesFound(`Ana_${tag}`)).toEqual([NAMES.underscore]);
  const everyUnderscore = await seller.seller.orders.query({ search: '_', limit: 100 });
  expect(everyUnderscore.items.length).toBeGreaterThan(0);
  for (const order of everyUnderscore.items) expect(order.shipping.name).toContain('_');
});

test('\\ in a search matches a literal backslash', async () => {
  expect(await namesFound(`Bo\\${tag}`)).toEqual([NAMES.backslash]);
  expect(await namesFound(`Bo${tag}`)).toEqual([NAMES.noBackslash]);
});

test('wildcards do not widen the order-number prefix either', async () => {
  const all = await seller.seller.orders.query({ limit: 1 });
  expect(all.counts.all).toBeGreaterThan(0);
  for (const search of ['ORD-%', 'ORD_', '%']) {
    const found = await seller.seller.orders.query({ search, limit: 100 });
    for (const order of found.items)
      expect(order.orderNumber.startsWith(search) || order.shipping.name.includes(search), search).toBe(true);
  }
  expect((await seller.seller.orders.query({ search: 'ORD-%' })).counts.all).toBe(0);
});
