import { expect, test } from 'vitest';
import { SHIPPING_FEE_CENTAVOS } from '../../../workflows/model/money';
import type { Store } from '../api/client';
import { checkoutLines, grandTotal, groupCartByStore } from './cart-summary';

const product = (id: string, priceCentavos: number) => ({ id, name: id, description: '', emoji: '', priceCentavos });
const STORES: Store[] = [
  { id: 'fashion', slug: 'fashion-store', name: 'Fashion Store', products: [product('tee', 49_900), product('cap', 34_900)] },
  { id: 'gadgets', slug: 'gadget-hub', name: 'Gadget Hub', products: [product('cable', 19_900)] },
];

test('the cart splits into one priced order per store, as checkout will place it', () => {
  const groups = groupCartByStore(STORES, [
    { productId: 'cable', quantity: 3 },
    { productId: 'tee', quantity: 2 },
  ]);
  expect(groups.map((group) => [group.store.name, group.subtotalCentavos, group.totalCentavos])).toEqual([
    ['Fashion Store', 99_800, 99_800 + SHIPPING_FEE_CENTAVOS],
    ['Gadget Hub', 59_700, 59_700 + SHIPPING_FEE_CENTAVOS],
  ]);
  expect(grandTotal(groups)).toBe(99_800 + 59_700 + 2 * SHIPPING_FEE_CENTAVOS);
});

test('products no longer in the catalog drop out of the cart and of checkout', () => {
  const groups = groupCartByStore(STORES, [
    { productId: 'gone', quantity: 1 },
    { productId: 'cap', quantity: 1 },
  ]);
  expect(checkoutLines(groups)).toEqual([{ productId: 'cap', quantity: 1 }]);
});
