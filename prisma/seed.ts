// Demo data, seeded on first start and safe to run again: two stores with products, and one buyer
// and one seller account per store. Existing rows are left as they are.
import { hashPassword } from '../lib/password';
import type { Db } from '../lib/db';

export const DEMO_PASSWORD = 'demo-pass-2026';

export const DEMO_ACCOUNTS = [
  { email: 'maria@buyer.test', name: 'Maria Santos', role: 'buyer' },
  { email: 'jose@buyer.test', name: 'Jose Reyes', role: 'buyer' },
  { email: 'fashion@seller.test', name: 'Fashion Store Owner', role: 'seller', store: 'fashion-store' },
  { email: 'gadgets@seller.test', name: 'Gadget Hub Owner', role: 'seller', store: 'gadget-hub' },
] as const;

const STORES = [
  {
    slug: 'fashion-store',
    name: 'Fashion Store',
    products: [
      { sku: 'FS-TEE-001', name: 'Cotton T-Shirt', emoji: '👕', priceCentavos: 49_900, description: 'Soft everyday tee, 100% cotton.' },
      { sku: 'FS-JNS-002', name: 'Slim Jeans', emoji: '👖', priceCentavos: 129_900, description: 'Stretch denim with a slim fit.' },
      { sku: 'FS-DRS-003', name: 'Summer Dress', emoji: '👗', priceCentavos: 159_900, description: 'Light floral dress for warm days.' },
      { sku: 'FS-CAP-004', name: 'Baseball Cap', emoji: '🧢', priceCentavos: 34_900, description: 'Adjustable cap with a curved brim.' },
    ],
  },
  {
    slug: 'gadget-hub',
    name: 'Gadget Hub',
    products: [
      { sku: 'GH-EAR-001', name: 'Wireless Earbuds', emoji: '🎧', priceCentavos: 189_900, description: 'Bluetooth 5.3, 24-hour battery with the case.' },
      { sku: 'GH-PWR-002', name: 'Power Bank 10,000 mAh', emoji: '🔋', priceCentavos: 99_900, description: 'Charges a phone twice, USB-C in and out.' },
      { sku: 'GH-CBL-003', name: 'USB-C Cable 1 m', emoji: '🔌', priceCentavos: 19_900, description: 'Braided cable, 60 W fast charging.' },
      { sku: 'GH-WCH-004', name: 'Smart Watch', emoji: '⌚', priceCentavos: 349_900, description: 'Heart rate, steps and notifications.' },
    ],
  },
];

export async function seed(db: Db): Promise<void> {
  const userIds = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    const user =
      existing ??
      (await db.user.create({
        data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(DEMO_PASSWORD) },
        select: { id: true },
      }));
    userIds.set(account.email, user.id);
  }
  for (const store of STORES) {
    const owner = DEMO_ACCOUNTS.find((account) => 'store' in account && account.store === store.slug)!;
    const row = await db.store.upsert({
      where: { slug: store.slug },
      update: {},
      create: { slug: store.slug, name: store.name, ownerId: userIds.get(owner.email)! },
    });
    for (const product of store.products) {
      await db.product.upsert({ where: { sku: product.sku }, update: {}, create: { ...product, storeId: row.id } });
    }
  }
}
