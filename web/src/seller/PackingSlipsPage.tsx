import { A, useSearchParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { For, Show } from 'solid-js';
import { packingSlipsQuery } from '../api/queries';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { PostalAddress } from '../components/ShippingAddress';
import { formatDateTime } from '../lib/dates';
import './seller.css';

const ORDER_NUMBER = /^ORD-\d{8}-[0-9A-Z]{6}$/;
const MAX_SLIPS = 100;

/**
 * Packing slips for the orders in ?orders=, one per printed page: who and where the parcel goes, and
 * what is in it. No prices: the slip travels in the parcel.
 */
export default function PackingSlipsPage() {
  const [params] = useSearchParams<{ orders?: string }>();
  const orderNumbers = () =>
    [...new Set((params.orders ?? '').split(',').map((text) => text.trim().toUpperCase()))]
      .filter((text) => ORDER_NUMBER.test(text))
      .slice(0, MAX_SLIPS);
  const slips = useQuery(() => packingSlipsQuery(orderNumbers()));
  const missing = () => {
    const found = new Set(slips.data?.slips.map((slip) => slip.orderNumber));
    return slips.data ? orderNumbers().filter((orderNumber) => !found.has(orderNumber)) : [];
  };
  return (
    <>
      <div class="no-print">
        <p class="breadcrumb">
          <A href="/seller">← All orders</A>
        </p>
        <PageHeading text={orderNumbers().length === 1 ? 'Packing slip' : 'Packing slips'} />
        <Show when={orderNumbers().length === 0}>
          <p class="notice">Choose orders on the Orders page, then print their packing slips.</p>
        </Show>
        <ErrorMessage error={slips.error} />
        <Show when={missing().length > 0}>
          <p class="notice">Not found in your store: {missing().join(', ')}.</p>
        </Show>
        <Show when={slips.data?.slips.length}>
          <p>
            <button type="button" class="button primary" onClick={() => window.print()}>
              Print
            </button>{' '}
            <span class="muted">One slip per page, without prices.</span>
          </p>
        </Show>
      </div>
      <For each={slips.data?.slips}>
        {(slip) => (
          <article class="packing-slip" aria-label={`Packing slip ${slip.orderNumber}`}>
            <header class="packing-slip-header">
              <p class="packing-slip-store">
                <bdi>{slip.storeName}</bdi>
              </p>
              <h2>{slip.orderNumber}</h2>
              <p>Placed {formatDateTime(slip.placedAt)}</p>
            </header>
            <section aria-label="Ship to">
              <h3>Ship to</h3>
              <PostalAddress shipping={slip.shipping} printed />
            </section>
            <table class="lines packing-lines">
              <caption>Items</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" class="num">
                    Quantity
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={slip.items}>
                  {(item) => (
                    <tr>
                      <td>
                        <bdi>{item.name}</bdi>
                      </td>
                      <td class="num">{item.quantity}</td>
                    </tr>
                  )}
                </For>
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total items</th>
                  <td class="num">{slip.itemCount}</td>
                </tr>
              </tfoot>
            </table>
          </article>
        )}
      </For>
    </>
  );
}
