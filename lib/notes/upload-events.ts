import type { IngestWarning } from '../ingest/types';
import type { NoteSummary } from './summary';

/** Most warnings sent per note; the rest are counted (a long export can have hundreds). */
export const MAX_WARNINGS_SHOWN = 100;

/** What became of one note of an upload: the CLI's summary, its warnings, and where to read it. */
export interface NoteReport extends NoteSummary {
  warnings: IngestWarning[];
  /** Warnings beyond MAX_WARNINGS_SHOWN. */
  moreWarnings: number;
  /** The note's first topic, to open it; null when it has none (or was removed). */
  topicId: string | null;
}

/**
 * The upload's response, one JSON object per line (NDJSON), in this order: progress events (each
 * note is parsed or skipped as unchanged, then written: `total` is twice the notes), then exactly
 * one of `failed` (nothing was written) or `done`.
 */
export type UploadEvent =
  | { type: 'progress'; done: number; total: number; file: string; step: 'parsed' | 'skipped' | 'written' }
  | { type: 'failed'; errors: string[] }
  | { type: 'done'; notes: NoteReport[] };

/** An upload refused before any note was read (HTTP 4xx, JSON body). */
export interface UploadRefusal {
  errors: string[];
}
