// Purges what sign-in leaves behind: expired sessions, and login attempts older than the rate limit's
// window (they no longer count against any budget). Every worker process runs it every
// AUTH_PURGE_INTERVAL_MS; the deletes are idempotent and take disjoint batches, so several processes
// purging at once only share the work.
import { purgeLoginAttempts } from '../api/auth/rate-limit';
import { purgeExpiredSessions } from '../api/auth/sessions';
import type { Db } from '../lib/db';

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
  const sessions = await purgeExpiredSessions(db, now, batchSize);
  const loginAttempts = await purgeLoginAttempts(db, loginWindowMs, now, batchSize);
  return { sessions, loginAttempts };
}
