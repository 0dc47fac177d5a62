import { describe, expect, test } from 'vitest';
import {
  type Actor,
  allowedRoles,
  autoCancelReason,
  CURRENT_RULES,
  checkTransition,
  isTerminal,
  nextStatuses,
  ORDER_STATUSES,
  PROGRESS_STEPS,
  STATUS_INFO,
  TRANSITIONS,
} from '../../workflows/model/order-model';
import type { OrderInput } from '../../workflows/model/order-types';
import { OrderState } from '../../workflows/order-state';

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

  test('a buyer may only cancel while pending or confirmed, and confirm receipt of a shipped order', () => {
    expect(ORDER_STATUSES.filter((status) => nextStatuses(status, 'buyer').length > 0)).toEqual(['pending', 'confirmed', 'shipped']);
    expect(nextStatuses('pending', 'buyer')).toEqual(['cancelled']);
    expect(nextStatuses('confirmed', 'buyer')).toEqual(['cancelled']);
    expect(nextStatuses('shipped', 'buyer')).toEqual(['delivered']);
  });

  test('under the rules of orders started before "Order received", a buyer cannot confirm receipt', () => {
    const before = { buyerConfirmsReceipt: false };
    expect(ORDER_STATUSES.filter((status) => nextStatuses(status, 'buyer', before).length > 0)).toEqual(['pending', 'confirmed']);
    expect(allowedRoles('shipped', 'delivered', before)).toEqual(['seller', 'operator']);
    expect(allowedRoles('shipped', 'delivered', CURRENT_RULES)).toEqual(['seller', 'buyer', 'operator']);
    // Every other transition is the same under both rules.
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        if (from === 'shipped' && to === 'delivered') continue;
        expect(allowedRoles(from, to, before), `${from} → ${to}`).toEqual(allowedRoles(from, to, CURRENT_RULES));
      }
    }
  });

  test('the system may only cancel a pending order', () => {
    expect(ORDER_STATUSES.flatMap((from) => nextStatuses(from, 'system').map((to) => `${from}→${to}`))).toEqual(['pending→cancelled']);
  });

  test('delivered and cancelled are terminal and lead nowhere', () => {
    expect(ORDER_STATUSES.filter(isTerminal)).toEqual(['delivered', 'cancelled']);
    for (const status of ['delivered', 'cancelled'] as const) expect(Object.keys(TRANSITIONS[status])).toEqual([]);
  });

  test('every status has a label, a buyer message and its own emoji', () => {
    for (const status of ORDER_STATUSES) {
      expect(STATUS_INFO[status].label.length).toBeGreaterThan(3);
      expect(STATUS_INFO[status].buyerMessage).toMatch(/[.!]$/);
      expect(STATUS_INFO[status].emoji).toMatch(/^\p{Extended_Pictographic}\uFE0F?$/u);
    }
    expect(PROGRESS_STEPS.map((status) => STATUS_INFO[status].emoji).join(' ')).toBe('⏳ ✔️ 🔄 📦 ✅');
    expect(new Set(ORDER_STATUSES.map((status) => STATUS_INFO[status].emoji)).size).toBe(ORDER_STATUSES.length);
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

  test('lets the buyer confirm receipt of a shipped order, and explains the refusal under the old rules', () => {
    expect(checkTransition('shipped', { to: 'delivered', actor: buyer })).toBeNull();
    expect(checkTransition('shipped', { to: 'delivered', actor: buyer }, { buyerConfirmsReceipt: false })).toEqual({
      type: 'NotAllowedForActor',
      message: 'This order was placed before buyers could confirm receipt, so the seller marks it delivered.',
    });
    expect(checkTransition('shipped', { to: 'delivered', actor: seller }, { buyerConfirmsReceipt: false })).toBeNull();
    expect(checkTransition('processing', { to: 'delivered', actor: buyer })?.type).toBe('InvalidTransition');
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
    const view = new OrderState(input, CURRENT_RULES).view();
    expect(view.status).toBe('pending');
    expect(view.timeline).toEqual([
      { seq: 0, from: null, to: 'pending', at: input.placedAt, by: { role: 'buyer', id: 'b1', name: 'Buyer' } },
    ]);
    expect(view.deadline).toEqual({ at: '2026-11-26T00:01:00.000Z' });
  });

  test('applies changes in sequence, keeps tracking, and records rejected ones', () => {
    const order = new OrderState(input, CURRENT_RULES);
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
    expect(view.rejected).toEqual([
      { at: at.toISOString(), request: { to: 'pending', actor: seller }, type: 'InvalidTransition', message: refusal.message },
    ]);
  });

  test('checks with the rules the order started under', () => {
    const shipped = (rules: { buyerConfirmsReceipt: boolean }) => {
      const order = new OrderState(input, rules);
      const at = new Date('2026-11-26T01:00:00.000Z');
      order.apply({ to: 'confirmed', actor: seller }, at);
      order.apply({ to: 'processing', actor: seller }, at);
      order.apply({ to: 'shipped', actor: seller, carrier: 'LBC', trackingNumber: 'T-1' }, at);
      return order;
    };
    expect(shipped({ buyerConfirmsReceipt: true }).check({ to: 'delivered', actor: buyer })).toBeNull();
    expect(shipped({ buyerConfirmsReceipt: false }).check({ to: 'delivered', actor: buyer })?.type).toBe('NotAllowedForActor');
  });
});
