import { Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { ORDER_STATUSES, type OrderStatus } from '../../../workflows/order-model';
import { sellerOrdersQuery } from '../api/queries';
import { ErrorMessage } from '../components/ErrorMessage';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../auth/session';
import { usePollIntervalMs } from '../tracking/live-order';
import { SellerOrdersTable } from './SellerOrdersTable';
import { StatusTabs } from './StatusTabs';

function asStatus(value: unknown): OrderStatus | undefined {
  return ORDER_STATUSES.find((status) => status === value);
}

export default function SellerOrdersPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams<{ status?: string; q?: string }>();
  const status = () => asStatus(params.status);
  const search = () => params.q?.trim() || undefined;
  const pollMs = usePollIntervalMs();
  const orders = useInfiniteQuery(() => sellerOrdersQuery({ status: status(), search: search() }, pollMs()));
  const rows = () => orders.data?.pages.flatMap((page) => page.items) ?? [];
  const tabHref = (tab: OrderStatus | undefined) => {
    const query = new URLSearchParams({ ...(tab ? { status: tab } : {}), ...(search() ? { q: search()! } : {}) }).toString();
    return query ? `/seller?${query}` : '/seller';
  };
  const onSearch = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    setParams({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() || undefined });
  };
  return (
    <>
      <PageHeading text={`Orders${session.data?.store ? ` · ${session.data.store.name}` : ''}`} />
      <form class="search-form" role="search" onSubmit={onSearch}>
        <label for="order-search">Search by order number or customer</label>
        <div class="search-row">
          <input id="order-search" name="q" type="search" value={params.q ?? ''} />
          <button type="submit" class="button">
            Search
          </button>
        </div>
      </form>
      <StatusTabs active={status()} counts={orders.data?.pages[0]?.counts} href={tabHref} />
      <ErrorMessage error={orders.error} />
      <Show when={orders.isSuccess && rows().length === 0}>
        <p class="notice">No orders match this filter.</p>
      </Show>
      <Show when={rows().length > 0}>
        <SellerOrdersTable orders={rows()} />
      </Show>
      <LoadMore pages={orders} label="Show more orders" />
    </>
  );
}
