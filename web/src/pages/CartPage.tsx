import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { formatPeso } from '../../../workflows/model/money';
import { storesQuery } from '../api/queries';
import { useSession } from '../auth/session';
import { cartLines, MAX_QUANTITY, setQuantity } from '../cart/cart';
import { grandTotal, groupCartByStore, type StoreCart } from '../cart/cart-summary';
import { CheckoutForm } from '../checkout/CheckoutForm';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';

export default function CartPage() {
  const stores = useQuery(storesQuery);
  const groups = () => groupCartByStore(stores.data ?? [], cartLines());
  return (
    <>
      <PageHeading text="Your cart" />
      <ErrorMessage error={stores.error} />
      <Show when={stores.data}>
        <Show
          when={groups().length > 0}
          fallback={
            <p class="notice">
              Your cart is empty. <A href="/">Browse the shop</A>.
            </p>
          }
        >
          <Show when={groups().length > 1}>
            <p class="muted">
              Your cart holds products from {groups().length} stores, so it becomes one order per store, each shipped on its own.
            </p>
          </Show>
          <For each={groups()}>{(group) => <StoreCartPanel group={group} />}</For>
          <p class="grand-total">
            Total to pay: <strong>{formatPeso(grandTotal(groups()))}</strong>
          </p>
          <CheckoutSection groups={groups()} />
        </Show>
      </Show>
    </>
  );
}

function StoreCartPanel(props: { group: StoreCart }) {
  return (
    <Panel heading={props.group.store.name}>
      <ul class="cart-lines">
        <For each={props.group.items}>
          {(item) => (
            <li class="cart-line">
              <span class="cart-line-name">
                <span aria-hidden="true">{item.product.emoji} </span>
                {item.product.name}
              </span>
              <label class="cart-line-quantity">
                <span class="visually-hidden">Quantity of {item.product.name}</span>
                <input
                  type="number"
                  inputmode="numeric"
                  min="1"
                  max={MAX_QUANTITY}
                  value={item.quantity}
                  onChange={(event) => setQuantity(item.product.id, Number(event.currentTarget.value) || 1)}
                />
              </label>
              <span class="cart-line-amount">{formatPeso(item.lineTotalCentavos)}</span>
              <button type="button" class="link-button" onClick={() => setQuantity(item.product.id, 0)}>
                Remove <span class="visually-hidden">{item.product.name}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <dl class="totals">
        <dt>Subtotal</dt>
        <dd>{formatPeso(props.group.subtotalCentavos)}</dd>
        <dt>Shipping</dt>
        <dd>{formatPeso(props.group.shippingCentavos)}</dd>
        <dt>Order total</dt>
        <dd>{formatPeso(props.group.totalCentavos)}</dd>
      </dl>
    </Panel>
  );
}

function CheckoutSection(props: { groups: StoreCart[] }) {
  const session = useSession();
  return (
    <Switch>
      <Match when={session.data?.role === 'buyer'}>
        <CheckoutForm groups={props.groups} buyerName={session.data!.name} />
      </Match>
      <Match when={session.data?.role === 'seller'}>
        <p class="notice">Seller accounts cannot place orders. Sign in as a buyer to check out.</p>
      </Match>
      <Match when={session.isSuccess}>
        <p class="notice">
          <A href="/login?next=%2Fcart">Sign in</A> or <A href="/register?next=%2Fcart">create an account</A> to check out.
        </p>
      </Match>
    </Switch>
  );
}
