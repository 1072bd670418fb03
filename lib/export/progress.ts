/**
 * The progress export (`/export/json`), pure: the ingest export's deck format (lib/ingest/export.ts,
 * the same concepts and cards, keyed by the cards' stable keys) plus, per card, this user's SM-2
 * review state, and the user's review log.
 */
import type { DeckExport } from '../ingest/export';

export const PROGRESS_FORMAT = 'recall-progress';
export const PROGRESS_VERSION = 1;

export interface ExportState {
  repetitions: number;
  intervalDays: number;
  easeFactor: number;
  due: Date;
  lapses: number;
  lastReviewedAt: Date | null;
  introducedAt: Date;
  suspended: boolean;
  leech: boolean;
}

/** One active card as the data layer reads it, with its topic and this user's state (null: new). */
export interface ExportCard {
  key: string;
  kind: string;
  question: string;
  answer: string;
  explanation: string | null;
  line: number;
  concept: { key: string; title: string; path: string[]; file: string; line: number };
  state: ExportState | null;
}

export interface ExportLog {
  cardKey: string;
  grade: number;
  kind: string;
  reviewedAt: Date;
  timeTakenMs: number;
  /** Set when the answer was undone: it no longer counts. */
  undoneAt: Date | null;
  wasNew: boolean;
  prevIntervalDays: number;
  prevEaseFactor: number;
  intervalDays: number;
  easeFactor: number;
  due: Date;
}

export interface ProgressRows {
  /** Study days start at rolloverHour in timeZone; the limits go into the Anki deck options. */
  settings: { timeZone: string; rolloverHour: number; newPerDay: number; reviewsPerDay: number; leechLapses: number };
  cards: ExportCard[];
  logs: ExportLog[];
}

export interface ProgressExport {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: string;
  /** The user's study settings; SM-2 dues are instants, study days start at rolloverHour in timeZone. */
  settings: ProgressRows['settings'];
  concepts: DeckExport['concepts'];
  cards: (DeckExport['cards'][number] & {
    /** This user's SM-2 state; null for a card never answered. */
    review: (Omit<ExportState, 'due' | 'lastReviewedAt' | 'introducedAt'> & { due: string; lastReviewedAt: string | null; introducedAt: string }) | null;
  })[];
  /** Every answer to these cards, oldest first, undone ones included (with undoneAt). */
  reviewLog: (Omit<ExportLog, 'cardKey' | 'reviewedAt' | 'undoneAt' | 'due'> & {
    cardId: string;
    reviewedAt: string;
    undoneAt: string | null;
    due: string;
  })[];
}

const iso = (d: Date) => d.toISOString();

export function buildProgressExport(rows: ProgressRows, now: Date): ProgressExport {
  const concepts = new Map<string, DeckExport['concepts'][number]>();
  for (const { concept } of rows.cards) {
    if (!concepts.has(concept.key)) {
      concepts.set(concept.key, { id: concept.key, title: concept.title, path: concept.path, source: { file: concept.file, line: concept.line } });
    }
  }
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: iso(now),
    settings: rows.settings,
    concepts: [...concepts.values()],
    cards: rows.cards.map((c) => ({
      id: c.key,
      kind: c.kind,
      question: c.question,
      answer: c.answer,
      ...(c.explanation ? { explanation: c.explanation } : {}),
      conceptId: c.concept.key,
      source: { file: c.concept.file, line: c.line },
      review: c.state && {
        ...c.state,
        due: iso(c.state.due),
        lastReviewedAt: c.state.lastReviewedAt && iso(c.state.lastReviewedAt),
        introducedAt: iso(c.state.introducedAt),
      },
    })),
    reviewLog: rows.logs.map(({ cardKey, reviewedAt, undoneAt, due, ...log }) => ({
      cardId: cardKey,
      ...log,
      reviewedAt: iso(reviewedAt),
      undoneAt: undoneAt && iso(undoneAt),
      due: iso(due),
    })),
  };
}
