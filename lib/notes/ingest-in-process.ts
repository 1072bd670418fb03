import type { NoteInput } from '../ingest/types';
import type { IngestMany } from './prepare-notes';
import { runIngest, type NoteOutcome } from './run-ingest';

/**
 * Ingests notes one after another on the calling thread, yielding to the event loop between
 * notes so that a server can stream progress (and answer other requests) while an upload is
 * parsed. The web app uses this instead of lib/notes/ingest-pool, whose workers boot TypeScript
 * through tsx and so run only under tsx or vitest, not in a Next build.
 */
export const ingestInProcess: IngestMany = async (inputs: NoteInput[], onNoteDone) => {
  const outcomes: NoteOutcome[] = [];
  for (const [id, input] of inputs.entries()) {
    const reply = runIngest({ id, input });
    outcomes.push(reply.outcome);
    onNoteDone(input, reply.outcome, reply.elapsedMs);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcomes;
};
