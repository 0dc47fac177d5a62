// The in-memory state of one order workflow. Pure: it knows the rules from order-model and
// nothing of Temporal, so it can be unit-tested and replayed deterministically.
import {
  checkTransition,
  DEFAULT_CONFIRM_WITHIN_MS,
  type StatusChangeRequest,
  type TransitionRefusal,
  type TransitionRules,
} from './model/order-model';
import type { OrderInput, OrderView, RejectedChange, TimelineEntry, TrackingInfo } from './model/order-types';
import { placedEntry } from './model/timeline';

const MAX_REJECTED = 50;
const MAX_REJECTED_PAYLOAD_CHARS = 2000;

function boundedCopy(value: unknown): unknown {
  let json: string;
  try {
    json = JSON.stringify(value) ?? 'undefined';
  } catch {
    // Nested deeper than JSON.stringify can go: the payload itself cannot be kept.
    return 'The request could not be kept: it is nested too deeply.';
  }
  return json.length > MAX_REJECTED_PAYLOAD_CHARS ? `${json.slice(0, MAX_REJECTED_PAYLOAD_CHARS)}…` : value;
}

export class OrderState {
  readonly timeline: TimelineEntry[];
  readonly rejected: RejectedChange[] = [];
  tracking: TrackingInfo | null = null;

  /** `rules` are those the order started under; the workflow reads them from its patches. */
  constructor(
    readonly input: OrderInput,
    readonly rules: TransitionRules,
  ) {
    this.timeline = [placedEntry(input)];
  }

  get status() {
    return this.timeline[this.timeline.length - 1]!.to;
  }

  get confirmWithinMs(): number {
    return this.input.confirmWithinMs ?? DEFAULT_CONFIRM_WITHIN_MS;
  }

  check(request: StatusChangeRequest): TransitionRefusal | null {
    return checkTransition(this.status, request, this.rules);
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

  /**
   * Records a refused signal for operators to read. Only the latest MAX_REJECTED are kept, and a large
   * malformed payload is kept as the start of its JSON, so a flood of bad signals cannot bloat the state.
   */
  reject(request: unknown, refusal: TransitionRefusal, at: Date): void {
    this.rejected.push({ at: at.toISOString(), request: boundedCopy(request), type: refusal.type, message: refusal.message });
    if (this.rejected.length > MAX_REJECTED) this.rejected.splice(0, this.rejected.length - MAX_REJECTED);
  }

  view(): OrderView {
    const { orderNumber, buyer, store, items, subtotalCentavos, shippingCentavos, totalCentavos, shipping, placedAt } = this.input;
    const deadline = this.status === 'pending' ? { at: new Date(Date.parse(placedAt) + this.confirmWithinMs).toISOString() } : null;
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
