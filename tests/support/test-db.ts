import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from '../../prisma/apply-migrations';

/**
 * A fresh SQLite file with every checked-in migration applied, the way `prisma migrate deploy`
 * would. Set DATABASE_URL to `url` before importing lib/db modules.
 */
export function createTestDatabase(): { url: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-test-'));
  const file = path.join(dir, 'test.db');
  const db = new Database(file);
  applyMigrations(db);
  db.close();
  return { url: `file:${file}`, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
