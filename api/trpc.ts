// tRPC set-up: error shape, and the procedure builders that carry authentication, authorisation and
// CSRF checks, so that no handler can forget them.
import { initTRPC, TRPCError } from '@trpc/server';
import { readSession, type SessionUser } from './auth/sessions';
import type { Context } from './context';
import { clientError } from './error-shape';
import { toTRPCError } from './errors';
import { isSameOriginRequest, originPolicy } from './origin';

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error, path, type }) {
    const { message, fieldErrors } = clientError(error, { path, type });
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        retryable: error.code === 'SERVICE_UNAVAILABLE',
        ...(fieldErrors ? { fieldErrors } : {}),
      },
    };
  },
});

export const router = t.router;

/** Maps every thrown error to a typed tRPC error and logs the unexpected ones. */
const mapErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (result.ok) return result;
  // tRPC wraps anything that is not a TRPCError as INTERNAL_SERVER_ERROR with the original as cause.
  const original = result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause ? result.error.cause : result.error;
  const mapped = toTRPCError(original);
  if (mapped.code === 'INTERNAL_SERVER_ERROR' || mapped.code === 'SERVICE_UNAVAILABLE') {
    ctx.logger.error('procedure failed', { path, type, code: mapped.code, error: String(original) });
  }
  throw mapped;
});

/** Refuses state-changing calls from other origins (CSRF). Queries are read-only and pass. */
const sameOriginMutations = t.middleware(({ ctx, next, type, path }) => {
  if (type === 'mutation' && !isSameOriginRequest(ctx.req, originPolicy(ctx.env))) {
    ctx.logger.warn('cross-origin call refused', { path, origin: ctx.req.headers.origin ?? null, ip: ctx.ip });
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This request came from another site and was refused.' });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(sameOriginMutations);

/** Looks the session up on every call; refuses anonymous, expired and forged sessions alike. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next, path }) => {
  const user = await readSession(ctx.db, ctx.sessionToken);
  if (!user) {
    if (ctx.sessionToken) ctx.logger.warn('invalid session refused', { path, ip: ctx.ip });
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });
  }
  return next({ ctx: { user } });
});

function requireRole<R extends SessionUser['role']>(role: R) {
  return protectedProcedure.use(({ ctx, next, path }) => {
    if (ctx.user.role !== role) {
      ctx.logger.warn('wrong role refused', { path, role: ctx.user.role, userId: ctx.user.id });
      throw new TRPCError({ code: 'FORBIDDEN', message: role === 'seller' ? 'Only sellers can do this.' : 'Only buyers can do this.' });
    }
    return next({ ctx: { user: ctx.user as SessionUser & { role: R } } });
  });
}

export const buyerProcedure = requireRole('buyer');

/** A seller with a store; `ctx.store` is the only store the handler can touch. */
export const sellerProcedure = requireRole('seller').use(({ ctx, next }) => {
  if (!ctx.user.store) throw new TRPCError({ code: 'FORBIDDEN', message: 'Your account has no store yet.' });
  return next({ ctx: { store: ctx.user.store } });
});
