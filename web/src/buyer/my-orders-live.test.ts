import { expect, test } from 'vitest';
import { myOrdersPollInterval } from './my-orders-live';

const page = (...items: { status: 'pending' | 'shipped' | 'delivered' | 'cancelled'; closedNote?: string }[]) => ({
  items: items.map((item) => ({ status: item.status, closedNote: item.closedNote ?? null })),
});

test('My Orders polls while any listed order is open', () => {
  expect(myOrdersPollInterval([page({ status: 'delivered' }), page({ status: 'shipped' })], 30_000)).toBe(30_000);
  expect(myOrdersPollInterval(undefined, 1_000)).toBe(1_000);
});

test('My Orders stops polling once every order is delivered, cancelled or closed', () => {
  expect(
    myOrdersPollInterval(
      [page({ status: 'delivered' }, { status: 'cancelled' }, { status: 'pending', closedNote: 'Closed by an operator.' })],
      30_000,
    ),
  ).toBe(false);
  expect(myOrdersPollInterval([page()], 30_000)).toBe(false);
});
