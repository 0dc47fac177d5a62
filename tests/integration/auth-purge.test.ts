// The purge of expired sessions and old login attempts (worker/auth-purge.ts) against the real database:
// it removes what can no longer be used or counted, keeps what can, and several purges at once (as from
// several worker processes, each with its own connection pool) share the work without an error.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createSession, readSession } from '../../api/auth/sessions';
import { createDb, type Db } from '../../lib/db';
import { purgeAuthRows } from '../../worker/auth-purge';

const WINDOW_MS = 15 * 60_000;
const MINUTE = 60_000;

let db: Db;
let userId: string;
beforeAll(async () => {
  db = createDb(inject('stack').databaseUrl, 3);
  const user = await db.user.create({
    data: { email: `purge-${randomUUID()}@test.example`, name: 'Purge Test', role: 'buyer', passwordHash: 'not a hash' },
  });
  userId = user.id;
});
afterAll(() => db?.$disconnect());

/** Sessions and attempts of this test only, some past their use and some not. */
async function seed(now: Date) {
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const session = (expiresAt: Date) =>
    db.session.create({ data: { id: `purge-test-${randomUUID()}`, userId, expiresAt } }).then((row) => row.id);
  const expired = await Promise.all([session(at(-MINUTE)), session(at(-30 * 24 * 60 * MINUTE)), session(at(0))]);
  const live = await Promise.all([session(at(MINUTE)), session(at(7 * 24 * 60 * MINUTE))]);
  const email = `purge-${randomUUID()}@test.example`;
  const attempt = (createdAt: Date) =>
    db.loginAttempt.create({ data: { email, ip: '127.0.0.99', succeeded: false, createdAt } }).then((row) => row.id);
  const old = await Promise.all([attempt(at(-WINDOW_MS - MINUTE)), attempt(at(-WINDOW_MS - 24 * 60 * MINUTE))]);
  const counting = await Promise.all([attempt(at(-WINDOW_MS + MINUTE)), attempt(at(-MINUTE))]);
  return { expired, live, old, counting };
}

async function remaining(ids: Awaited<ReturnType<typeof seed>>) {
  const sessions = new Set(
    (await db.session.findMany({ where: { id: { in: [...ids.expired, ...ids.live] } }, select: { id: true } })).map((row) => row.id),
  );
  const attempts = new Set(
    (await db.loginAttempt.findMany({ where: { id: { in: [...ids.old, ...ids.counting] } }, select: { id: true } })).map((row) => row.id),
  );
  return {
    expired: ids.expired.filter((id) => sessions.has(id)).length,
    live: ids.live.filter((id) => sessions.has(id)).length,
    old: ids.old.filter((id) => attempts.has(id)).length,
    counting: ids.counting.filter((id) => attempts.has(id)).length,
  };
}

test('a purge removes expired sessions and attempts older than the window, and keeps live ones', async () => {
  const now = new Date();
  const ids = await seed(now);
  expect(await remaining(ids)).toEqual({ expired: 3, live: 2, old: 2, counting: 2 });
  // A batch of 2 makes the purge go round more than once.
  const result = await purgeAuthRows({ db, loginWindowMs: WINDOW_MS, batchSize: 2 }, now);
  expect(result.sessions).toBeGreaterThanOrEqual(3);
  expect(result.loginAttempts).toBeGreaterThanOrEqual(2);
  expect(await remaining(ids)).toEqual({ expired: 0, live: 2, old: 0, counting: 2 });
  // A second purge finds nothing more of these.
  await purgeAuthRows({ db, loginWindowMs: WINDOW_MS }, now);
  expect(await remaining(ids)).toEqual({ expired: 0, live: 2, old: 0, counting: 2 });
});

test('a live session still signs its user in after a purge', async () => {
  const { token } = await createSession(db, userId, 60 * MINUTE);
  await purgeAuthRows({ db, loginWindowMs: WINDOW_MS });
  expect((await readSession(db, token))?.id).toBe(userId);
});

test('several purges at once, from separate connection pools, share the work without an error', async () => {
  const now = new Date();
  const batches = await Promise.all(Array.from({ length: 4 }, () => seed(now)));
  const pools = Array.from({ length: 3 }, () => createDb(inject('stack').databaseUrl, 2));
  try {
    const results = await Promise.all(pools.map((pool) => purgeAuthRows({ db: pool, loginWindowMs: WINDOW_MS, batchSize: 3 }, now)));
    expect(results.reduce((sum, result) => sum + result.sessions, 0)).toBeGreaterThanOrEqual(12);
    expect(results.reduce((sum, result) => sum + result.loginAttempts, 0)).toBeGreaterThanOrEqual(8);
    for (const ids of batches) expect(await remaining(ids)).toEqual({ expired: 0, live: 2, old: 0, counting: 2 });
  } finally {
    await Promise.all(pools.map((pool) => pool.$disconnect()));
  }
});
