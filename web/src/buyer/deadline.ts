// The seller's confirmation deadline of a pending order, in words: "Sat 28 Nov, 9:53 PM".
/** The deadline's format, in the browser's time zone unless `timeZone` names another (tests pin one). */
function deadlineFormat(timeZone?: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-PH', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    ...(timeZone ? { timeZone } : {}),
  });
}

const inBrowserZone = deadlineFormat();

export function formatDeadline(value: Date | string, timeZone?: string): string {
  const format = timeZone ? deadlineFormat(timeZone) : inBrowserZone;
  const part = Object.fromEntries(format.formatToParts(new Date(value)).map(({ type, value: text }) => [type, text]));
  return `${part.weekday} ${part.day} ${part.month}, ${part.hour}:${part.minute} ${part.dayPeriod?.toUpperCase()}`;
}

/** "If Fashion Store has not confirmed by Sat 28 Nov, 9:53 PM, the order is cancelled automatically." */
export function deadlineSentence(storeName: string, at: Date | string, timeZone?: string): string {
  return `If ${storeName} has not confirmed by ${formatDeadline(at, timeZone)}, the order is cancelled automatically.`;
}
