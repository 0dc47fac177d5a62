import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** The current time in ms, refreshed every `everyMs` while the calling component is mounted. */
export function useNow(everyMs = 1_000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), everyMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
