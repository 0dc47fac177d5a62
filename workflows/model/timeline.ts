// The first entry of every order's timeline: the buyer placing the order. The workflow starts its state
// with it and checkout writes it as the order's first event, so the two can never differ.
import type { OrderFacts, TimelineEntry } from './order-types';

export function placedEntry({ buyer, placedAt }: Pick<OrderFacts, 'buyer' | 'placedAt'>): TimelineEntry {
  return { seq: 0, from: null, to: 'pending', at: placedAt, by: { role: 'buyer', id: buyer.id, name: buyer.name } };
}
