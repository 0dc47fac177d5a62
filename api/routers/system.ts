import { systemConfigDto } from '../dto';
import { publicProcedure, router } from '../trpc';

export const systemRouter = router({
  /** Settings the web app reads at start-up. */
  config: publicProcedure.output(systemConfigDto).query(({ ctx }) => ({ trackingPollIntervalMs: ctx.env.TRACKING_POLL_INTERVAL })),
});
