// Query keys and fetchers of the buyer's notifications and ratings, and of the seller's view of ratings.
import { queryOptions } from '@tanstack/solid-query';
import type { OrderStatus } from '../../../workflows/model/order-model';
import { api } from '../api/client';

export const buyerKeys = {
  notifications: ['notifications'] as const,
  rating: (orderNumber: string) => ['ratings', 'mine', orderNumber] as const,
  ratingOf: (orderNumber: string, status: OrderStatus) => ['ratings', 'mine', orderNumber, status] as const,
  sellerOrderRating: (orderNumber: string) => ['ratings', 'seller', orderNumber] as const,
  storeRating: ['ratings', 'store'] as const,
};

/** The newest notifications; refetched on the tracking cadence and on focus, never while the tab is hidden. */
export const notificationsQuery = (pollMs: number) =>
  queryOptions({
    queryKey: buyerKeys.notifications,
    queryFn: () => api.notifications.list.query({ limit: 20 }),
    staleTime: 0,
    refetchInterval: pollMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });

/** Only a delivered order can be rated, so nothing is asked before; the key follows the status. */
export const ratingQuery = (orderNumber: string, status: OrderStatus) =>
  queryOptions({
    queryKey: buyerKeys.ratingOf(orderNumber, status),
    queryFn: () => api.ratings.mine.query({ orderNumber }),
    enabled: status === 'delivered',
    staleTime: 0,
  });

export const sellerOrderRatingQuery = (orderNumber: string) =>
  queryOptions({
    queryKey: buyerKeys.sellerOrderRating(orderNumber),
    queryFn: () => api.seller.orderRating.query({ orderNumber }),
    staleTime: 0,
  });

export const storeRatingQuery = () =>
  queryOptions({ queryKey: buyerKeys.storeRating, queryFn: () => api.seller.storeRating.query(), staleTime: 60_000 });
