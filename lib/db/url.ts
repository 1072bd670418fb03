import path from 'node:path';

/** The default database: a git-ignored file inside the project. */
export const DEFAULT_DATABASE_URL = 'file:./prisma/dev.db';

/**
 * The SQLite URL from DATABASE_URL (default prisma/dev.db), with a relative file path resolved
 * against the working directory so the CLI, the scripts and the server all open the same file.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (!raw.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${raw}"`);
  }
  const file = raw.slice('file:'.length);
  return `file:${path.resolve(file)}`;
}
