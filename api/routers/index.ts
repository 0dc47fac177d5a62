// The root router: one small router per domain.
import { router } from '../trpc';
import { authRouter } from './auth';
import { catalogRouter } from './catalog';
import { checkoutRouter } from './checkout';
import { notificationsRouter } from './notifications';
import { ordersRouter } from './orders';
import { ratingsRouter } from './ratings';
import { sellerRouter } from './seller';
import { systemRouter } from './system';

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  checkout: checkoutRouter,
  notifications: notificationsRouter,
  orders: ordersRouter,
  ratings: ratingsRouter,
  seller: sellerRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
