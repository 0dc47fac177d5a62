import { useMutation, useQueryClient } from '@tanstack/solid-query';
import { createEffect, on } from 'solid-js';
import { api } from '../api/client';
import { buyerKeys } from './queries';

/**
 * While the buyer has an order's page open, its notifications count as read: on opening, and again
 * whenever a poll brings a new change (`changes` is the length of its timeline).
 */
export function useMarkOrderRead(orderNumber: () => string, changes: () => number | undefined): void {
  const queryClient = useQueryClient();
  const markRead = useMutation(() => ({
    mutationFn: (order: string) => api.notifications.markOrderRead.mutate({ orderNumber: order }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: buyerKeys.notifications }),
  }));
  createEffect(
    on([orderNumber, changes], ([order, count]) => {
      if (count !== undefined) markRead.mutate(order);
    }),
  );
}
