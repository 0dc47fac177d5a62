import { describe, expect, test } from 'vitest';
import {
  autoCancelReason,
  checkTransition,
  isTerminal,
  nextStatuses,
  ORDER_STATUSES,
  PROGRESS_STEPS,
  STATUS_INFO,
  TRANSITIONS,
  type Actor,
} from '../../workflows/order-model';
import { OrderState } from '../../workflows/order-state';
import type { OrderInput } from '../../workflows/order-types';

const seller: Actor = { role: 'seller', id: 's1', name: 'Seller' };
const buyer: Actor = { role: 'buyer', id: 'b1', name: 'Buyer' };

describe('the transition table', () => {
  test('the forward path moves one step at a time', () => {
    for (let i = 0; i < PROGRESS_STEPS.length - 1; i++) {
      const forward = nextStatuses(PROGRESS_STEPS[i]!, 'seller').filter((status) => status !== 'cancelled');
      expect(forward).toEqual([PROGRESS_STEPS[i + 1]]);
    }
  });

  test('cancelling is possible before shipping, and never after', () => {
    const cancellable = ORDER_STATUSES.filter((status) => TRANSITIONS[status].cancelled);
    expect(cancellable).toEqual(['pending', 'confirmed', 'processing']);
  });

  test('a buyer may only cancel while pending or confirmed', () => {
    expect(ORDER_STATUSES.filter((status) => nextStatuses(status, 'buyer').length > 0)).toEqual(['pending', 'confirmed']);
    expect(nextStatuses('pending', 'buyer')).toEqual(['cancelled']);
  });

  test('the system may only cancel a pending order', () => {
    expect(ORDER_STATUSES.flatMap((from) => nextStatuses(from, 'system').map((to) => `${from}→${to}`))).toEqual(['pending→cancelled']);
  });

  test('delivered and cancelled are terminal and lead nowhere', () => {
    expect(ORDER_STATUSES.filter(isTerminal)).toEqual(['delivered', 'cancelled']);
    for (const status of ['delivered', 'cancelled'] as const) expect(Object.keys(TRANSITIONS[status])).toEqual([]);
  });

  test('every status has a label and a buyer message', () => {
    for (const status of ORDER_STATUSES) {
      expect(STATUS_INFO[status].label.length).toBeGreaterThan(3);
      expect(STATUS_INFO[status].buyerMessage).toMatch(/[.!]$/);
    }
  });
});

describe('checkTransition', () => {
  test('allows a valid step', () => {
    expect(checkTransition('pending', { to: 'confirmed', actor: seller })).toBeNull();
  });

  test('explains an invalid step with the options that remain', () => {
    expect(checkTransition('pending', { to: 'delivered', actor: seller })).toEqual({
      type: 'InvalidTransition',
      message: 'An order cannot go from Pending to Delivered. From Pending it can move to: Confirmed, Cancelled.',
    });
    expect(checkTransition('confirmed', { to: 'confirmed', actor: seller })?.message).toBe('This order is already confirmed.');
  });

  test('tells a buyer why a late cancel is refused', () => {
    expect(checkTransition('processing', { to: 'cancelled', actor: buyer })).toEqual({
      type: 'NotAllowedForActor',
      message: 'You can cancel an order only while it is pending or confirmed; this one is processing.',
    });
  });

  test('refuses changes to a closed order', () => {
    expect(checkTransition('delivered', { to: 'cancelled', actor: seller, note: 'x' })?.type).toBe('OrderClosed');
  });

  test('requires tracking info to ship and a reason for a seller cancel, but not for a buyer cancel', () => {
    expect(checkTransition('processing', { to: 'shipped', actor: seller, carrier: 'LBC' })?.type).toBe('MissingTrackingInfo');
    expect(checkTransition('processing', { to: 'shipped', actor: seller, carrier: 'LBC', trackingNumber: 'T-1' })).toBeNull();
    expect(checkTransition('pending', { to: 'cancelled', actor: seller, note: ' ' })?.type).toBe('MissingCancelReason');
    expect(checkTransition('pending', { to: 'cancelled', actor: buyer })).toBeNull();
  });

  test('the auto-cancel reason states the deadline', () => {
    expect(autoCancelReason(48 * 3_600_000)).toBe('Cancelled automatically: the seller did not confirm the order within 48 hours.');
    expect(autoCancelReason(2000)).toContain('2 seconds');
  });
});

describe('OrderState', () => {
  const input: OrderInput = {
    orderNumber: 'ORD-20261126-4F7K2Q',
    buyer: { id: 'b1', name: 'Buyer' },
    store: { id: 'st1', name: 'Store' },
    items: [{ productId: 'p1', name: 'Tee', unitPriceCentavos: 49_900, quantity: 2 }],
    subtotalCentavos: 99_800,
    shippingCentavos: 5_000,
    totalCentavos: 104_800,
    shipping: { name: 'Buyer', phone: '0917', addressLine: 'Street', city: 'City', postalCode: '1100' },
    placedAt: '2026-11-26T00:00:00.000Z',
    confirmWithinMs: 60_000,
  };

  test('starts pending with the placing entry and a confirm deadline', () => {
    const view = new OrderState(input).view();
    expect(view.status).toBe('pending');
    expect(view.timeline).toEqual([{ seq: 0, from: null, to: 'pending', at: input.placedAt, by: { role: 'buyer', id: 'b1', name: 'Buyer' } }]);
    expect(view.deadline).toEqual({ status: 'pending', at: '2026-11-26T00:01:00.000Z' });
  });

  test('applies changes in sequence, keeps tracking, and records rejected ones', () => {
    const order = new OrderState(input);
    const at = new Date('2026-11-26T01:00:00.000Z');
    order.apply({ to: 'confirmed', actor: seller }, at);
    order.apply({ to: 'processing', actor: seller, note: '  packing  ' }, at);
    order.apply({ to: 'shipped', actor: seller, carrier: ' LBC ', trackingNumber: ' T-1 ' }, at);
    const refusal = order.check({ to: 'pending', actor: seller })!;
    order.reject({ to: 'pending', actor: seller }, refusal, at);
    const view = order.view();
    expect(view.timeline.map((entry) => [entry.seq, entry.from, entry.to])).toEqual([
      [0, null, 'pending'],
      [1, 'pending', 'confirmed'],
      [2, 'confirmed', 'processing'],
      [3, 'processing', 'shipped'],
    ]);
    expect(view.timeline[2]!.note).toBe('packing');
    expect(view.tracking).toEqual({ carrier: 'LBC', trackingNumber: 'T-1' });
    expect(view.deadline).toBeNull();
    expect(view.rejected).toEqual([{ at: at.toISOString(), request: { to: 'pending', actor: seller }, type: 'InvalidTransition', message: refusal.message }]);
  });
});
