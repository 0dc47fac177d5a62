// "New" marks: orders placed since the seller last looked at the list. The time of the newest order seen
// is kept per store in localStorage; on a first visit nothing is new, and orders that arrive while the
// list is open stay marked until the seller comes back to it.
import { type Accessor, createEffect, createSignal, onCleanup } from 'solid-js';

const key = (storeId: string) => `seller-orders-seen:${storeId}`;

function readSeen(storeId: string): number | undefined {
  try {
    const value = Number(localStorage.getItem(key(storeId)));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function useNewOrderMarks(storeId: Accessor<string | undefined>, placedTimes: Accessor<readonly string[] | undefined>) {
  const [baseline, setBaseline] = createSignal<number | undefined>();
  let newestSeen = 0;
  createEffect(() => {
    const store = storeId();
    const times = placedTimes();
    if (!store || !times) return;
    const newest = Math.max(0, ...times.map((time) => Date.parse(time)));
    if (baseline() === undefined) setBaseline(readSeen(store) ?? newest);
    newestSeen = Math.max(newestSeen, newest);
  });
  const remember = () => {
    const store = storeId();
    if (!store || !newestSeen) return;
    try {
      localStorage.setItem(key(store), String(Math.max(newestSeen, readSeen(store) ?? 0)));
    } catch {
      // Private mode without storage: the marks then last for this visit only.
    }
  };
  window.addEventListener('pagehide', remember);
  onCleanup(() => {
    window.removeEventListener('pagehide', remember);
    remember();
  });
  return (placedAt: string) => {
    const since = baseline();
    return since !== undefined && Date.parse(placedAt) > since;
  };
}
