// The workflow's own parsing of the messages operators type by hand: what it accepts as is, and the
// sentence it refuses the rest with.
import { describe, expect, test } from 'vitest';
import { parseOrderInput, parseStatusChange } from '../../workflows/message-schemas';

const operator = { role: 'operator', name: 'ops@example.com' };

describe('status changes', () => {
  test('a well-formed change is accepted exactly as sent, blank optional text included', () => {
    const request = { to: 'shipped', actor: { ...operator, id: 'ops-1' }, note: '', carrier: 'LBC Express', trackingNumber: 'LBC-1' };
    expect(parseStatusChange(request)).toEqual({ ok: true, value: request });
  });

  test.each([
    ['null', null, 'A status change must be a JSON object.'],
    ['a bare string', 'confirmed', 'A status change must be a JSON object.'],
    ['an array', [{ to: 'confirmed', actor: operator }], 'A status change must be a JSON object.'],
    [
      'a typo in the status',
      { to: 'shiped', actor: operator },
      '"to" must be one of: pending, confirmed, processing, shipped, delivered, cancelled.',
    ],
    [
      'a typo in the role',
      { to: 'confirmed', actor: { role: 'Operator', name: 'ops' } },
      "The actor's role must be one of: buyer, seller, operator, system.",
    ],
    ['no actor', { to: 'confirmed' }, 'The actor must be a JSON object.'],
    ['no actor name', { to: 'confirmed', actor: { role: 'operator' } }, "The actor's name must be text."],
    ['a blank actor name', { to: 'confirmed', actor: { role: 'operator', name: '  ' } }, "The actor's name must not be empty."],
    ['an unknown field', { to: 'confirmed', actor: operator, notes: 'typo' }, 'A status change has unknown field: notes.'],
    ['an unknown actor field', { to: 'confirmed', actor: { ...operator, email: 'x' } }, 'The actor has unknown field: email.'],
    ['a number for the note', { to: 'confirmed', actor: operator, note: 42 }, 'The note must be text.'],
    ['null for the carrier', { to: 'shipped', actor: operator, carrier: null }, 'The carrier must be text.'],
    ['a long note', { to: 'confirmed', actor: operator, note: 'x'.repeat(501) }, 'The note must have at most 500 characters.'],
    [
      'a direction override in the note',
      { to: 'confirmed', actor: operator, note: 'late\u202edelivery' },
      'The note contains an invisible text-direction character',
    ],
  ])('%s is refused in words', (_name, raw, problem) => {
    const parsed = parseStatusChange(raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^The status change is malformed: /);
    expect(!parsed.ok && parsed.message).toContain(problem);
  });

  test('many unknown fields are named five at a time, each cut short, and the message stays small', () => {
    const raw = {
      to: 'confirmed',
      actor: operator,
      ...Object.fromEntries(Array.from({ length: 2000 }, (_, index) => [`field-${index}-${'k'.repeat(100)}`, index])),
    };
    const parsed = parseStatusChange(raw);
    expect(!parsed.ok && parsed.message).toContain('and 1995 more.');
    expect(!parsed.ok && parsed.message.length).toBeLessThanOrEqual(1001);
  });
});

describe('order input', () => {
  const input = {
    orderNumber: 'ORD-20261126-4F7K2Q',
    buyer: { id: 'b1', name: 'Maria\u0085 Santos' },
    store: { id: 's1', name: 'Fashion Store' },
    items: [{ productId: 'p1', name: 'Linen Shirt', unitPriceCentavos: 75_000, quantity: 2 }],
    subtotalCentavos: 150_000,
    shippingCentavos: 5_000,
    totalCentavos: 155_000,
    shipping: { name: 'Maria Santos', phone: '+63 917 555 0101', addressLine: '12 Mabini Street', city: 'Quezon City', postalCode: '1100' },
    placedAt: '2026-11-26T09:30:00.000Z',
    confirmWithinMs: 60_000,
  };

  test('an input as checkout builds it is accepted, a name written under older text rules included', () => {
    expect(parseOrderInput(input)).toEqual({ ok: true, value: input });
  });

  test('fields the order does not use are dropped', () => {
    expect(parseOrderInput({ ...input, extra: true })).toEqual({ ok: true, value: input });
  });

  test.each([
    ['not an object', 42, 'The order input must be a JSON object.'],
    ['no items', { ...input, items: [] }, 'An order needs at least one item.'],
    ['a fractional quantity', { ...input, items: [{ ...input.items[0], quantity: 1.5 }] }, 'The quantity must be a whole number.'],
    ['a negative total', { ...input, totalCentavos: -1 }, 'The total must not be negative.'],
    ['a local time', { ...input, placedAt: '2026-11-26 09:30' }, 'placedAt must be an ISO date-time.'],
    ['a deadline of years', { ...input, confirmWithinMs: 10 ** 15 }, 'confirmWithinMs must be at most 30 days.'],
    ['no shipping details', { ...input, shipping: 'Quezon City' }, 'The shipping details must be a JSON object.'],
  ])('%s is refused in words', (_name, raw, problem) => {
    const parsed = parseOrderInput(raw);
    expect(!parsed.ok && parsed.message).toMatch(/^The order input is malformed: /);
    expect(!parsed.ok && parsed.message).toContain(problem);
  });
});
