// The seeded load: what every order holds and when every simulated buyer polls. It is drawn before the
// stack starts, from the seed alone, so a rerun with the same seed offers exactly the same load.
import { DEMO_ACCOUNTS } from '../prisma/seed';
import type { ScheduledCall } from './load';
import type { Random } from './random';

/** Seller steps from pending to delivered. */
export const LIFECYCLE_STEPS = ['confirmed', 'processing', 'shipped', 'delivered'] as const;

/** The stores of the demo sellers the benchmark signs in as. */
const STORE_SLUGS = DEMO_ACCOUNTS.flatMap((account) => ('store' in account ? [account.store] : []));

export interface PlannedOrder {
  index: number;
  buyerAccount: number;
  storeSlug: string;
  /** Positions in the store's product list (as the catalog lists it) and quantities. */
  lines: { productPosition: number; quantity: number }[];
  idempotencyKey: string;
  /** One per lifecycle step: the request ID of the seller's update. */
  requestIds: string[];
}

export function planOrders(count: number, buyerAccounts: number, random: Random, productsPerStore = 4): PlannedOrder[] {
  return Array.from({ length: count }, (_, index) => {
    const positions = random.sample([...Array(productsPerStore).keys()], random.int(1, 3));
    return {
      index,
      buyerAccount: random.int(0, buyerAccounts - 1),
      storeSlug: random.pick(STORE_SLUGS),
      lines: positions.map((productPosition) => ({ productPosition, quantity: random.int(1, 3) })),
      idempotencyKey: random.uuid(),
      requestIds: LIFECYCLE_STEPS.map(() => random.uuid()),
    };
  });
}

/**
 * Simulated buyers, each watching one order and polling it every `intervalMs` from a random phase,
 * `polls` times. The item of each call is the position of the watched order among `orderCount`.
 */
export function planPolls(
  trackers: number,
  orderCount: number,
  intervalMs: number,
  polls: number,
  random: Random,
): ScheduledCall<number>[] {
  const calls: ScheduledCall<number>[] = [];
  for (let tracker = 0; tracker < trackers; tracker++) {
    const order = tracker < orderCount ? tracker : random.int(0, orderCount - 1);
    const offset = random.next() * intervalMs;
    for (let poll = 0; poll < polls; poll++) calls.push({ atMs: offset + poll * intervalMs, item: order });
  }
  return calls;
}
