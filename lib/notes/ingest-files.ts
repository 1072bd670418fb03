import type { NoteDeck } from '../ingest/types';
import { ingestNotes } from './ingest-pool';
import { prepareNotes, type RunEntry, type StoredNote } from './prepare-notes';
import { NoteReadError, readNote, type NoteFile } from './read-notes';

export type { RunEntry };

export interface PreparedRun {
  entries: RunEntry[];
  /** Every parsed deck, in file order. */
  decks: NoteDeck[];
  /** "file:line: message" for each file that could not be read or parsed; nothing may be written. */
  failures: string[];
  /**
   * Milliseconds: reading (and hashing), parsing (wall), and the sum of each note's own parse
   * time (the single-thread cost; parseCpuMs / parseMs is the parallel speed-up).
   */
  timings: { readMs: number; parseMs: number; parseCpuMs: number };
}

export interface PrepareOptions {
  /** Stored content hash by stored path: files whose hash matches are not parsed. */
  known?: Map<string, string>;
  /** Threads for parsing, the main thread included (default: available parallelism). */
  workers?: number;
  /** Whether the main thread parses too (default true); see lib/notes/ingest-pool. */
  mainThread?: boolean;
  /** Time limit per note; a note that runs past it fails the run with a clear per-file error. */
  timeoutMs?: number;
  /** Called once per file read, then once per file parsed or skipped. */
  onStep?: (file: string, step: 'read' | 'parsed' | 'skipped') => void;
}

/**
 * Reads notes, then prepares them (lib/notes/prepare-notes: unchanged ones skipped by content
 * hash, the rest parsed in parallel). Reading and decoding errors surface here, before anything
 * is written.
 */
export async function prepareRun(files: NoteFile[], options: PrepareOptions = {}): Promise<PreparedRun> {
  const failures: string[] = [];
  const startRead = performance.now();
  const inputs: StoredNote[] = [];
  for (const { file, storedPath } of files) {
    try {
      inputs.push({ ...(await readNote(file)), storedPath });
    } catch (error) {
      if (!(error instanceof NoteReadError)) throw error;
      failures.push(error.message);
    }
    options.onStep?.(file, 'read');
  }
  const readMs = performance.now() - startRead;

  const prepared = await prepareNotes(inputs, {
    known: options.known,
    onStep: options.onStep,
    ingest: (notes, onNoteDone) =>
      ingestNotes(notes, { workers: options.workers, mainThread: options.mainThread, timeoutMs: options.timeoutMs, onNoteDone }),
  });
  failures.push(...prepared.failures);
  return {
    entries: failures.length > 0 ? [] : prepared.entries,
    decks: prepared.decks,
    failures,
    timings: { readMs, ...prepared.timings },
  };
}
