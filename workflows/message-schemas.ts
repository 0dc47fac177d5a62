// The schemas of everything that enters an order workflow: its start input and each status-change
// message. The workflow parses every message with them, because operators type these payloads by hand in
// the Temporal UI and CLI; a malformed one must be refused in words, never crash the workflow.
//
// They are written out rather than built with zod: every workflow the worker keeps in its cache loads the
// workflow's modules anew, and zod with these schemas cost about half a MiB per cached workflow.
import { ACTOR_ROLES, type Actor, type ActorRole, ORDER_STATUSES, type OrderStatus, type StatusChangeRequest } from './model/order-model';
import type { OrderInput, OrderLine, ShippingDetails } from './model/order-types';
import { textProblem, textProblemMessage } from './model/text';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** What one parse found wrong, in the order found; each a sentence for the operator. */
type Problems = string[];

const MAX_MESSAGE_CHARS = 1000;
/** At most this many unknown fields are named, each cut short, so a refusal stays small in the state. */
const MAX_NAMED_KEYS = 5;
const MAX_KEY_CHARS = 40;
const MAX_CONFIRM_WITHIN_MS = 30 * 24 * 3_600_000;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const list = (values: readonly string[]) => values.join(', ');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One sentence that names every problem, cut short if long. */
function malformed<T>(what: string, problems: Problems): Parsed<T> {
  const message = `${what} is malformed: ${[...new Set(problems)].join(' ')}`;
  return { ok: false, message: message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message };
}

/** Unknown fields are refused by name, so a typo such as "notes" is not silently dropped. */
function refuseUnknownFields(record: Record<string, unknown>, known: readonly string[], what: string, problems: Problems): void {
  const unknown = Object.keys(record).filter((key) => !known.includes(key));
  if (!unknown.length) return;
  const named = unknown.slice(0, MAX_NAMED_KEYS).map((key) => (key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…` : key));
  const more = unknown.length > MAX_NAMED_KEYS ? ` and ${unknown.length - MAX_NAMED_KEYS} more` : '';
  problems.push(`${what} has unknown field${unknown.length > 1 ? 's' : ''}: ${named.join(', ')}${more}.`);
}

interface TextRule {
  max: number;
  /** Blank text is refused (names). Optional free text may be blank, so the model can name what is missing. */
  nonBlank?: boolean;
  /**
   * Text an operator or seller types for the buyer to read follows the shared rules of workflows/model/text.ts.
   * Names are only checked for type and length: they were checked when their account, store or product
   * was created, under rules that have since grown stricter.
   */
  typed?: boolean;
}

function readText(value: unknown, field: string, rule: TextRule, problems: Problems): string {
  if (typeof value !== 'string') {
    problems.push(`${field} must be text.`);
    return '';
  }
  if (value.length > rule.max) problems.push(`${field} must have at most ${rule.max} characters.`);
  if (rule.nonBlank && !value.trim()) problems.push(`${field} must not be empty.`);
  const problem = rule.typed ? textProblem(value) : null;
  if (problem) problems.push(textProblemMessage(field, problem));
  return value;
}

function readOptionalText(value: unknown, field: string, rule: TextRule, problems: Problems): string | undefined {
  return value === undefined ? undefined : readText(value, field, rule, problems);
}

function readCount(value: unknown, field: string, problems: Problems): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${field} must be a number.`);
    return 0;
  }
  if (!Number.isInteger(value)) problems.push(`${field} must be a whole number.`);
  if (value < 0) problems.push(`${field} must not be negative.`);
  return value;
}

function readRecord(value: unknown, what: string, problems: Problems): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  problems.push(`${what} must be a JSON object.`);
  return undefined;
}

function readActor(value: unknown, problems: Problems): Actor {
  const actor = readRecord(value, 'The actor', problems);
  if (!actor) return { role: 'operator', name: '' };
  refuseUnknownFields(actor, ['role', 'id', 'name'], 'The actor', problems);
  if (!ACTOR_ROLES.includes(actor.role as ActorRole)) problems.push(`The actor's role must be one of: ${list(ACTOR_ROLES)}.`);
  const id = readOptionalText(actor.id, "The actor's id", { max: 200 }, problems);
  // A seller's name is sent as "<person> (<store>)".
  const name = readText(actor.name, "The actor's name", { max: 400, nonBlank: true }, problems);
  return { role: actor.role as ActorRole, ...(id === undefined ? {} : { id }), name };
}

/** A status change from a seller, buyer, operator or integration (update `setStatus`, signal `requestStatus`). */
export function parseStatusChange(raw: unknown): Parsed<StatusChangeRequest> {
  const problems: Problems = [];
  const what = 'A status change';
  const request = readRecord(raw, what, problems);
  if (!request) return malformed('The status change', problems);
  refuseUnknownFields(request, ['to', 'actor', 'note', 'carrier', 'trackingNumber'], what, problems);
  if (!ORDER_STATUSES.includes(request.to as OrderStatus)) problems.push(`"to" must be one of: ${list(ORDER_STATUSES)}.`);
  const actor = readActor(request.actor, problems);
  const note = readOptionalText(request.note, 'The note', { max: 500, typed: true }, problems);
  const carrier = readOptionalText(request.carrier, 'The carrier', { max: 60, typed: true }, problems);
  const trackingNumber = readOptionalText(request.trackingNumber, 'The tracking number', { max: 40, typed: true }, problems);
  if (problems.length) return malformed('The status change', problems);
  return {
    ok: true,
    value: {
      to: request.to as OrderStatus,
      actor,
      ...(note === undefined ? {} : { note }),
      ...(carrier === undefined ? {} : { carrier }),
      ...(trackingNumber === undefined ? {} : { trackingNumber }),
    },
  };
}

function readParty(value: unknown, party: 'buyer' | 'store', problems: Problems): { id: string; name: string } {
  const record = readRecord(value, `The ${party}`, problems);
  if (!record) return { id: '', name: '' };
  return {
    id: readText(record.id, `The ${party}'s id`, { max: 100, nonBlank: true }, problems),
    name: readText(record.name, `The ${party}'s name`, { max: 200, nonBlank: true }, problems),
  };
}

function readItems(value: unknown, problems: Problems): OrderLine[] {
  if (!Array.isArray(value)) {
    problems.push('The items must be a list.');
    return [];
  }
  if (!value.length) problems.push('An order needs at least one item.');
  return value.map((raw) => {
    const item = readRecord(raw, 'Each item', problems) ?? {};
    return {
      productId: readText(item.productId, 'The product id', { max: 100, nonBlank: true }, problems),
      name: readText(item.name, 'The product name', { max: 200, nonBlank: true }, problems),
      unitPriceCentavos: readCount(item.unitPriceCentavos, 'The unit price', problems),
      quantity: readCount(item.quantity, 'The quantity', problems),
    };
  });
}

function readShipping(value: unknown, problems: Problems): ShippingDetails {
  const shipping = readRecord(value, 'The shipping details', problems) ?? {};
  const field = (key: keyof ShippingDetails, label: string, max: number) =>
    readText(shipping[key], label, { max, nonBlank: true }, problems);
  return {
    name: field('name', 'The name', 200),
    phone: field('phone', 'The phone', 40),
    addressLine: field('addressLine', 'The address', 300),
    city: field('city', 'The city', 200),
    postalCode: field('postalCode', 'The postal code', 20),
  };
}

/** The workflow's start input, as checkout (or the reconciler) builds it from the order rows. */
export function parseOrderInput(raw: unknown): Parsed<OrderInput> {
  const problems: Problems = [];
  const input = readRecord(raw, 'The order input', problems);
  if (!input) return malformed('The order input', problems);
  const orderNumber = readText(input.orderNumber, 'The order number', { max: 40, nonBlank: true }, problems);
  const buyer = readParty(input.buyer, 'buyer', problems);
  const store = readParty(input.store, 'store', problems);
  const items = readItems(input.items, problems);
  const subtotalCentavos = readCount(input.subtotalCentavos, 'The subtotal', problems);
  const shippingCentavos = readCount(input.shippingCentavos, 'The shipping fee', problems);
  const totalCentavos = readCount(input.totalCentavos, 'The total', problems);
  const shipping = readShipping(input.shipping, problems);
  const placedAt =
    typeof input.placedAt === 'string' && ISO_DATE_TIME.test(input.placedAt) && !Number.isNaN(Date.parse(input.placedAt))
      ? input.placedAt
      : undefined;
  if (!placedAt) problems.push('placedAt must be an ISO date-time.');
  let confirmWithinMs: number | undefined;
  if (input.confirmWithinMs !== undefined) {
    confirmWithinMs = readCount(input.confirmWithinMs, 'confirmWithinMs', problems);
    if (confirmWithinMs < 1) problems.push('confirmWithinMs must be positive.');
    if (confirmWithinMs > MAX_CONFIRM_WITHIN_MS) problems.push('confirmWithinMs must be at most 30 days.');
  }
  if (problems.length) return malformed('The order input', problems);
  return {
    ok: true,
    value: {
      orderNumber,
      buyer,
      store,
      items,
      subtotalCentavos,
      shippingCentavos,
      totalCentavos,
      shipping,
      placedAt: placedAt!,
      ...(confirmWithinMs === undefined ? {} : { confirmWithinMs }),
    },
  };
}
