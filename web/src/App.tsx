import { Route, Router } from '@solidjs/router';
import { QueryClientProvider } from '@tanstack/solid-query';
import { type Component, lazy } from 'solid-js';
import type { SessionUser } from './api/client';
import { configQuery, sessionQuery } from './api/queries';
import { createQueryClient } from './api/query-client';
import { RequireRole } from './auth/RequireRole';
import { Layout } from './components/Layout';
import CartPage from './pages/CartPage';
import ConfirmationPage from './pages/ConfirmationPage';
import LoginPage from './pages/LoginPage';
import MyOrdersPage from './pages/MyOrdersPage';
import NotFoundPage from './pages/NotFoundPage';
import OrderPage from './pages/OrderPage';
import RegisterPage from './pages/RegisterPage';
import ShopPage from './pages/ShopPage';

// The seller dashboard is loaded on demand, so buyers never download it.
const SellerOrdersPage = lazy(() => import('./seller/SellerOrdersPage'));
const SellerOrderPage = lazy(() => import('./seller/SellerOrderPage'));
const PackingSlipsPage = lazy(() => import('./seller/PackingSlipsPage'));
const StatusMessagesPage = lazy(() => import('./seller/StatusMessagesPage'));

const forRole = (role: SessionUser['role'], Page: Component) => () => (
  <RequireRole role={role}>
    <Page />
  </RequireRole>
);

export function App() {
  const queryClient = createQueryClient();
  // Both are needed by almost every page; start them before the first page asks.
  void queryClient.prefetchQuery(sessionQuery());
  void queryClient.prefetchQuery(configQuery());
  return (
    <QueryClientProvider client={queryClient}>
      <Router root={Layout}>
        <Route path="/" component={ShopPage} />
        <Route path="/login" component={LoginPage} />
        <Route path="/register" component={RegisterPage} />
        <Route path="/cart" component={CartPage} />
        <Route path="/checkout/confirmation" component={forRole('buyer', ConfirmationPage)} />
        <Route path="/orders" component={forRole('buyer', MyOrdersPage)} />
        <Route path="/orders/:orderNumber" component={forRole('buyer', OrderPage)} />
        <Route path="/seller" component={forRole('seller', SellerOrdersPage)} />
        <Route path="/seller/orders/:orderNumber" component={forRole('seller', SellerOrderPage)} />
        <Route path="/seller/packing-slips" component={forRole('seller', PackingSlipsPage)} />
        <Route path="/seller/status-messages" component={forRole('seller', StatusMessagesPage)} />
        <Route path="*" component={NotFoundPage} />
      </Router>
    </QueryClientProvider>
  );
}
