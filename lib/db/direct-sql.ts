import type BetterSqlite3 from 'better-sqlite3';
import { sqliteConnection } from './client';
import type { Prisma, PrismaClient } from './generated/client';

/**
 * Raw SQL run by better-sqlite3 itself on the Prisma client's own connection: the statements of
 * the review loop (session check, answer, next card), about twenty per answer.
 *
 * Hand-written because Prisma 6.19's client engine spends about 0.25 ms of JavaScript and
 * WebAssembly on every $queryRaw (planning, mapping arguments and rows) around statements that
 * SQLite runs in 0.01-0.05 ms, and compiles each statement afresh; that was most of an answer's
 * database time. Compiled statements are kept here instead. It is the same connection, so WAL,
 * locking and transactions are Prisma's: a statement run inside a prisma.$transaction callback
 * belongs to that transaction (one transaction at a time per connection, lib/db/sqlite-adapter.ts).
 *
 * Values map as @prisma/adapter-better-sqlite3 maps them: a Date is stored as ISO 8601 text with
 * "+00:00" and a boolean as 1/0; result columns declared DATETIME come back as Date and BOOLEAN as
 * boolean. Integers come back as numbers (Prisma gives a bigint for a computed one such as
 * COUNT(*)). Errors are better-sqlite3's SqliteError with SQLite's code, not Prisma's errors.
 */

interface Compiled {
  statement: BetterSqlite3.Statement<unknown[]>;
  dates: string[];
  booleans: string[];
}

/** The review loop has a few dozen distinct statements; a scope or exclusion list never changes the text. */
const STATEMENTS_KEPT = 200;
const compiledBy = new WeakMap<BetterSqlite3.Database, Map<string, Compiled>>();

function compile(db: BetterSqlite3.Database, sql: string): Compiled {
  let kept = compiledBy.get(db);
  if (!kept) compiledBy.set(db, (kept = new Map()));
  let entry = kept.get(sql);
  if (entry) kept.delete(sql);
  else {
    const statement = db.prepare<unknown[]>(sql).safeIntegers(false);
    const columns = statement.reader ? statement.columns() : [];
    const declared = (types: string[]) => columns.filter((c) => types.includes(c.type?.toUpperCase() ?? '')).map((c) => c.name);
    entry = { statement, dates: declared(['DATETIME', 'TIMESTAMP']), booleans: declared(['BOOLEAN']) };
  }
  kept.set(sql, entry);
  if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
  return entry;
}

function bind(query: Prisma.Sql): unknown[] {
  return query.values.map((value) => {
    if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  });
}

/** The rows of a SELECT (or of a statement with RETURNING), on `client`'s connection (the app's by default). */
export async function queryRows<T>(query: Prisma.Sql, client?: PrismaClient): Promise<T[]> {
  const { statement, dates, booleans } = compile(await sqliteConnection(client), query.sql);
  const rows = statement.all(bind(query)) as Record<string, unknown>[];
  if (dates.length > 0 || booleans.length > 0) {
    for (const row of rows) {
      for (const name of dates) if (row[name] !== null) row[name] = new Date(row[name] as string | number);
      for (const name of booleans) if (row[name] !== null) row[name] = Boolean(row[name]);
    }
  }
  return rows as T[];
}

/** Runs an INSERT, UPDATE or DELETE on `client`'s connection (the app's by default); returns the number of rows it changed. */
export async function executeSql(query: Prisma.Sql, client?: PrismaClient): Promise<number> {
  const { statement } = compile(await sqliteConnection(client), query.sql);
  return statement.run(bind(query)).changes;
}

/** A unique or primary-key constraint failure from better-sqlite3 (a statement run here). */
export function isSqliteUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
