import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { databaseUrl } from './lib/db/url';

process.env.DATABASE_URL ??= databaseUrl();

// Offline-safe Prisma 6.19: the JS schema engine over better-sqlite3, so no engine binary is ever downloaded.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
});
