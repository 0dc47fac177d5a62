// The vanilla tRPC client. Same-origin requests carry the httpOnly session cookie automatically.
import { createTRPCClient, httpLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../api/routers';

export const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: '/trpc' })] });

export type ApiOutputs = inferRouterOutputs<AppRouter>;
export type ApiInputs = inferRouterInputs<AppRouter>;
export type SessionUser = NonNullable<ApiOutputs['auth']['me']>;
export type Store = ApiOutputs['catalog']['stores'][number];
export type Product = Store['products'][number];

/** An order as its buyer sees it (orders.track and orders.cancel). */
export type BuyerOrder = ApiOutputs['orders']['track']['order'];
/** An order as its store's seller sees it (seller.order and seller.setStatus). */
type SellerOrder = ApiOutputs['seller']['order']['order'];
/** What the components shared by the buyer's and the seller's pages may read. */
export type OrderDetail = BuyerOrder | SellerOrder;
export type OrderTimelineEntry = OrderDetail['timeline'][number];
export type OrderTracking = OrderDetail['tracking'];
export type OrderShipping = OrderDetail['shipping'];
