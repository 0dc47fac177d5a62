// Joins the cart with the catalog and groups it the way checkout will split it: one order per store.
import { lineTotal, type OrderPrice, priceOrder } from '../../../workflows/model/money';
import type { Product, Store } from '../api/client';
import type { CartLine } from './cart';

interface CartItem {
  product: Product;
  quantity: number;
  lineTotalCentavos: number;
}

export interface StoreCart extends OrderPrice {
  store: Pick<Store, 'id' | 'name'>;
  items: CartItem[];
}

export function groupCartByStore(stores: readonly Store[], lines: readonly CartLine[]): StoreCart[] {
  const groups: StoreCart[] = [];
  for (const store of stores) {
    const priced = lines.flatMap((line) => {
      const product = store.products.find((candidate) => candidate.id === line.productId);
      return product ? [{ product, quantity: line.quantity, unitPriceCentavos: product.priceCentavos }] : [];
    });
    if (!priced.length) continue;
    groups.push({
      store: { id: store.id, name: store.name },
      items: priced.map(({ product, quantity, unitPriceCentavos }) => ({
        product,
        quantity,
        lineTotalCentavos: lineTotal({ unitPriceCentavos, quantity }),
      })),
      ...priceOrder(priced),
    });
  }
  return groups;
}

/** What checkout sends: only lines whose product is still in the catalog. */
export function checkoutLines(groups: readonly StoreCart[]): CartLine[] {
  return groups.flatMap((group) => group.items.map((item) => ({ productId: item.product.id, quantity: item.quantity })));
}

export function grandTotal(groups: readonly StoreCart[]): number {
  return groups.reduce((sum, group) => sum + group.totalCentavos, 0);
}
