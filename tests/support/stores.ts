// A store of its own for a test, with its seller account and a product, so that tests which change a
// store's settings never disturb the seeded stores other test files use.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { DEMO_PASSWORD } from '../../prisma/seed';

export interface TestStore {
  id: string;
  slug: string;
  name: string;
  sellerEmail: string;
  sellerName: string;
}

export async function newStore(db: Db, name = 'Test Store'): Promise<TestStore> {
  const tag = randomUUID().slice(0, 8);
  const sellerEmail = `seller-${tag}@store.test`;
  const sellerName = `${name} Owner`;
  const owner = await db.user.create({
    data: { email: sellerEmail, name: sellerName, role: 'seller', passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  const store = await db.store.create({ data: { slug: `store-${tag}`, name, ownerId: owner.id } });
  await db.product.create({
    data: {
      storeId: store.id,
      sku: `SKU-${tag}`,
      name: 'Linen Shirt',
      description: 'A shirt for the heat.',
      emoji: '👕',
      priceCentavos: 75_000,
    },
  });
  return { id: store.id, slug: store.slug, name, sellerEmail, sellerName };
}
