import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client';
import { databaseUrl } from './url';

/**
 * The one Prisma client of the process. Only lib/db/* imports it. It is cached on globalThis so
 * that Next's dev reloads and tests do not open a new SQLite handle per import.
 */
const cache = globalThis as unknown as { prisma?: PrismaClient };

export function createPrisma(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url }),
    omit: { user: { passwordHash: true } },
  });
}

export const prisma: PrismaClient = (cache.prisma ??= createPrisma());
