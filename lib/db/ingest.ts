import type { NoteDeck } from '../ingest/types';
import { prisma } from './client';
import {
  IngestRejectedError,
  storedHashes,
  writeDecks,
  writeIngestRun,
  type FileSummary,
  type IngestEntry,
  type WriteOptions,
  type WriteResult,
} from './deck-writer';

export { IngestRejectedError };
export type { FileSummary, IngestEntry, WriteOptions, WriteResult };

/** Stores ingested notes in the app database as one run (see ingestRun). */
export function ingestDecks(
  decks: { deck: NoteDeck; storedPath: string }[], now: Date, options?: WriteOptions,
): Promise<FileSummary[]> {
  return writeDecks(prisma, decks, now, options);
}

/**
 * Stores one ingest run (parsed decks, and files skipped because their content hash is unchanged)
 * in the deck of `options.ownerId` (a user's id; null or absent: the shared starter deck). Every
 * deck is checked before the first write (a bad one throws IngestRejectedError, nothing written);
 * then each file is written in its own short transaction (lib/db/deck-writer).
 */
export function ingestRun(entries: IngestEntry[], now: Date, options?: WriteOptions): Promise<WriteResult> {
  return writeIngestRun(prisma, entries, now, options);
}

/**
 * The stored content hash of each already-ingested path of one deck (a user's id, or null for the
 * shared starter deck), looked up before any parsing.
 */
export function contentHashesOf(paths: string[], ownerId: string | null = null): Promise<Map<string, string>> {
  return storedHashes(prisma, paths, ownerId);
}

/** The id of the user with this email, whose deck a `--user` ingest writes; null when there is none. */
export async function userIdByEmail(email: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}

export async function disconnect(): Promise<void> {
  await prisma.$disconnect();
}
