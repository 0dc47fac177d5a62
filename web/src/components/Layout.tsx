import { A, type RouteSectionProps } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { useSession, useSignOut } from '../auth/session';
import { NotificationsMenu } from '../buyer/NotificationsMenu';
import { cartCount } from '../cart/cart';

export function Layout(props: RouteSectionProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" tabindex="-1">
        <Suspense fallback={<p class="loading">Loading…</p>}>{props.children}</Suspense>
      </main>
    </>
  );
}

function SiteHeader() {
  const session = useSession();
  const signOut = useSignOut();
  const isSeller = () => session.data?.role === 'seller';
  return (
    <header class="site-header">
      <A href={isSeller() ? '/seller' : '/'} class="brand">
        Order tracking
      </A>
      <nav aria-label="Main">
        <ul class="nav-list">
          <Show when={!isSeller()}>
            <li>
              <A href="/" end>
                Shop
              </A>
            </li>
            <li>
              <A href="/cart">
                Cart <span class="cart-count">({cartCount()})</span>
              </A>
            </li>
          </Show>
          <Show when={session.data?.role === 'buyer'}>
            <li>
              <A href="/orders">My Orders</A>
            </li>
            <li>
              <NotificationsMenu />
            </li>
          </Show>
          <Show when={isSeller()}>
            <li>
              <A href="/seller">Orders</A>
            </li>
          </Show>
          <Show
            when={session.data}
            fallback={
              <li>
                <A href="/login">Sign in</A>
              </li>
            }
          >
            {(user) => (
              <li>
                <button type="button" class="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
                  Sign out <span class="visually-hidden">{user().name}</span>
                </button>
              </li>
            )}
          </Show>
        </ul>
      </nav>
    </header>
  );
}
