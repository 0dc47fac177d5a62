// The time a seller has left to confirm a pending order before it is cancelled automatically.

/** Under this, the deadline is highlighted. */
const URGENT_MS = 6 * 3_600_000;

export interface TimeLeft {
  text: string;
  urgent: boolean;
}

/** "Confirm within 5 h", "Confirm within 40 min", or "Confirm now: the time is up". */
export function timeLeftToConfirm(confirmBy: string, nowMs: number): TimeLeft {
  const left = Date.parse(confirmBy) - nowMs;
  if (left <= 0) return { text: 'Confirm now: the time is up', urgent: true };
  const text =
    left >= 3_600_000 ? `Confirm within ${Math.floor(left / 3_600_000)} h` : `Confirm within ${Math.max(1, Math.ceil(left / 60_000))} min`;
  return { text, urgent: left < URGENT_MS };
}
