import { ingestNote, type IngestResult } from '../ingest/ingest-note';
import type { NoteInput } from '../ingest/types';

/**
 * What ingesting one note ended in. `crashed` marks a failure that is not the note's fault:
 * ingestNote threw (a bug: it must return an error instead), or ran past the pool's time limit.
 */
export type NoteOutcome = IngestResult & { crashed?: 'threw' | 'timeout' };

export interface PoolTask {
  id: number;
  input: NoteInput;
}

export interface PoolReply {
  id: number;
  outcome: NoteOutcome;
  elapsedMs: number;
}

/** Runs ingestNote on one note; an exception becomes a failed outcome naming the file. */
export function runIngest({ id, input }: PoolTask): PoolReply {
  const start = performance.now();
  let outcome: NoteOutcome;
  try {
    outcome = ingestNote(input);
  } catch (error) {
    outcome = crashed(input, 'threw', `internal error while ingesting: ${describe(error)}`);
  }
  return { id, outcome, elapsedMs: performance.now() - start };
}

export function crashed(input: NoteInput, how: 'threw' | 'timeout', message: string): NoteOutcome {
  return { ok: false, error: { file: input.path, line: 1, message }, crashed: how };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
