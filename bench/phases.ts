// The three phases, each written once against LoadTarget, so ours and bare run identical load.
import { closedLoop, type Measured, openLoop, type ScheduledCall } from './load';
import { LIFECYCLE_STEPS } from './plan';
import type { LoadTarget } from './target';

/** Creates the planned orders `indices` with `concurrency` callers; failed ones are left out. */
export async function createOrders<O>(
  target: LoadTarget<O>,
  indices: readonly number[],
  concurrency: number,
): Promise<{ orders: O[]; measured: Measured }> {
  const orders: O[] = [];
  const measured = await closedLoop(indices, concurrency, async (index) => orders.push(await target.create(index)));
  return { orders, measured };
}

/**
 * Moves every order from pending to delivered. Each step is one round over all orders, as a seller
 * works through a list, so that no single workflow receives a burst of updates. An order whose step
 * fails drops out of the later rounds.
 */
export async function moveToDelivered<O>(target: LoadTarget<O>, orders: readonly O[], concurrency: number): Promise<Measured> {
  const total: Measured = { latenciesMs: [], errors: 0, errorSamples: [], durationMs: 0 };
  const failed = new Set<O>();
  const started = performance.now();
  for (let step = 0; step < LIFECYCLE_STEPS.length; step++) {
    const round = await closedLoop(
      orders.filter((order) => !failed.has(order)),
      concurrency,
      (order) => target.advance(order, step),
      (order) => failed.add(order),
    );
    total.latenciesMs.push(...round.latenciesMs);
    total.errors += round.errors;
    for (const sample of round.errorSamples)
      if (total.errorSamples.length < 5 && !total.errorSamples.includes(sample)) total.errorSamples.push(sample);
  }
  total.durationMs = performance.now() - started;
  return total;
}

/** Reads orders on the polling schedule; each call's item is a position in `orders`. */
export function pollOrders<O>(target: LoadTarget<O>, orders: readonly O[], schedule: readonly ScheduledCall<number>[]) {
  return openLoop(schedule, async (position) => {
    const order = orders[position];
    if (order === undefined) throw new Error('the watched order failed at checkout');
    await target.read(order);
  });
}

/** Reads every order `times` times with `concurrency` callers (the tracking warm-up). */
export function readEach<O>(target: LoadTarget<O>, orders: readonly O[], concurrency: number, times: number): Promise<Measured> {
  return closedLoop(
    Array.from({ length: orders.length * times }, (_, i) => orders[i % orders.length]!),
    concurrency,
    (order) => target.read(order),
  );
}
