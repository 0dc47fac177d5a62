import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { ORDER_STATUSES, type OrderStatus, statusLabel } from '../../../workflows/model/order-model';

type Counts = Record<OrderStatus | 'all', number>;

const TABS: { status: OrderStatus | undefined; label: string }[] = [
  { status: undefined, label: 'All' },
  ...ORDER_STATUSES.map((status) => ({ status, label: statusLabel(status) })),
];

/** Filter links with their counts. Links (not ARIA tabs): each filter is its own URL. */
export function StatusTabs(props: {
  active: OrderStatus | undefined;
  counts: Counts | undefined;
  href: (status: OrderStatus | undefined) => string;
}) {
  return (
    <nav aria-label="Filter orders by status" class="status-tabs">
      <ul>
        <For each={TABS}>
          {(tab) => (
            <li>
              <A
                href={props.href(tab.status)}
                class="status-tab"
                classList={{ active: props.active === tab.status }}
                aria-current={props.active === tab.status ? 'page' : undefined}
              >
                {tab.label} <span class="tab-count">{props.counts?.[tab.status ?? 'all'] ?? '–'}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
