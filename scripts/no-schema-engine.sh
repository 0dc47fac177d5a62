#!/bin/sh
# Stand-in for Prisma's schema engine: migrations are applied by scripts/migrate.ts instead.
echo "Prisma's schema engine is not available; use 'npm run db:migrate' (scripts/migrate.ts)." >&2
exit 1
