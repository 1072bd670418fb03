import { ingestNote } from '@/lib/ingest/ingest-note';
import type { NoteDeck } from '@/lib/ingest/types';

/** Ingests a note that must be readable text and returns its deck. */
export function deckOf(text: string, path = 'notes/caching.md'): NoteDeck {
  const result = ingestNote({ path, text });
  if (!result.ok) throw new Error(`expected ${path} to ingest, got ${JSON.stringify(result.error)}`);
  return result.deck;
}

/** The cards of a note as [kind, question, answer] triples, the way a learner sees them. */
export function cardsOf(text: string, path?: string): [string, string, string][] {
  return deckOf(text, path).cards.map((c) => [c.kind, c.question, c.answer]);
}

/** Joins lines into a note, so table rows stay readable. */
export const note = (...lines: string[]): string => lines.join('\n');
