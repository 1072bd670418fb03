import type { NoteDeck } from './types';

/** The deck export format (also what `ingest --dry-run --json` writes). */
export interface DeckExport {
  concepts: { id: string; title: string; path: string[]; source: { file: string; line: number } }[];
  cards: {
    id: string;
    kind: string;
    question: string;
    answer: string;
    explanation?: string;
    conceptId: string;
    source: { file: string; line: number };
  }[];
}

export function buildExport(decks: NoteDeck[]): DeckExport {
  return {
    concepts: decks.flatMap((deck) =>
      deck.concepts.map((c) => ({ id: c.key, title: c.title, path: c.path, source: { file: deck.file, line: c.startLine } })),
    ),
    cards: decks.flatMap((deck) =>
      deck.cards.map((c) => ({
        id: c.key,
        kind: c.kind,
        question: c.question,
        answer: c.answer,
        ...(c.explanation ? { explanation: c.explanation } : {}),
        conceptId: c.conceptKey,
        source: { file: deck.file, line: c.line },
      })),
    ),
  };
}
