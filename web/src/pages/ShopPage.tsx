import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { formatPeso } from '../../../workflows/model/money';
import type { Product } from '../api/client';
import { storesQuery } from '../api/queries';
import { addToCart, cartCount, quantityInCart } from '../cart/cart';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { Panel } from '../components/Panel';

export default function ShopPage() {
  const stores = useQuery(storesQuery);
  const [announcement, setAnnouncement] = createSignal('');
  const add = (product: Product) => {
    addToCart(product.id);
    setAnnouncement(`Added ${product.name} to your cart. ${cartCount()} items in the cart.`);
  };
  return (
    <>
      <PageHeading text="Shop" />
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <ErrorMessage error={stores.error} />
      <For each={stores.data}>
        {(store) => (
          <Panel heading={store.name} class="store">
            <ul class="product-grid">
              <For each={store.products}>{(product) => <ProductCard product={product} onAdd={() => add(product)} />}</For>
            </ul>
          </Panel>
        )}
      </For>
      <Show when={cartCount() > 0}>
        <p class="shop-footer">
          <A href="/cart" class="button primary">
            Go to cart ({cartCount()})
          </A>
        </p>
      </Show>
    </>
  );
}

function ProductCard(props: { product: Product; onAdd: () => void }) {
  return (
    <li class="product-card">
      <span class="product-emoji" aria-hidden="true">
        {props.product.emoji}
      </span>
      <h3 class="product-name">{props.product.name}</h3>
      <p class="product-description">{props.product.description}</p>
      <p class="product-price">{formatPeso(props.product.priceCentavos)}</p>
      <button type="button" class="button" onClick={() => props.onAdd()} aria-label={`Add ${props.product.name} to cart`}>
        Add to cart
      </button>
      <p class="in-cart">{quantityInCart(props.product.id) > 0 ? `In cart: ${quantityInCart(props.product.id)}` : ''}</p>
    </li>
  );
}
