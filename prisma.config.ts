import { defineConfig } from 'prisma/config';
import { createSqliteAdapter } from './lib/db/sqlite-adapter';
import { databaseUrl } from './lib/db/url';

process.env.DATABASE_URL ??= databaseUrl();

// Offline-safe Prisma 6.19: the JS schema engine over better-sqlite3, so no engine binary is ever downloaded.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  // The same connection settings as the app (WAL, busy timeout): lib/db/sqlite-adapter.ts.
  adapter: async () => createSqliteAdapter(databaseUrl()),
});
