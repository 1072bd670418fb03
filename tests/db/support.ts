import path from 'node:path';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createTestDatabase } from '../support/test-db';

/**
 * A fresh migrated SQLite file that the app's shared Prisma client (lib/db/client) opens.
 * DATABASE_URL is set before lib/db is first imported, and the client is checked to really
 * use the temporary file, so a test can never write to the developer's database.
 */
export async function openAppDatabase(): Promise<{ prisma: PrismaClient; close: () => Promise<void> }> {
  const db = createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const { prisma } = await import('@/lib/db/client');
  const files = await prisma.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list');
  const main = files.find((f) => f.name === 'main')?.file;
  if (!main || path.resolve(main) !== path.resolve(db.file)) {
    await prisma.$disconnect();
    throw new Error(`lib/db/client opened ${main}, not the test database ${db.file}`);
  }
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      db.cleanup();
    },
  };
}

/** Ingests notes (path -> text) into the open app database through the app's own ingest path. */
export async function ingestTestNotes(notes: Record<string, string>, now = new Date('2024-03-01T00:00:00Z')): Promise<void> {
  const { ingestNote } = await import('@/lib/ingest/ingest-note');
  const { ingestDecks } = await import('@/lib/db/ingest');
  const decks = Object.entries(notes).map(([file, text]) => {
    const result = ingestNote({ path: file, text });
    if (!result.ok) throw new Error(result.error.message);
    return { deck: result.deck, storedPath: file };
  });
  await ingestDecks(decks, now);
}
