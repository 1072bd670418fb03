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
 * one of `failed` or `done`. A note that cannot be read or parsed fails the upload before anything
 * is written; only the database failing midway can leave part of an upload written.
 */
export type UploadEvent =
  | { type: 'progress'; done: number; total: number; file: string; step: 'parsed' | 'skipped' | 'written' }
  /** `written`: notes saved before the error (each note is its own transaction); absent: none. */
  | { type: 'failed'; errors: string[]; written?: number }
  | { type: 'done'; notes: NoteReport[] };

/** An upload refused before any note was read (HTTP 4xx, JSON body). */
export interface UploadRefusal {
  errors: string[];
}
