import { PrismaClient } from './generated/client';
import { createSqliteAdapter, LOCK_WAIT_MS } from './sqlite-adapter';
import { databaseUrl } from './url';

/**
 * The one Prisma client of the process. Only lib/db/* imports it. It is cached on globalThis so
 * that Next's dev reloads and tests do not open a new SQLite handle per import.
 */
const cache = globalThis as unknown as { prisma?: PrismaClient };

export function createPrisma(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({
    adapter: createSqliteAdapter(url),
    omit: { user: { passwordHash: true } },
    // A transaction may queue behind this process's others and then wait for another process's
    // write lock (lib/db/sqlite-adapter.ts gives up after LOCK_WAIT_MS with a clear error), so
    // Prisma's own start deadline (2 s by default) must not cut that short.
    transactionOptions: { maxWait: LOCK_WAIT_MS + 10_000 },
  });
}

export const prisma: PrismaClient = (cache.prisma ??= createPrisma());
