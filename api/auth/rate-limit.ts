// Login rate limit kept in the database, so every API process enforces the same budget. An attempt is
// recorded before its password is checked and judged only by the failures recorded before it, so that
// parallel guesses cannot all pass the check before any of them is counted.
import type { Db } from '../../lib/db';

export interface LoginLimit {
  maxFailures: number;
  windowMs: number;
}

/** Addresses get a wider budget than accounts, since many people can share one address. */
const IP_BUDGET_FACTOR = 4;

export interface LoginAttempt {
  id: bigint;
  /** The earlier failures of the account or the address have spent the budget. */
  blocked: boolean;
}

/** Records an attempt, as failed until `markLoginSucceeded`, and says whether it may go ahead. */
export async function startLoginAttempt(db: Db, email: string, ip: string, limit: LoginLimit): Promise<LoginAttempt> {
  const { id } = await db.loginAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
  const earlierFailures = { succeeded: false, createdAt: { gte: new Date(Date.now() - limit.windowMs) }, id: { lt: id } };
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, ...earlierFailures } }),
    db.loginAttempt.count({ where: { ip, ...earlierFailures } }),
  ]);
  const blocked = byEmail >= limit.maxFailures || byIp >= limit.maxFailures * IP_BUDGET_FACTOR;
  // A refused attempt checks no password, so it is no failure.
  if (blocked) await db.loginAttempt.delete({ where: { id } });
  return { id, blocked };
}

export async function markLoginSucceeded(db: Db, attempt: LoginAttempt): Promise<void> {
  await db.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
}
