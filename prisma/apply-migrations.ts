import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';

const MIGRATIONS = path.resolve(import.meta.dirname, 'migrations');

/**
 * Applies every checked-in migration in order, as `prisma migrate deploy` would on a fresh file,
 * without spawning the CLI. For tests and benchmarks that need many throwaway databases.
 */
export function applyMigrations(db: Database): void {
  for (const name of readdirSync(MIGRATIONS).filter((n) => !n.includes('.')).sort()) {
    db.exec(readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
  }
}
