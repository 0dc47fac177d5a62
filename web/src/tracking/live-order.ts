// Live order status by polling. The interval comes from the server's configuration (30 s by default);
// polling pauses while the tab is hidden, catches up when the window regains focus, and stops once the
// order can no longer change (delivered, cancelled, or closed outside its lifecycle).

import { type QueryKey, useQuery } from '@tanstack/solid-query';
import { createMemo, untrack } from 'solid-js';
import { isTerminal, type OrderStatus } from '../../../workflows/model/order-model';
import { configQuery } from '../api/queries';

const DEFAULT_POLL_INTERVAL_MS = 30_000;

/** The polling interval the server configured (TRACKING_POLL_INTERVAL). */
export function usePollIntervalMs(): () => number {
  const config = useQuery(configQuery);
  return () => config.data?.trackingPollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
}

export function pollInterval(status: OrderStatus | undefined, intervalMs: number, closed = false): number | false {
  return closed || (status && isTerminal(status)) ? false : intervalMs;
}

/** What polling needs to know of an order. */
interface PolledOrder {
  status: OrderStatus;
  closedNote: string | null;
}

type OrderQueryState<T> = { state: { data: T | undefined } };

export interface LiveOrder<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly dataUpdatedAt: number;
}

export function useLiveOrder<T extends { order: PolledOrder }>(
  options: () => { queryKey: QueryKey; queryFn: () => Promise<T> },
): LiveOrder<T> {
  const intervalMs = usePollIntervalMs();
  const query = useQuery(() => {
    const everyMs = intervalMs();
    const interval = (query: OrderQueryState<T>) => {
      const order = query.state.data?.order;
      return pollInterval(order?.status, everyMs, order?.closedNote != null);
    };
    return {
      ...options(),
      staleTime: 0,
      // Merge each poll into the previous data (timeline entries matched by seq), so unchanged parts of
      // the page keep their DOM nodes instead of being rebuilt every interval.
      reconcile: 'seq',
      refetchInterval: interval,
      // Hidden tabs do not poll; they refetch when the window is focused again, unless the order is closed.
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: (query: OrderQueryState<T>) => interval(query) !== false,
    };
  });
  // solid-query serves `data` through a Solid resource. Read inside the layout's Suspense boundary while
  // that resource settles (right after mount, when the order is already cached, e.g. on the way from the
  // confirmation page), the read keeps suspending the boundary on every later poll, so the page would be
  // taken out of the document and put back each interval, losing focus and an open dialog. Only the
  // first load suspends; after that, data is read untracked and followed through dataUpdatedAt (nested
  // fields stay reactive: the cached order is a store).
  const data = createMemo(() => {
    if (query.isPending) return query.data;
    void query.dataUpdatedAt;
    return untrack(() => query.data);
  });
  return {
    get data() {
      return data();
    },
    get error() {
      return query.error;
    },
    get dataUpdatedAt() {
      return query.dataUpdatedAt;
    },
  };
}
