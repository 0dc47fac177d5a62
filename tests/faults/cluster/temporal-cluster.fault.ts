// Faults a Temporal cluster has and the dev server does not: a SIGKILLed history service, a SIGKILLed
// matching service, a frontend restart while buyers poll, and PostgreSQL stopping (as in a crash) and
// starting again under Temporal and the order service at once. Each runs while sellers move orders
// through their lifecycle; afterwards no order is lost or duplicated, every projection equals its
// workflow, and the API never answered a 500.
// Runs in the cluster target only (TEST_TEMPORAL=cluster, see tests/faults/vitest.config.ts).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signedInClient } from '../../../scripts/lib/api-client';
import type { TemporalService } from '../../../scripts/lib/temporal-cluster-config';
import { PROGRESS_STEPS } from '../../../workflows/model/order-model';
import { newBuyer, placeOrder } from '../../support/fixtures';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { advanceOrder, isRetryable, SELLER_STEPS } from '../support/api-retry';
import { recordFigures } from '../support/figures';
import { auditOrders, expectCleanAudit } from '../support/order-audit';
import { serverErrors } from '../support/outage-probes';
import { type OwnCluster, startOwnCluster } from '../support/own-cluster';

const DRIVEN = 12;
const TOTAL_STEPS = DRIVEN * SELLER_STEPS.length;
/** How long a killed service stays down: long enough for requests to meet the outage. */
const DOWNTIME_MS = 3_000;

let own: OwnCluster;
let stack: TestStack;
beforeAll(async () => {
  own = await startOwnCluster();
  stack = await startTestStack({
    DATABASE_URL: own.databaseUrl,
    TEMPORAL_ADDRESS: own.temporal.address,
    TEMPORAL_NAMESPACE: own.temporal.namespace,
  });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await own?.remove();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 0 before the fault, 1 from its injection until the faulty part is back, 2 after. */
let faultPhase = 0;

interface Polling {
  ok: number;
  refusedRetryably: number;
  /** Polls that were waiting for their answer at some moment of the fault. */
  duringFault: number;
  /** Anything else: a 500, an unreadable answer, a wrong status. */
  failures: string[];
}

/** A buyer's tracking page polling each of their orders in turn until `stop` is called. */
function pollTracking(buyer: ApiClient, orderNumbers: string[]) {
  const polling: Polling = { ok: 0, refusedRetryably: 0, duringFault: 0, failures: [] };
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const orderNumber = orderNumbers[i % orderNumbers.length]!;
      const sentIn = faultPhase;
      try {
        const tracked = await buyer.orders.track.query({ orderNumber });
        if (tracked.order.orderNumber === orderNumber) polling.ok++;
        else polling.failures.push(`asked for ${orderNumber}, got ${tracked.order.orderNumber}`);
      } catch (error) {
        if (isRetryable(error)) polling.refusedRetryably++;
        else polling.failures.push(String(error));
      }
      // Sent or answered during the fault, or waiting across all of it.
      if (sentIn === 1 || faultPhase === 1 || (sentIn === 0 && faultPhase === 2)) polling.duringFault++;
      await pause(50);
    }
  })();
  return {
    polling,
    async stop(): Promise<Polling> {
      running = false;
      await loop;
      return polling;
    },
  };
}

/** Sellers move DRIVEN new orders to delivered; `fault` runs once the first steps are done. */
async function lifecycleThrough(name: string, fault: () => Promise<void>, { pollWhileFaulty = false } = {}) {
  const buyer = await newBuyer(stack.apiUrl);
  const buyerId = (await buyer.auth.me.query())!.id;
  const seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
  const orderNumbers = await Promise.all(Array.from({ length: DRIVEN }, () => placeOrder(buyer, stack.db)));
  faultPhase = 0;
  const tracking = pollWhileFaulty ? pollTracking(buyer, orderNumbers) : undefined;

  let stepsDone = 0;
  const count = { retries: 0 };
  const driving = Promise.all(orderNumbers.map((orderNumber) => advanceOrder(seller, orderNumber, SELLER_STEPS, count, () => stepsDone++)));
  await expect.poll(() => stepsDone, { timeout: 60_000 }).toBeGreaterThanOrEqual(DRIVEN);
  // The fault comes mid-lifecycle: some orders still have steps to go.
  expect(stepsDone).toBeLessThan(TOTAL_STEPS);
  faultPhase = 1;
  await fault();
  faultPhase = 2;
  await driving;
  const polling = await tracking?.stop();

  const audit = await auditOrders(stack, buyerId, new Map(orderNumbers.map((orderNumber) => [orderNumber, PROGRESS_STEPS])));
  recordFigures(name, { ordersRun: DRIVEN, faultsInjected: 1, clientRetries: count.retries, ...audit });
  expectCleanAudit(audit);
  expect(serverErrors(stack.logs)).toEqual([]);
  return polling;
}

async function killAndRestart(service: TemporalService) {
  await own.temporal.stopService(service, 'SIGKILL');
  await pause(DOWNTIME_MS);
  await own.temporal.startService(service);
}

test('orders survive a SIGKILLed history service mid-lifecycle', async () => {
  await lifecycleThrough('cluster: history killed', () => killAndRestart('history'));
});

test('orders survive a SIGKILLed matching service mid-lifecycle', async () => {
  await lifecycleThrough('cluster: matching killed', () => killAndRestart('matching'));
});

test('buyers polling through a frontend restart get answers or retryable refusals, never an error', async () => {
  const polling = await lifecycleThrough(
    'cluster: frontend restarted',
    async () => {
      await own.temporal.stopService('frontend', 'SIGTERM');
      await pause(DOWNTIME_MS);
      await own.temporal.startService('frontend');
    },
    { pollWhileFaulty: true },
  );
  // Polls met the outage: each was answered (the API's Temporal client waits for the frontend within
  // the query's deadline) or refused retryably; none failed.
  expect(polling!.duringFault).toBeGreaterThan(0);
  expect(polling!.failures).toEqual([]);
  expect(polling!.ok).toBeGreaterThan(0);
});

test('orders survive PostgreSQL stopping and starting again under Temporal and the order service', async () => {
  const polling = await lifecycleThrough(
    'cluster: PostgreSQL restarted',
    async () => {
      await own.stopPostgres();
      await pause(DOWNTIME_MS);
      await own.startPostgres();
    },
    { pollWhileFaulty: true },
  );
  expect(polling!.duringFault).toBeGreaterThan(0);
  expect(polling!.failures).toEqual([]);
  expect(polling!.ok).toBeGreaterThan(0);
});
