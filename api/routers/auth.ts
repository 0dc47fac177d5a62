import { TRPCError } from '@trpc/server';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/password';
import { Prisma } from '../../prisma/generated/client';
import { markLoginSucceeded, startLoginAttempt } from '../auth/rate-limit';
import { createSession, deleteSession, readSession } from '../auth/sessions';
import { logoutDto, sessionUserDto } from '../dto';
import { loginInput, registerInput } from '../schemas';
import { protectedProcedure, publicProcedure, router } from '../trpc';

const INVALID_LOGIN = 'Email or password is incorrect.';

export const authRouter = router({
  register: publicProcedure
    .input(registerInput)
    .output(sessionUserDto)
    .mutation(async ({ ctx, input }) => {
      try {
        const user = await ctx.db.user.create({
          data: { email: input.email, name: input.name, role: 'buyer', passwordHash: await hashPassword(input.password) },
        });
        const session = await createSession(ctx.db, user.id, ctx.env.SESSION_TTL);
        ctx.setSessionCookie(session.token, ctx.env.SESSION_TTL);
        return { id: user.id, email: user.email, name: user.name, role: user.role, store: null };
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw new TRPCError({ code: 'CONFLICT', message: 'An account with this email already exists. Sign in instead.' });
        }
        throw error;
      }
    }),

  login: publicProcedure
    .input(loginInput)
    .output(sessionUserDto)
    .mutation(async ({ ctx, input }) => {
      const limit = { maxFailures: ctx.env.LOGIN_MAX_FAILURES, windowMs: ctx.env.LOGIN_WINDOW };
      const attempt = await startLoginAttempt(ctx.db, input.email, ctx.ip, limit);
      if (attempt.blocked) {
        ctx.logger.warn('login rate limit hit', { ip: ctx.ip });
        throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many failed sign-in attempts. Wait a few minutes and try again.' });
      }
      const user = await ctx.db.user.findUnique({ where: { email: input.email } });
      // Verify against a dummy hash for unknown emails, so the response time does not reveal accounts.
      const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !valid) {
        ctx.logger.warn('login refused', { ip: ctx.ip });
        throw new TRPCError({ code: 'UNAUTHORIZED', message: INVALID_LOGIN });
      }
      await markLoginSucceeded(ctx.db, attempt);
      const session = await createSession(ctx.db, user.id, ctx.env.SESSION_TTL);
      ctx.setSessionCookie(session.token, ctx.env.SESSION_TTL);
      const signedIn = await readSession(ctx.db, session.token);
      if (!signedIn) throw new Error('The new session could not be read back');
      return signedIn;
    }),

  logout: protectedProcedure.output(logoutDto).mutation(async ({ ctx }) => {
    await deleteSession(ctx.db, ctx.sessionToken);
    ctx.clearSessionCookie();
    return { ok: true as const };
  }),

  /** The signed-in user, or null. */
  me: publicProcedure.output(sessionUserDto.nullable()).query(({ ctx }) => readSession(ctx.db, ctx.sessionToken)),
});
