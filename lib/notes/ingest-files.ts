import { contentHash } from '../ingest/identity';
import type { NoteDeck, NoteInput } from '../ingest/types';
import { ingestNotes } from './ingest-pool';
import { NoteReadError, readNote, type NoteFile } from './read-notes';

/** One file of a run, ready for lib/db/deck-writer's writeIngestRun. */
export interface RunEntry {
  file: string;
  storedPath: string;
  /** null: the file's content hash is the stored one, so it was not parsed. */
  deck: NoteDeck | null;
}

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
 * Reads notes, skips the ones whose content hash is unchanged (before any parsing), and parses
 * the rest in parallel. Reading and decoding errors surface here, before anything is written.
 */
export async function prepareRun(files: NoteFile[], options: PrepareOptions = {}): Promise<PreparedRun> {
  const failures: string[] = [];
  const startRead = performance.now();
  const inputs: (NoteInput & { storedPath: string })[] = [];
  const skip = new Set<number>();
  for (const { file, storedPath } of files) {
    try {
      const note = await readNote(file);
      const input = { ...note, storedPath };
      if (options.known?.get(input.storedPath) === contentHash(input.text)) skip.add(inputs.length);
      inputs.push(input);
    } catch (error) {
      if (!(error instanceof NoteReadError)) throw error;
      failures.push(error.message);
    }
    options.onStep?.(file, 'read');
  }
  const readMs = performance.now() - startRead;

  const startParse = performance.now();
  for (const i of skip) options.onStep?.(inputs[i].path, 'skipped');
  const toParse = inputs.filter((_, i) => !skip.has(i));
  let parseCpuMs = 0;
  const outcomes = await ingestNotes(toParse, {
    workers: options.workers,
    mainThread: options.mainThread,
    timeoutMs: options.timeoutMs,
    onNoteDone: (input, _outcome, elapsedMs) => {
      parseCpuMs += elapsedMs;
      options.onStep?.(input.path, 'parsed');
    },
  });
  const parseMs = performance.now() - startParse;

  const deckOf = new Map<string, NoteDeck>();
  outcomes.forEach((outcome, i) => {
    if (outcome.ok) deckOf.set(toParse[i].path, outcome.deck);
    else failures.push(`${outcome.error.file}:${outcome.error.line}: ${outcome.error.message}`);
  });
  const entries = inputs.map((input, i) => ({
    file: input.path,
    storedPath: input.storedPath,
    deck: skip.has(i) ? null : (deckOf.get(input.path) ?? null),
  }));
  return {
    entries: failures.length > 0 ? [] : entries,
    decks: entries.flatMap((e) => (e.deck ? [e.deck] : [])),
    failures,
    timings: { readMs, parseMs, parseCpuMs },
  };
}
