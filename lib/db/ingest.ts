import type { NoteDeck } from '../ingest/types';
import { prisma } from './client';
import {
  storedHashes,
  writeDecks,
  writeIngestRun,
  type FileSummary,
  type IngestEntry,
  type WriteOptions,
  type WriteResult,
} from './deck-writer';

export type { FileSummary, IngestEntry, WriteOptions, WriteResult };

/** Stores ingested notes in the app database, all in one transaction. */
export function ingestDecks(decks: { deck: NoteDeck; storedPath: string }[], now: Date): Promise<FileSummary[]> {
  return writeDecks(prisma, decks, now);
}

/**
 * Stores one ingest run (parsed decks, and files skipped because their content hash is unchanged)
 * in one transaction.
 */
export function ingestRun(entries: IngestEntry[], now: Date, options?: WriteOptions): Promise<WriteResult> {
  return writeIngestRun(prisma, entries, now, options);
}

/** The stored content hash of each already-ingested path, looked up before any parsing. */
export function contentHashesOf(paths: string[]): Promise<Map<string, string>> {
  return storedHashes(prisma, paths);
}

export async function disconnect(): Promise<void> {
  await prisma.$disconnect();
}
