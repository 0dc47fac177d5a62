// Prisma 7 reads the connection URL from here, not from schema.prisma. Migrations are applied by
// scripts/migrate.ts, which keeps the `_prisma_migrations` table that `prisma migrate deploy` uses.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
