// Our service as the load target, driven only through its real HTTP API: buyers check out and track,
// the two demo sellers move orders along.
import { DEMO_ACCOUNTS } from '../prisma/seed';
import { type ApiClient, createApiClient, signedInClient } from '../scripts/lib/api-client';
import { LIFECYCLE_STEPS, type PlannedOrder } from './plan';
import type { LoadTarget } from './target';

export interface ShopOrder {
  plan: PlannedOrder;
  orderNumber: string;
}

const SHIPPING = {
  name: 'Bench Buyer',
  phone: '+63 917 555 0199',
  addressLine: '1 Benchmark Road, Barangay 7',
  city: 'Makati',
  postalCode: '1200',
};
const BUYER_PASSWORD = 'bench-pass-2026';

function expectStatus(actual: string, expected: string, orderNumber: string): void {
  if (actual !== expected) throw new Error(`${orderNumber} is ${actual}, expected ${expected}`);
}

/** Registers `buyerAccounts` buyers and signs in as both demo sellers. */
export async function createShopTarget(
  apiUrl: string,
  plan: readonly PlannedOrder[],
  buyerAccounts: number,
): Promise<LoadTarget<ShopOrder>> {
  const stores = await createApiClient(apiUrl).catalog.stores.query();
  const productIds = new Map(stores.map((store) => [store.slug, store.products.map((product) => product.id)]));
  const buyers: ApiClient[] = [];
  for (let i = 0; i < buyerAccounts; i++) {
    const buyer = createApiClient(apiUrl);
    await buyer.auth.register.mutate({ email: `bench-buyer-${i}@bench.test`, name: `Bench Buyer ${i}`, password: BUYER_PASSWORD });
    buyers.push(buyer);
  }
  const sellers = new Map<string, ApiClient>();
  for (const account of DEMO_ACCOUNTS) {
    if ('store' in account) sellers.set(account.store, await signedInClient(apiUrl, account.email));
  }

  return {
    async create(index) {
      const order = plan[index]!;
      const products = productIds.get(order.storeSlug);
      if (!products) throw new Error(`The catalog has no store ${order.storeSlug}`);
      const { orders } = await buyers[order.buyerAccount]!.checkout.place.mutate({
        idempotencyKey: order.idempotencyKey,
        lines: order.lines.map((line) => ({ productId: products[line.productPosition]!, quantity: line.quantity })),
        shipping: SHIPPING,
      });
      if (orders.length !== 1) throw new Error(`Checkout placed ${orders.length} orders, expected 1`);
      return { plan: order, orderNumber: orders[0]!.orderNumber };
    },
    async advance({ plan: order, orderNumber }, step) {
      const to = LIFECYCLE_STEPS[step]!;
      const result = await sellers.get(order.storeSlug)!.seller.setStatus.mutate({
        orderNumber,
        requestId: order.requestIds[step]!,
        to,
        ...(to === 'shipped' ? { carrier: 'J&T Express', trackingNumber: `JT-${String(order.index).padStart(8, '0')}` } : {}),
      });
      expectStatus(result.order.status, to, orderNumber);
    },
    async read({ plan: order, orderNumber }) {
      const { order: view } = await buyers[order.buyerAccount]!.orders.track.query({ orderNumber });
      if (view.orderNumber !== orderNumber) throw new Error(`Tracking ${orderNumber} returned ${view.orderNumber}`);
    },
  };
}
