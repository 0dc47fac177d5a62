import { catalogStoresDto } from '../dto';
import { publicProcedure, router } from '../trpc';

export const catalogRouter = router({
  /** Every store with its active products. */
  stores: publicProcedure.output(catalogStoresDto).query(({ ctx }) =>
    ctx.db.store.findMany({
      orderBy: { name: 'asc' },
      select: {
        id: true,
        slug: true,
        name: true,
        products: {
          where: { active: true },
          orderBy: { name: 'asc' },
          select: { id: true, name: true, description: true, emoji: true, priceCentavos: true },
        },
      },
    }),
  ),
});
