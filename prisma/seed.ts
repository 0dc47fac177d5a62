// Demo data, seeded on first start and safe to run again: two stores with products, and one buyer
// and one seller account per store. Existing rows are left as they are.

import type { Db } from '../lib/db';
import { hashPassword } from '../lib/password';

export const DEMO_PASSWORD = 'demo-pass-2026';

export const DEMO_ACCOUNTS = [
  { email: 'maria@buyer.test', name: 'Maria Santos', role: 'buyer' },
  { email: 'jose@buyer.test', name: 'Jose Reyes', role: 'buyer' },
  { email: 'fashion@seller.test', name: 'Fashion Store Owner', role: 'seller', store: 'fashion-store' },
  { email: 'gadgets@seller.test', name: 'Gadget Hub Owner', role: 'seller', store: 'gadget-hub' },
] as const;

export const DEMO_STORES = [
  { slug: 'fashion-store', name: 'Fashion Store' },
  { slug: 'gadget-hub', name: 'Gadget Hub' },
];

/** Each store's products: its slug, then SKU, name, emoji, price in centavos and description. */
const PRODUCTS: [store: string, sku: string, name: string, emoji: string, priceCentavos: number, description: string][] = [
  ['fashion-store', 'FS-TEE-001', 'Cotton T-Shirt', '👕', 49_900, 'Soft everyday tee, 100% cotton.'],
  ['fashion-store', 'FS-JNS-002', 'Slim Jeans', '👖', 129_900, 'Stretch denim with a slim fit.'],
  ['fashion-store', 'FS-DRS-003', 'Summer Dress', '👗', 159_900, 'Light floral dress for warm days.'],
  ['fashion-store', 'FS-CAP-004', 'Baseball Cap', '🧢', 34_900, 'Adjustable cap with a curved brim.'],
  ['gadget-hub', 'GH-EAR-001', 'Wireless Earbuds', '🎧', 189_900, 'Bluetooth 5.3, 24-hour battery with the case.'],
  ['gadget-hub', 'GH-PWR-002', 'Power Bank 10,000 mAh', '🔋', 99_900, 'Charges a phone twice, USB-C in and out.'],
  ['gadget-hub', 'GH-CBL-003', 'USB-C Cable 1 m', '🔌', 19_900, 'Braided cable, 60 W fast charging.'],
  ['gadget-hub', 'GH-WCH-004', 'Smart Watch', '⌚', 349_900, 'Heart rate, steps and notifications.'],
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
  for (const store of DEMO_STORES) {
    const owner = DEMO_ACCOUNTS.find((account) => 'store' in account && account.store === store.slug)!;
    const row = await db.store.upsert({
      where: { slug: store.slug },
      update: {},
      create: { slug: store.slug, name: store.name, ownerId: userIds.get(owner.email)! },
    });
    for (const [, sku, name, emoji, priceCentavos, description] of PRODUCTS.filter(([slug]) => slug === store.slug)) {
      await db.product.upsert({ where: { sku }, update: {}, create: { sku, name, emoji, priceCentavos, description, storeId: row.id } });
    }
  }
}
