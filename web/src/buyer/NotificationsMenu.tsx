import { A, useLocation } from '@solidjs/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/solid-query';
import { createEffect, createSignal, createUniqueId, For, on, onCleanup, Show } from 'solid-js';
import { api } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../lib/dates';
import { usePollIntervalMs } from '../tracking/live-order';
import { buyerKeys, notificationsQuery } from './queries';
import { StatusEmoji } from './StatusEmoji';
import './buyer.css';

/**
 * The header's "Notifications" button, whose name carries the unread count ("Notifications, 2 unread"),
 * and the list it opens: the buyer's order events, newest first, each linking to its order. The count
 * refreshes on the tracking cadence and when the window regains focus.
 */
export function NotificationsMenu() {
  const queryClient = useQueryClient();
  const pollMs = usePollIntervalMs();
  const notifications = useQuery(() => notificationsQuery(pollMs()));
  const [open, setOpen] = createSignal(false);
  const [top, setTop] = createSignal(0);
  const panelId = createUniqueId();
  let button!: HTMLButtonElement;
  let panel: HTMLElement | undefined;
  const unread = () => notifications.data?.unreadCount ?? 0;
  const items = () => notifications.data?.items ?? [];
  const markAllRead = useMutation(() => ({
    mutationFn: (until: string) => api.notifications.markAllRead.mutate({ until }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: buyerKeys.notifications }),
  }));

  const close = (returnFocus = false) => {
    setOpen(false);
    if (returnFocus) button.focus();
  };
  const toggle = () => {
    setTop(button.getBoundingClientRect().bottom + 6);
    setOpen(!open());
    if (open()) void notifications.refetch();
  };
  // Escape and a click outside close the list; following a link closes it too.
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open()) close(true);
  };
  const onPointer = (event: PointerEvent) => {
    if (open() && !panel?.contains(event.target as Node) && !button.contains(event.target as Node)) close();
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('pointerdown', onPointer);
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('pointerdown', onPointer);
  });
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );

  return (
    <div class="notifications">
      <button
        ref={button}
        type="button"
        class="link-button notifications-button"
        aria-expanded={open()}
        aria-controls={panelId}
        aria-label={unread() > 0 ? `Notifications, ${unread()} unread` : 'Notifications'}
        onClick={toggle}
      >
        <span aria-hidden="true">🔔</span> Notifications
        <span class="unread-count" classList={{ none: unread() === 0 }} aria-hidden="true">
          {unread() > 99 ? '99+' : unread()}
        </span>
      </button>
      <Show when={open()}>
        <section ref={panel} id={panelId} class="notifications-panel" aria-label="Notifications" style={{ top: `${top()}px` }}>
          <div class="notifications-head">
            <h2>Notifications</h2>
            <Show when={unread() > 0}>
              <button
                type="button"
                class="link-button"
                disabled={markAllRead.isPending}
                onClick={() => items()[0] && markAllRead.mutate(items()[0]!.at)}
              >
                Mark all as read
              </button>
            </Show>
          </div>
          <ErrorMessage error={notifications.error ?? markAllRead.error} />
          <Show when={notifications.isSuccess && items().length === 0}>
            <p class="muted">No notifications yet. When a store updates one of your orders, you will see it here.</p>
          </Show>
          <ul class="notification-list">
            <For each={items()}>
              {(item) => (
                <li classList={{ unread: !item.read }}>
                  <A href={`/orders/${item.orderNumber}`} class="notification-link" onClick={() => close()}>
                    <StatusEmoji status={item.status} />
                    <span class="notification-text">
                      <Show when={!item.read}>
                        <span class="visually-hidden">Unread: </span>
                      </Show>
                      {item.text}
                    </span>
                    <time class="notification-time" datetime={item.at}>
                      {formatDateTime(item.at)}
                    </time>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  );
}
