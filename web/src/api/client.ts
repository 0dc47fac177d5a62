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
