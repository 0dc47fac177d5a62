// Live order status by polling. The interval comes from the server's configuration (30 s by default);
// polling pauses while the tab is hidden, catches up when the window regains focus, and stops once the
// order can no longer change.
import { useQuery, type QueryKey } from '@tanstack/solid-query';
import { isTerminal, type OrderStatus } from '../../../workflows/order-model';
import type { OrderView } from '../../../workflows/order-types';
import { configQuery } from '../api/queries';

export const DEFAULT_POLL_INTERVAL_MS = 30_000;

/** The polling interval the server configured (TRACKING_POLL_INTERVAL). */
export function usePollIntervalMs(): () => number {
  const config = useQuery(configQuery);
  return () => config.data?.trackingPollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
}

export function pollInterval(status: OrderStatus | undefined, intervalMs: number): number | false {
  return status && isTerminal(status) ? false : intervalMs;
}

type OrderQueryState<T> = { state: { data: T | undefined } };

export function useLiveOrder<T extends { order: OrderView }>(options: () => { queryKey: QueryKey; queryFn: () => Promise<T> }) {
  const intervalMs = usePollIntervalMs();
  return useQuery(() => {
    const everyMs = intervalMs();
    const interval = (query: OrderQueryState<T>) => pollInterval(query.state.data?.order.status, everyMs);
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
}
