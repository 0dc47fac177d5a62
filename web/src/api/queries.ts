// Query keys and fetchers, in one place so that pages, mutations and cache updates agree on them.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/solid-query';
import type { OrderStatus } from '../../../workflows/model/order-model';
import { api } from './client';

const PAGE_SIZE = 20;

export const queryKeys = {
  session: ['session'] as const,
  config: ['config'] as const,
  stores: ['stores'] as const,
  myOrders: ['orders', 'mine'] as const,
  trackedOrder: (orderNumber: string) => ['orders', 'track', orderNumber] as const,
  sellerOrderLists: ['seller', 'orders'] as const,
  sellerOrders: (filter: SellerOrderFilter) => ['seller', 'orders', filter] as const,
  sellerOrder: (orderNumber: string) => ['seller', 'order', orderNumber] as const,
  packingSlips: (orderNumbers: readonly string[]) => ['seller', 'packing-slips', orderNumbers] as const,
  statusMessages: ['seller', 'status-messages'] as const,
};

export interface SellerOrderFilter {
  status?: OrderStatus | undefined;
  search?: string | undefined;
  sort?: 'newest' | 'deadline' | undefined;
}

export const sessionQuery = () => queryOptions({ queryKey: queryKeys.session, queryFn: () => api.auth.me.query(), staleTime: Infinity });

export const configQuery = () =>
  queryOptions({ queryKey: queryKeys.config, queryFn: () => api.system.config.query(), staleTime: Infinity });

export const storesQuery = () => queryOptions({ queryKey: queryKeys.stores, queryFn: () => api.catalog.stores.query(), staleTime: 60_000 });

export const myOrdersQuery = () =>
  infiniteQueryOptions({
    queryKey: queryKeys.myOrders,
    queryFn: ({ pageParam }) => api.orders.mine.query({ limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });

export const sellerOrdersQuery = (filter: SellerOrderFilter, refetchIntervalMs: number) =>
  infiniteQueryOptions({
    queryKey: queryKeys.sellerOrders(filter),
    queryFn: ({ pageParam }) => api.seller.orders.query({ ...filter, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // New orders and buyers' cancellations appear without a reload: every interval while the tab is
    // visible, and at once when the window regains focus.
    refetchInterval: refetchIntervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
    // Switching tabs keeps the old rows on screen until the new ones arrive, so nothing jumps.
    placeholderData: keepPreviousData,
  });

export const trackedOrderQuery = (orderNumber: string) => ({
  queryKey: queryKeys.trackedOrder(orderNumber),
  queryFn: () => api.orders.track.query({ orderNumber }),
});

export const sellerOrderQuery = (orderNumber: string) => ({
  queryKey: queryKeys.sellerOrder(orderNumber),
  queryFn: () => api.seller.order.query({ orderNumber }),
});

export const packingSlipsQuery = (orderNumbers: readonly string[]) =>
  queryOptions({
    queryKey: queryKeys.packingSlips(orderNumbers),
    queryFn: () => api.seller.packingSlips.query({ orderNumbers: [...orderNumbers] }),
    enabled: orderNumbers.length > 0,
  });

export const statusMessagesQuery = () =>
  queryOptions({ queryKey: queryKeys.statusMessages, queryFn: () => api.seller.statusMessages.query() });

/** The CSV export of the seller's list as filtered (GET /seller/orders.csv, a plain download). */
export function sellerExportHref(filter: SellerOrderFilter): string {
  const query = new URLSearchParams({
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.search ? { q: filter.search } : {}),
    ...(filter.sort ? { sort: filter.sort } : {}),
  }).toString();
  return `/seller/orders.csv${query ? `?${query}` : ''}`;
}
