import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import { Mutex } from 'async-mutex';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * How every connection of the app, the CLI, the scripts and the tests opens the SQLite file:
 *
 * - WAL journal: readers never wait for a writer (an ingest does not stall page loads), and a commit
 *   appends to the log instead of rewriting pages. `synchronous=NORMAL` is durable in WAL mode except
 *   for the last commits before a power loss, never corrupting.
 * - busy_timeout: a statement outside a transaction that finds the file locked waits up to
 *   BUSY_TIMEOUT_MS (inside SQLite, blocking the thread) instead of failing at once.
 * - Every transaction starts with BEGIN IMMEDIATE, taking the write lock up front. The adapter's
 *   plain BEGIN takes it at the first write, and SQLite then answers SQLITE_BUSY at once, without
 *   waiting, when another process wrote in between (a deadlock-free upgrade is impossible): that was
 *   the raw "Operation has timed out" a double submit or an ingest gave.
 * - The write lock is waited for asynchronously: BEGIN IMMEDIATE is tried without SQLite's own
 *   (thread-blocking) wait and retried after short sleeps, so a server keeps answering other
 *   requests while an ingest holds the lock. After LOCK_WAIT_MS it gives up with DatabaseBusyError.
 *
 * Hand-written because @prisma/adapter-better-sqlite3 6.19 has no option for any of this; this
 * wraps its adapter and only replaces how a transaction begins. It also hands out the adapter's
 * own better-sqlite3 connection, for lib/db/direct-sql.ts.
 */

export const BUSY_TIMEOUT_MS = 5_000;
/** Longest a transaction waits for another process's write lock before DatabaseBusyError. */
export const LOCK_WAIT_MS = 20_000;
/** Sleeps between BEGIN IMMEDIATE attempts; short, because SQLite hands the lock to whoever asks first. */
const RETRY_MIN_MS = 2;
const RETRY_MAX_MS = 10;

/** The write lock stayed taken (an ingest, another process) for longer than the wait allows. */
export class DatabaseBusyError extends Error {
  constructor(waitedMs: number) {
    super(`The database stayed busy for ${Math.round(waitedMs / 1000)} s (notes are probably being imported). Try again in a moment.`);
  }
}

/** The adapter factory, which also knows the connection it opened last. */
export interface SqliteAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** The better-sqlite3 connection of the latest connect() while it is open, else null. */
  connection(): BetterSqlite3.Database | null;
}

export function createSqliteAdapter(url: string, options: { lockWaitMs?: number } = {}): SqliteAdapterFactory {
  const inner = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
  let current: BetterSqlite3.Database | null = null;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      // The adapter keeps its connection in an undeclared `client` field (checked by tests/db/direct-sql.test.ts).
      current = (adapter as unknown as { client?: BetterSqlite3.Database }).client ?? null;
      return configured(adapter, lockWaitMs);
    },
    connectToShadowDb: async () => configured(await inner.connectToShadowDb(), lockWaitMs),
    connection: () => (current?.open ? current : null),
  };
}

async function configured(adapter: SqlDriverAdapter, lockWaitMs: number): Promise<SqlDriverAdapter> {
  await adapter.executeScript(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`);
  return new ImmediateTransactions(adapter, lockWaitMs);
}

/** The adapter with BEGIN IMMEDIATE transactions, one at a time per connection (as the adapter itself does). */
class ImmediateTransactions implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #lockWaitMs: number;
  /** One connection runs one transaction at a time; other statements of the process still run meanwhile. */
  readonly #mutex = new Mutex();

  constructor(inner: SqlDriverAdapter, lockWaitMs: number) {
    this.#inner = inner;
    this.#lockWaitMs = lockWaitMs;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery) {
    return this.#inner.executeRaw(query);
  }

  executeScript(script: string) {
    return this.#inner.executeScript(script);
  }

  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    return this.#inner.dispose();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE') {
      throw new Error(`SQLite transactions are always SERIALIZABLE, not ${isolationLevel}`);
    }
    const release = await this.#mutex.acquire();
    try {
      await this.#beginImmediate();
    } catch (error) {
      release();
      throw error;
    }
    const inner = this.#inner;
    // Prisma sends COMMIT / ROLLBACK itself as queries (usePhantomQuery: false); commit() and
    // rollback() only hand the connection to the next transaction.
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      commit: async () => release(),
      rollback: async () => release(),
    };
  }

  async #beginImmediate(): Promise<void> {
    const started = Date.now();
    for (;;) {
      try {
        // No SQLite-side wait for this one statement: the waiting happens below, off the thread.
        await this.#inner.executeScript(`PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`);
        return;
      } catch (error) {
        await this.#inner.executeScript(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`);
        if (!isBusy(error)) throw error;
      }
      const waited = Date.now() - started;
      if (waited >= this.#lockWaitMs) throw new DatabaseBusyError(waited);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MIN_MS + Math.random() * (RETRY_MAX_MS - RETRY_MIN_MS)));
    }
  }
}

/** SQLITE_BUSY as the adapter reports it (a DriverAdapterError of kind SocketTimeout) or as better-sqlite3 throws it. */
export function isBusy(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { kind?: unknown; originalCode?: unknown } } | null;
  const code = e?.cause?.originalCode ?? e?.code;
  return (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || e?.cause?.kind === 'SocketTimeout';
}
