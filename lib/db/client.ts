import type BetterSqlite3 from 'better-sqlite3';
import { PrismaClient } from './generated/client';
import { createSqliteAdapter, LOCK_WAIT_MS, type SqliteAdapterFactory } from './sqlite-adapter';
import { databaseUrl } from './url';

/**
 * The one Prisma client of the process. Only lib/db/* imports it. It is cached on globalThis so
 * that Next's dev reloads and tests do not open a new SQLite handle per import.
 */
const cache = globalThis as unknown as { prisma?: PrismaClient; prismaAdapters?: WeakMap<object, SqliteAdapterFactory> };
const adapters = (cache.prismaAdapters ??= new WeakMap<object, SqliteAdapterFactory>());

export function createPrisma(url: string = databaseUrl()): PrismaClient {
  const adapter = createSqliteAdapter(url);
  const client: PrismaClient = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    // A transaction may queue behind this process's others and then wait for another process's
    // write lock (lib/db/sqlite-adapter.ts gives up after LOCK_WAIT_MS with a clear error), so
    // Prisma's own start deadline (2 s by default) must not cut that short.
    transactionOptions: { maxWait: LOCK_WAIT_MS + 10_000 },
  });
  adapters.set(client, adapter);
  return client;
}

export const prisma: PrismaClient = (cache.prisma ??= createPrisma());

/**
 * The SQLite connection `client` queries through (opened if it is not yet), for lib/db/direct-sql.ts:
 * one connection, so a statement run on it inside a Prisma transaction is part of that transaction.
 */
export async function sqliteConnection(client: PrismaClient = prisma): Promise<BetterSqlite3.Database> {
  const adapter = adapters.get(client);
  if (!adapter) throw new Error('This Prisma client was not made by createPrisma');
  const open = adapter.connection();
  if (open) return open;
  await client.$connect();
  const connected = adapter.connection();
  if (!connected) throw new Error('The Prisma client did not open its SQLite connection');
  return connected;
}
