// The one definition of an order's lifecycle: statuses, labels, buyer-facing messages,
// the transition table and who may make each transition. Pure code: the workflow, the API
// and the web app all import it, so nothing else may redefine these rules.

export const ORDER_STATUSES = ['pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The forward path shown by the buyer's progress tracker. */
export const PROGRESS_STEPS = ['pending', 'confirmed', 'processing', 'shipped', 'delivered'] as const satisfies readonly OrderStatus[];

export const ACTOR_ROLES = ['buyer', 'seller', 'operator', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** The actors who sign in with an account; the database's Role enum holds the same two. */
export const ACCOUNT_ROLES = ['buyer', 'seller'] as const satisfies readonly ActorRole[];
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface Actor {
  role: ActorRole;
  /** Account id for buyers and sellers; an operator's name or an integration's id otherwise. */
  id?: string;
  name: string;
}

/**
 * Label, buyer-facing message and status indicator of each status. The emoji only decorates the label:
 * screens show it beside the label and hide it from screen readers, so the label is what is read.
 */
export const STATUS_INFO: Record<OrderStatus, { label: string; buyerMessage: string; emoji: string }> = {
  pending: { label: 'Pending', buyerMessage: 'Your order has been placed and is waiting for the seller to confirm it.', emoji: '⏳' },
  confirmed: { label: 'Confirmed', buyerMessage: 'The seller has confirmed your order.', emoji: '✔️' },
  processing: { label: 'Processing', buyerMessage: 'The seller is preparing your order.', emoji: '🔄' },
  shipped: { label: 'Shipped', buyerMessage: 'Your order is on its way.', emoji: '📦' },
  delivered: { label: 'Delivered', buyerMessage: 'Your order has been delivered. Enjoy!', emoji: '✅' },
  cancelled: { label: 'Cancelled', buyerMessage: 'This order has been cancelled.', emoji: '❌' },
};

export function statusLabel(status: OrderStatus): string {
  return STATUS_INFO[status].label;
}

/** Delivered and cancelled: the statuses the transition table leads nowhere from. */
export function isTerminal(status: OrderStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/**
 * Allowed transitions and the roles that may make them. Operators act for the business and may make
 * any seller move; the system only cancels unconfirmed orders when their deadline passes. The buyer
 * confirms receipt of a shipped order ("Order received") only under the rules of `buyerConfirmsReceipt`.
 */
export const TRANSITIONS: Record<OrderStatus, Partial<Record<OrderStatus, readonly ActorRole[]>>> = {
  pending: { confirmed: ['seller', 'operator'], cancelled: ['seller', 'buyer', 'operator', 'system'] },
  confirmed: { processing: ['seller', 'operator'], cancelled: ['seller', 'buyer', 'operator'] },
  processing: { shipped: ['seller', 'operator'], cancelled: ['seller', 'operator'] },
  shipped: { delivered: ['seller', 'buyer', 'operator'] },
  delivered: {},
  cancelled: {},
};

/**
 * Rules that changed while orders were running. An order keeps the rules it started under, so its
 * workflow passes its own; everything else (the API, the web app) uses CURRENT_RULES.
 */
export interface TransitionRules {
  /** The buyer may move a shipped order to delivered ("Order received"). Orders started before this rule cannot. */
  buyerConfirmsReceipt: boolean;
}

export const CURRENT_RULES: TransitionRules = { buyerConfirmsReceipt: true };

/** The roles that may move an order from `from` to `to` under `rules`, or undefined if no one may. */
export function allowedRoles(from: OrderStatus, to: OrderStatus, rules: TransitionRules = CURRENT_RULES): readonly ActorRole[] | undefined {
  const roles = TRANSITIONS[from][to];
  if (roles && from === 'shipped' && to === 'delivered' && !rules.buyerConfirmsReceipt) return roles.filter((role) => role !== 'buyer');
  return roles;
}

/** The statuses `role` may move an order in `from` to, in lifecycle order. */
export function nextStatuses(from: OrderStatus, role: ActorRole, rules: TransitionRules = CURRENT_RULES): OrderStatus[] {
  return ORDER_STATUSES.filter((to) => allowedRoles(from, to, rules)?.includes(role));
}

export interface StatusChangeRequest {
  to: OrderStatus;
  actor: Actor;
  /** Free text for the timeline; required as the reason when a seller or operator cancels. */
  note?: string;
  carrier?: string;
  trackingNumber?: string;
}

export const TRANSITION_ERROR_TYPES = [
  'OrderClosed',
  'InvalidTransition',
  'NotAllowedForActor',
  'MissingTrackingInfo',
  'MissingCancelReason',
  'MalformedRequest',
] as const;
export type TransitionErrorType = (typeof TRANSITION_ERROR_TYPES)[number];

export interface TransitionRefusal {
  type: TransitionErrorType;
  message: string;
}

const ROLE_NOUN: Record<ActorRole, string> = { buyer: 'a buyer', seller: 'the seller', operator: 'an operator', system: 'the system' };

/**
 * Checks a requested change against the table. Returns null when it is allowed, or a refusal whose
 * message is written for the seller or buyer who asked.
 */
export function checkTransition(
  from: OrderStatus,
  request: StatusChangeRequest,
  rules: TransitionRules = CURRENT_RULES,
): TransitionRefusal | null {
  const { to, actor } = request;
  if (isTerminal(from)) {
    return { type: 'OrderClosed', message: `This order is already ${statusLabel(from).toLowerCase()} and can no longer change.` };
  }
  const roles = allowedRoles(from, to, rules);
  if (!roles) {
    if (to === from) {
      return { type: 'InvalidTransition', message: `This order is already ${statusLabel(from).toLowerCase()}.` };
    }
    const options = nextStatuses(from, actor.role, rules).map(statusLabel);
    const hint = options.length ? ` From ${statusLabel(from)} it can move to: ${options.join(', ')}.` : '';
    return {
      type: 'InvalidTransition',
      message: `An order cannot go from ${statusLabel(from)} to ${statusLabel(to)}.${hint}`,
    };
  }
  if (!roles.includes(actor.role)) {
    const why =
      actor.role === 'buyer' && to === 'cancelled'
        ? `You can cancel an order only while it is pending or confirmed; this one is ${statusLabel(from).toLowerCase()}.`
        : actor.role === 'buyer' && to === 'delivered' && from === 'shipped'
          ? 'This order was placed before buyers could confirm receipt, so the seller marks it delivered.'
          : `${capitalise(ROLE_NOUN[actor.role])} cannot move an order from ${statusLabel(from)} to ${statusLabel(to)}.`;
    return { type: 'NotAllowedForActor', message: why };
  }
  if (to === 'shipped' && (!request.carrier?.trim() || !request.trackingNumber?.trim())) {
    return { type: 'MissingTrackingInfo', message: 'Enter the carrier and the tracking number to mark the order as shipped.' };
  }
  if (to === 'cancelled' && (actor.role === 'seller' || actor.role === 'operator') && !request.note?.trim()) {
    return { type: 'MissingCancelReason', message: 'Give the buyer a reason for cancelling the order.' };
  }
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Default time a seller has to confirm a pending order before it is cancelled automatically. */
export const DEFAULT_CONFIRM_WITHIN_MS = 48 * 60 * 60 * 1000;

export function autoCancelReason(confirmWithinMs: number): string {
  return `Cancelled automatically: the seller did not confirm the order within ${formatDuration(confirmWithinMs)}.`;
}

function formatDuration(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 1 && Number.isInteger(hours)) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const minutes = ms / 60_000;
  if (minutes >= 1 && Number.isInteger(minutes)) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const seconds = Math.round(ms / 1000);
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
