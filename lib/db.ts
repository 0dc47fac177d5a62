// The Prisma client over the `pg` driver adapter. The same code serves embedded PGlite (through its
// socket server) and a real PostgreSQL.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client';

export type Db = PrismaClient;

export function createDb(databaseUrl: string, poolSize = 10): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

/**
 * `text` for Prisma's `contains`, `startsWith` and `endsWith`, so that it matches only itself. Prisma puts
 * the value into a LIKE or ILIKE pattern as it is (prisma/prisma#19506), where `%` and `_` are wildcards;
 * PostgreSQL's LIKE escapes with a backslash by default, so `\`, `%` and `_` each get one.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
