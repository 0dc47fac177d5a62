// Joins the cart with the catalog and groups it the way checkout will split it: one order per store.
import { lineTotal, SHIPPING_FEE_CENTAVOS } from '../../../domain/money';
import type { Product, Store } from '../api/client';
import type { CartLine } from './cart';

export interface CartItem {
  product: Product;
  quantity: number;
  lineTotalCentavos: number;
}

export interface StoreCart {
  store: Pick<Store, 'id' | 'name'>;
  items: CartItem[];
  subtotalCentavos: number;
  shippingCentavos: number;
  totalCentavos: number;
}

export function groupCartByStore(stores: readonly Store[], lines: readonly CartLine[]): StoreCart[] {
  const groups: StoreCart[] = [];
  for (const store of stores) {
    const items = lines.flatMap((line) => {
      const product = store.products.find((candidate) => candidate.id === line.productId);
      if (!product) return [];
      return [{ product, quantity: line.quantity, lineTotalCentavos: lineTotal({ unitPriceCentavos: product.priceCentavos, quantity: line.quantity }) }];
    });
    if (!items.length) continue;
    const subtotal = items.reduce((sum, item) => sum + item.lineTotalCentavos, 0);
    groups.push({
      store: { id: store.id, name: store.name },
      items,
      subtotalCentavos: subtotal,
      shippingCentavos: SHIPPING_FEE_CENTAVOS,
      totalCentavos: subtotal + SHIPPING_FEE_CENTAVOS,
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
