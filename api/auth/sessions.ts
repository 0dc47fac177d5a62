// Server-side sessions stored in the database. The cookie carries a random token; the table keeps only
// its SHA-256, so reading the table does not let anyone sign in.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../lib/db';
import type { Role } from '../../prisma/generated/client';
import type { AccountRole } from '../../workflows/model/order-model';

export const SESSION_COOKIE = 'sid';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  store: { id: string; name: string; slug: string } | null;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, userId: string, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.session.create({ data: { id: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The signed-in user for a cookie token, or null when the token is unknown, malformed or expired. */
export async function readSession(db: Db, token: string | undefined): Promise<SessionUser | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  // One joined query: every authenticated request runs it, and Prisma's include would take three.
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT sess."expiresAt", u."id", u."email", u."name", u."role"::text AS "role",
      s."id" AS "storeId", s."name" AS "storeName", s."slug" AS "storeSlug"
    FROM "Session" AS sess
    JOIN "User" AS u ON u."id" = sess."userId"
    LEFT JOIN "Store" AS s ON s."ownerId" = u."id"
    WHERE sess."id" = ${hashToken(token)}`;
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  const { expiresAt: _expiresAt, storeId, storeName, storeSlug, ...user } = row;
  return { ...user, store: storeId && storeName && storeSlug ? { id: storeId, name: storeName, slug: storeSlug } : null };
}

interface SessionRow {
  expiresAt: Date;
  id: string;
  email: string;
  name: string;
  /** The database's enum: it must fit the model's account roles, or readSession stops compiling. */
  role: Role;
  storeId: string | null;
  storeName: string | null;
  storeSlug: string | null;
}

export async function deleteSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
}
