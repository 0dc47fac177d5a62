// Dates arrive from the API as ISO strings (tRPC sends JSON without a transformer).
const dateTimeFormat = new Intl.DateTimeFormat('en-PH', { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en-PH', { dateStyle: 'medium' });
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

export type DateInput = Date | string;

export function formatDateTime(value: DateInput): string {
  return dateTimeFormat.format(new Date(value));
}

export function formatDate(value: DateInput): string {
  return dateFormat.format(new Date(value));
}

export function isoString(value: DateInput): string {
  return new Date(value).toISOString();
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "just now", "12 seconds ago", "3 minutes ago"… */
export function timeAgo(thenMs: number, nowMs: number): string {
  const elapsed = Math.max(0, nowMs - thenMs);
  if (elapsed < 5_000) return 'just now';
  const [unit, size] = UNITS.find(([, ms]) => elapsed >= ms)!;
  return relativeFormat.format(-Math.floor(elapsed / size), unit);
}
