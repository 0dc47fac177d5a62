import type { InfiniteData, QueryClient } from '@tanstack/solid-query';
import type { ApiOutputs, BuyerOrder } from '../api/client';
import { queryKeys } from '../api/queries';

type MyOrdersPage = ApiOutputs['orders']['mine'];

/**
 * After the buyer's own change (a cancel, "Order received"), My Orders shows the new status at once
 * instead of the cached one until its refetch lands; the refetch then confirms it from the server.
 */
export function showChangeInMyOrders(queryClient: QueryClient, order: Pick<BuyerOrder, 'orderNumber' | 'status' | 'closedNote'>): void {
  queryClient.setQueryData<InfiniteData<MyOrdersPage>>(queryKeys.myOrders, (cached) =>
    cached
      ? {
          ...cached,
          pages: cached.pages.map((page) => ({
            ...page,
            items: page.items.map((listed) =>
              listed.orderNumber === order.orderNumber ? { ...listed, status: order.status, closedNote: order.closedNote } : listed,
            ),
          })),
        }
      : cached,
  );
  void queryClient.invalidateQueries({ queryKey: queryKeys.myOrders });
}
