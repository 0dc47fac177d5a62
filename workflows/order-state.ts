// The in-memory state of one order workflow. Pure: it knows the rules from order-model and
// nothing of Temporal, so it can be unit-tested and replayed deterministically.
import {
  checkTransition,
  DEFAULT_CONFIRM_WITHIN_MS,
  type StatusChangeRequest,
  type TransitionRefusal,
} from './order-model';
import type { OrderInput, OrderView, RejectedChange, TimelineEntry, TrackingInfo } from './order-types';

export class OrderState {
  readonly timeline: TimelineEntry[];
  readonly rejected: RejectedChange[] = [];
  tracking: TrackingInfo | null = null;

  constructor(readonly input: OrderInput) {
    this.timeline = [
      { seq: 0, from: null, to: 'pending', at: input.placedAt, by: { role: 'buyer', id: input.buyer.id, name: input.buyer.name } },
    ];
  }

  get status() {
    return this.timeline[this.timeline.length - 1]!.to;
  }

  get confirmWithinMs(): number {
    return this.input.confirmWithinMs ?? DEFAULT_CONFIRM_WITHIN_MS;
  }

  check(request: StatusChangeRequest): TransitionRefusal | null {
    return checkTransition(this.status, request);
  }

  /** Records an allowed change and returns its timeline entry. The caller must have checked it. */
  apply(request: StatusChangeRequest, at: Date): TimelineEntry {
    const entry: TimelineEntry = {
      seq: this.timeline.length,
      from: this.status,
      to: request.to,
      at: at.toISOString(),
      by: request.actor,
      ...(request.note?.trim() ? { note: request.note.trim() } : {}),
    };
    if (request.to === 'shipped') {
      this.tracking = { carrier: request.carrier!.trim(), trackingNumber: request.trackingNumber!.trim() };
    }
    this.timeline.push(entry);
    return entry;
  }

  reject(request: StatusChangeRequest, refusal: TransitionRefusal, at: Date): void {
    this.rejected.push({ at: at.toISOString(), request, type: refusal.type, message: refusal.message });
  }

  view(): OrderView {
    const { orderNumber, buyer, store, items, subtotalCentavos, shippingCentavos, totalCentavos, shipping, placedAt } = this.input;
    const deadline =
      this.status === 'pending'
        ? { status: this.status, at: new Date(Date.parse(placedAt) + this.confirmWithinMs).toISOString() }
        : null;
    return {
      orderNumber,
      status: this.status,
      buyer,
      store,
      items,
      subtotalCentavos,
      shippingCentavos,
      totalCentavos,
      shipping,
      placedAt,
      timeline: [...this.timeline],
      tracking: this.tracking,
      deadline,
      rejected: [...this.rejected],
    };
  }
}
