// Applies migrations and the demo seed to DATABASE_URL. `npm start` runs the same steps itself; this
// script is for deployments (`npx tsx scripts/db-setup.ts`).

import { pathToFileURL } from 'node:url';
import { createDb } from '../lib/db';
import { migrate } from '../prisma/migrate';
import { seed } from '../prisma/seed';

export async function setUpDatabase(databaseUrl: string, { withSeed = true } = {}): Promise<string[]> {
  const applied = await migrate(databaseUrl);
  if (withSeed) {
    const db = createDb(databaseUrl, 2);
    try {
      await seed(db);
    } finally {
      await db.$disconnect();
    }
  }
  return applied;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to the PostgreSQL database to migrate.');
    process.exit(1);
  }
  const applied = await setUpDatabase(url, { withSeed: process.env.SEED !== 'false' });
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
}
