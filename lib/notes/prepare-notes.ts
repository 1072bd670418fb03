import { contentHash } from '../ingest/identity';
import type { NoteDeck, NoteInput } from '../ingest/types';
import type { NoteOutcome } from './run-ingest';

/** One file of a run, ready for lib/db/deck-writer's writeIngestRun. */
export interface RunEntry {
  file: string;
  storedPath: string;
  /** null: the file's content hash is the stored one, so it was not parsed. */
  deck: NoteDeck | null;
}

/** A note's text with the path its Source row is keyed by. */
export type StoredNote = NoteInput & { storedPath: string };

/**
 * Ingests notes, outcomes in input order, calling `onNoteDone` as each finishes: lib/notes/
 * ingest-pool, set up by each caller (the CLI uses every core, the web upload one worker thread).
 */
export type IngestMany = (
  inputs: NoteInput[],
  onNoteDone: (input: NoteInput, outcome: NoteOutcome, elapsedMs: number) => void,
) => Promise<NoteOutcome[]>;

export interface PreparedNotes {
  entries: RunEntry[];
  /** Every parsed deck, in input order. */
  decks: NoteDeck[];
  /** "file:line: message" for each note that could not be parsed; nothing may be written. */
  failures: string[];
  /** Milliseconds: parsing (wall) and the sum of each note's own parse time. */
  timings: { parseMs: number; parseCpuMs: number };
}

/**
 * Skips the notes whose content hash is the stored one (before any parsing) and parses the rest.
 * Takes text, never reads files: the CLI and the web upload share it. With any failure `entries`
 * is empty, so a caller cannot write part of a run by mistake.
 */
export async function prepareNotes(
  inputs: StoredNote[],
  options: {
    ingest: IngestMany;
    /** Stored content hash by stored path: notes whose hash matches are not parsed. */
    known?: Map<string, string>;
    /** Called once per note parsed or skipped. */
    onStep?: (file: string, step: 'parsed' | 'skipped') => void;
  },
): Promise<PreparedNotes> {
  const skip = new Set<number>();
  inputs.forEach((input, i) => {
    if (options.known?.get(input.storedPath) === contentHash(input.text)) skip.add(i);
  });
  const startParse = performance.now();
  for (const i of skip) options.onStep?.(inputs[i].path, 'skipped');
  const toParse = inputs.filter((_, i) => !skip.has(i));
  let parseCpuMs = 0;
  const outcomes = await options.ingest(toParse, (input, _outcome, elapsedMs) => {
    parseCpuMs += elapsedMs;
    options.onStep?.(input.path, 'parsed');
  });
  const parseMs = performance.now() - startParse;

  const failures: string[] = [];
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
    timings: { parseMs, parseCpuMs },
  };
}
