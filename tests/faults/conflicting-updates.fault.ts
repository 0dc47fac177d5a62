// 50 status changes sent at once to one order. Whatever order they arrive in, each change the order can
// make is applied exactly once, every other request is refused with a typed error, and the timeline is
// a valid path of the order model that the projection mirrors.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BuyerOrderDto, SellerOrderDto } from '../../api/dto';
import { type ApiClient, signedInClient } from '../../scripts/lib/api-client';
import { checkTransition, type OrderStatus } from '../../workflows/model/order-model';
import { newBuyer, placeOrder } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { acceptedUpdateCount, queryOrder } from '../support/workflow-helpers';
import { errorDataOf, SELLER_STEPS } from './support/api-retry';
import { recordFigures } from './support/figures';
import { auditOrders, expectCleanAudit } from './support/order-audit';

const REQUESTS = 50;

let stack: TestStack;
let seller: ApiClient;
beforeAll(async () => {
  stack = await startTestStack();
  seller = await signedInClient(stack.apiUrl, 'fashion@seller.test');
});
afterAll(() => stack?.stop());

type OrderDto = BuyerOrderDto | SellerOrderDto;

interface Request {
  requestId: string;
  to: OrderStatus;
  send(): Promise<{ order: OrderDto }>;
}

interface Outcome {
  request: Request;
  order?: OrderDto;
  refusal?: { code: string; httpStatus: number; message: string };
}

/** The seller's four forward steps, round-robin, each request with its own ID. */
function sellerRequests(orderNumber: string, count: number): Request[] {
  return Array.from({ length: count }, (_, i) => {
    const step = SELLER_STEPS[i % SELLER_STEPS.length]!;
    const requestId = randomUUID();
    return { requestId, to: step.to, send: () => seller.seller.setStatus.mutate({ orderNumber, requestId, ...step }) };
  });
}

const mixes: { name: string; build: (orderNumber: string, buyer: ApiClient) => Request[] }[] = [
  {
    name: 'forward steps, with one request ID repeated five times like a double-click',
    build: (orderNumber) => {
      const repeated = sellerRequests(orderNumber, 1)[0]!;
      return [...sellerRequests(orderNumber, REQUESTS - 5), ...Array(5).fill(repeated)];
    },
  },
  {
    name: 'forward steps racing the buyer cancelling',
    build: (orderNumber, buyer) => [
      ...sellerRequests(orderNumber, REQUESTS - 10),
      ...Array.from({ length: 10 }, () => {
        const requestId = randomUUID();
        return {
          requestId,
          to: 'cancelled' as const,
          send: () => buyer.orders.cancel.mutate({ orderNumber, requestId, note: 'Changed my mind' }),
        };
      }),
    ],
  },
];

test.each(mixes)('$name: each valid change applied once, the rest refused with typed errors', async ({ build }) => {
  const buyer = await newBuyer(stack.apiUrl);
  const buyerId = (await buyer.auth.me.query())!.id;
  const orderNumber = await placeOrder(buyer, stack.db);
  const requests = build(orderNumber, buyer);
  expect(requests).toHaveLength(REQUESTS);

  const outcomes: Outcome[] = await Promise.all(
    requests.map((request) =>
      request.send().then(
        ({ order }) => ({ request, order }),
        (error: unknown) => {
          const data = errorDataOf(error);
          if (!data) throw error;
          return { request, refusal: { code: data.code, httpStatus: data.httpStatus, message: (error as Error).message } };
        },
      ),
    ),
  );

  const final = await queryOrder(stack.temporal, orderNumber);
  const path = final.timeline.map((entry) => entry.to);
  // A valid path of the model: each step allowed from the one before, for the role that made it.
  for (const [i, entry] of final.timeline.entries()) {
    if (i > 0)
      expect(
        checkTransition(path[i - 1]!, { to: entry.to, actor: entry.by, note: entry.note, carrier: 'LBC', trackingNumber: 'LBC-1' }),
      ).toBeNull();
  }
  expect(new Set(path).size).toBe(path.length);

  // Each applied change came from exactly one request ID; repeats of that ID got the same answer.
  const applied = outcomes.filter((outcome) => outcome.order);
  const appliedIds = new Set(applied.map((outcome) => outcome.request.requestId));
  expect(appliedIds.size).toBe(path.length - 1);
  expect([...appliedIds].map((id) => requests.find((request) => request.requestId === id)!.to).sort()).toEqual(path.slice(1).sort());
  for (const outcome of applied) expect(outcome.order!.timeline.map((entry) => entry.to)).toContain(outcome.request.to);
  expect(await acceptedUpdateCount(stack.temporal, orderNumber)).toBe(appliedIds.size);

  // Everything else is a typed refusal: a 409 or 403 with the model's message, never a 5xx.
  const refused = outcomes.filter((outcome) => outcome.refusal);
  expect(refused.length + applied.length).toBe(REQUESTS);
  for (const { request, refusal } of refused) {
    expect(appliedIds.has(request.requestId)).toBe(false);
    expect(['CONFLICT', 'FORBIDDEN']).toContain(refusal!.code);
    expect([409, 403]).toContain(refusal!.httpStatus);
    expect(refusal!.message).toMatch(/order|cancel/i);
  }

  const audit = await auditOrders(stack, buyerId, new Map([[orderNumber, path]]));
  recordFigures('conflicting updates', { ordersRun: 1, conflictingRequests: REQUESTS, ...audit });
  expectCleanAudit(audit);
});
