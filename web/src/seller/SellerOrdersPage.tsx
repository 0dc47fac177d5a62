import { A, useSearchParams } from '@solidjs/router';
import { useInfiniteQuery, useQueryClient } from '@tanstack/solid-query';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { nextStatuses, ORDER_STATUSES, type OrderStatus, statusLabel } from '../../../workflows/model/order-model';
import { queryKeys, sellerExportHref, sellerOrdersQuery } from '../api/queries';
import { useSession } from '../auth/session';
import { StoreRatingSummary } from '../buyer/SellerRatings';
import { ErrorMessage } from '../components/ErrorMessage';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { usePollIntervalMs } from '../tracking/live-order';
import { BulkMoveDialog, type BulkMoveResult } from './BulkMoveDialog';
import { useNewOrderMarks } from './new-orders';
import { type SellerOrderRow, SellerOrdersTable } from './SellerOrdersTable';
import { StatusTabs } from './StatusTabs';
import { type StatusUpdateResult, UpdateStatusDialog } from './UpdateStatusDialog';
import './seller.css';

function asStatus(value: unknown): OrderStatus | undefined {
  return ORDER_STATUSES.find((status) => status === value);
}

/** Statuses every selected order may move to. Shipped is left out: each shipment needs its own tracking number. */
function commonNextStatuses(statuses: readonly OrderStatus[]): OrderStatus[] {
  if (statuses.length === 0) return [];
  return nextStatuses(statuses[0]!, 'seller').filter(
    (to) => to !== 'shipped' && statuses.every((from) => nextStatuses(from, 'seller').includes(to)),
  );
}

export default function SellerOrdersPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams<{ status?: string; q?: string; sort?: string }>();
  const status = () => asStatus(params.status);
  const search = () => params.q?.trim() || undefined;
  // Sorting by the time left to confirm applies to pending orders only.
  const sort = () => (status() === 'pending' && params.sort === 'deadline' ? ('deadline' as const) : undefined);
  const filter = () => ({ status: status(), search: search(), sort: sort() });
  const pollMs = usePollIntervalMs();
  const orders = useInfiniteQuery(() => sellerOrdersQuery(filter(), pollMs()));
  const rows = () => orders.data?.pages.flatMap((page) => page.items) ?? [];
  const isNew = useNewOrderMarks(
    () => session.data?.store?.id,
    () => orders.data?.pages[0]?.items.map((order) => order.placedAt),
  );

  // Selection: order numbers; only the ones shown count, so a filter change never moves hidden orders.
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const selectedRows = createMemo(() => rows().filter((order) => selected().has(order.orderNumber)));
  const select = (orderNumber: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(orderNumber);
      else next.delete(orderNumber);
      return next;
    });
  const selectAll = (on: boolean) => setSelected(on ? new Set(rows().map((order) => order.orderNumber)) : new Set<string>());
  const moveTargets = () => commonNextStatuses(selectedRows().map((order) => order.status));

  const [updating, setUpdating] = createSignal<SellerOrderRow>();
  const [bulkMove, setBulkMove] = createSignal<{ to: OrderStatus; orderNumbers: string[] }>();
  const [announcement, setAnnouncement] = createSignal('');
  const refreshLists = () => void queryClient.invalidateQueries({ queryKey: queryKeys.sellerOrderLists });
  const onSaved = (result: StatusUpdateResult) => {
    setAnnouncement(`${result.order.orderNumber} moved to ${statusLabel(result.order.status)}.`);
    queryClient.setQueryData(queryKeys.sellerOrder(result.order.orderNumber), (previous: { order: unknown } | undefined) =>
      previous ? { ...previous, order: result.order } : previous,
    );
    refreshLists();
  };
  const onBulkDone = (result: BulkMoveResult) => {
    setAnnouncement(`${result.moved} of ${result.results.length} orders moved.`);
    setSelected(new Set<string>());
    for (const line of result.results) void queryClient.invalidateQueries({ queryKey: queryKeys.sellerOrder(line.orderNumber) });
    refreshLists();
  };

  const tabHref = (tab: OrderStatus | undefined) => {
    const query = new URLSearchParams({ ...(tab ? { status: tab } : {}), ...(search() ? { q: search()! } : {}) }).toString();
    return query ? `/seller?${query}` : '/seller';
  };
  const onSearch = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    setSelected(new Set<string>());
    setParams({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() || undefined });
  };
  const slipsHref = () =>
    `/seller/packing-slips?orders=${selectedRows()
      .map((order) => order.orderNumber)
      .join(',')}`;
  return (
    <>
      <PageHeading text={`Orders${session.data?.store ? ` · ${session.data.store.name}` : ''}`} />
      <StoreRatingSummary />
      <div class="seller-toolbar">
        {/* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is announced by every screen reader; the <search> element is not yet. */}
        <form class="search-form" role="search" onSubmit={onSearch}>
          <label for="order-search">Search by order number or customer</label>
          <p class="field-hint" id="order-search-hint">
            Also finds phone numbers, cities and tracking numbers.
          </p>
          <div class="search-row">
            <input id="order-search" name="q" type="search" value={params.q ?? ''} aria-describedby="order-search-hint" />
            <button type="submit" class="button">
              Search
            </button>
          </div>
        </form>
        <p class="seller-links">
          <a class="button" href={sellerExportHref(filter())} download="">
            Export CSV
          </a>
          <A class="button" href="/seller/status-messages">
            Status messages
          </A>
        </p>
      </div>
      <StatusTabs active={status()} counts={orders.data?.pages[0]?.counts} href={(tab) => tabHref(tab)} />
      <Show when={status() === 'pending'}>
        <p class="sort-row">
          <label for="order-sort">Sort</label>{' '}
          <select
            id="order-sort"
            value={sort() ?? 'newest'}
            onChange={(event) => setParams({ sort: event.currentTarget.value === 'deadline' ? 'deadline' : undefined })}
          >
            <option value="newest">Newest first</option>
            <option value="deadline">Least time left to confirm</option>
          </select>
        </p>
      </Show>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <Show when={selectedRows().length > 0}>
        <section class="bulk-bar" aria-label="Selected orders">
          <p>
            <strong>{selectedRows().length} selected</strong>
          </p>
          <For each={moveTargets()} fallback={<p class="muted">The selected orders have no next status in common.</p>}>
            {(to) => (
              <button
                type="button"
                class="button"
                classList={{ danger: to === 'cancelled' }}
                onClick={() => setBulkMove({ to, orderNumbers: selectedRows().map((order) => order.orderNumber) })}
              >
                Move selected to {statusLabel(to)}
              </button>
            )}
          </For>
          <A class="button" href={slipsHref()}>
            Print packing slips
          </A>
          <button type="button" class="link-button" onClick={() => setSelected(new Set<string>())}>
            Clear selection
          </button>
          <Show when={selectedRows().some((order) => order.status === 'processing')}>
            <p class="muted bulk-hint">To mark orders as shipped, use Update on each: every shipment needs its own tracking number.</p>
          </Show>
        </section>
      </Show>
      <ErrorMessage error={orders.error} />
      <Show when={orders.isSuccess && rows().length === 0}>
        <p class="notice">No orders match this filter.</p>
      </Show>
      <Show when={rows().length > 0}>
        <SellerOrdersTable
          orders={rows()}
          isSelected={(orderNumber) => selected().has(orderNumber)}
          onSelect={select}
          onSelectAll={selectAll}
          isNew={isNew}
          onUpdate={(order) => setUpdating(order)}
        />
      </Show>
      <LoadMore pages={orders} label="Show more orders" />
      <Show when={updating()}>
        {(order) => <UpdateStatusDialog order={order()} onSaved={onSaved} onClose={() => setUpdating(undefined)} />}
      </Show>
      <Show when={bulkMove()} keyed>
        {(move) => (
          <BulkMoveDialog orderNumbers={move.orderNumbers} to={move.to} onDone={onBulkDone} onClose={() => setBulkMove(undefined)} />
        )}
      </Show>
    </>
  );
}
