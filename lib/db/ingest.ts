import type { NoteDeck } from '../ingest/types';
import { prisma } from './client';
import { writeDecks, type FileSummary } from './deck-writer';

/** Stores ingested notes in the app database, all in one transaction. */
export function ingestDecks(decks: { deck: NoteDeck; storedPath: string }[], now: Date): Promise<FileSummary[]> {
  return writeDecks(prisma, decks, now);
}
