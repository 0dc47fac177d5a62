// Server-side sessions stored in the database. The cookie carries a random token; the table keeps only
// its SHA-256, so reading the table does not let anyone sign in.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../lib/db';

export const SESSION_COOKIE = 'sid';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'buyer' | 'seller';
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
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    select: {
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, store: { select: { id: true, name: true, slug: true } } } },
    },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return session.user;
}

export async function deleteSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
}
