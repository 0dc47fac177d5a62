// Test data helpers built on the seeded catalog and the real API.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db';
import { type ApiClient, createApiClient } from '../../scripts/lib/api-client';

/** Password of every buyer that newBuyer registers. */
export const BUYER_PASSWORD = 'correct horse battery';

export const SHIPPING = {
  name: 'Maria Santos',
  phone: '+63 917 555 0101',
  addressLine: '12 Mabini Street, Barangay 5',
  city: 'Quezon City',
  postalCode: '1100',
};

export async function productsOf(db: Db, storeSlug: string) {
  return db.product.findMany({ where: { store: { slug: storeSlug } }, orderBy: { sku: 'asc' } });
}

/** Registers a fresh buyer, so tests never see each other's orders. */
export async function newBuyer(apiUrl: string, name = 'Test Buyer'): Promise<ApiClient> {
  const client = createApiClient(apiUrl);
  const email = `buyer-${randomUUID()}@test.example`;
  await client.auth.register.mutate({ email, name, password: BUYER_PASSWORD });
  return client;
}

/** Places one order at the given store and returns its number. */
export async function placeOrder(buyer: ApiClient, db: Db, storeSlug = 'fashion-store', quantity = 1): Promise<string> {
  const [product] = await productsOf(db, storeSlug);
  const { orders } = await buyer.checkout.place.mutate({
    idempotencyKey: randomUUID(),
    lines: [{ productId: product!.id, quantity }],
    shipping: SHIPPING,
  });
  return orders[0]!.orderNumber;
}
