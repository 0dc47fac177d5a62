// Purges what sign-in leaves behind: expired sessions, and login attempts older than the rate limit's
// window (they no longer count against any budget). Every worker process runs it every
// AUTH_PURGE_INTERVAL_MS; the deletes are idempotent and take disjoint batches, so several processes
// purging at once only share the work.
import type { Db } from '../lib/db';
import { Prisma } from '../prisma/generated/client';

export const AUTH_PURGE_INTERVAL_MS = 10 * 60_000;

export interface AuthPurgeOptions {
  db: Db;
  /** LOGIN_WINDOW, the same as the API's. */
  loginWindowMs: number;
  batchSize?: number;
}

export interface AuthPurgeResult {
  sessions: number;
  loginAttempts: number;
}

export async function purgeAuthRows({ db, loginWindowMs, batchSize }: AuthPurgeOptions, now = new Date()): Promise<AuthPurgeResult> {
  const sessions = await deleteInBatches(db, Prisma.sql`"Session"`, Prisma.sql`"expiresAt" <= ${now}`, batchSize);
  const windowStart = new Date(now.getTime() - loginWindowMs);
  const loginAttempts = await deleteInBatches(db, Prisma.sql`"LoginAttempt"`, Prisma.sql`"createdAt" < ${windowStart}`, batchSize);
  return { sessions, loginAttempts };
}

/**
 * Deletes the rows of `table` that `where` selects, in batches, and returns how many it deleted. Each
 * batch locks its rows and skips rows another purge holds, and a row already deleted is simply not found
 * again, so several processes may run it at once.
 */
async function deleteInBatches(db: Db, table: Prisma.Sql, where: Prisma.Sql, batchSize = 1_000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM ${table} WHERE "id" IN (SELECT "id" FROM ${table} WHERE ${where} LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`;
    deleted += count;
    if (count < batchSize) return deleted;
  }
}
