// Login rate limit kept in the database, so every API process enforces the same budget.
import type { Db } from '../../lib/db';

export interface LoginLimit {
  maxFailures: number;
  windowMs: number;
}

/** Addresses get a wider budget than accounts, since many people can share one address. */
const IP_BUDGET_FACTOR = 4;

export async function isLoginBlocked(db: Db, email: string, ip: string, limit: LoginLimit): Promise<boolean> {
  const since = new Date(Date.now() - limit.windowMs);
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= limit.maxFailures || byIp >= limit.maxFailures * IP_BUDGET_FACTOR;
}

export async function recordLoginAttempt(db: Db, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, succeeded } });
}
