import type { NoteDeck } from '../ingest/types';
import { contentHashesOf, ingestRun, IngestRejectedError } from '../db/ingest';
import { firstTopicsOf } from '../db/notes';
import { ingestNotes } from './ingest-pool';
import { prepareNotes, type StoredNote } from './prepare-notes';
import { MAX_WARNINGS_SHOWN, type NoteReport, type UploadEvent } from './upload-events';

/** As in the CLI: a note whose parsing runs away fails with a clear error instead of hanging. */
const NOTE_TIMEOUT_MS = 60_000;

/**
 * Ingests the notes of one browser upload into the user's own deck, the CLI's way: notes whose
 * content hash is the stored one are skipped, the rest parsed, every deck checked before the
 * first write, so a note that fails leaves nothing of the upload written. A re-uploaded note is
 * updated and keeps every card's history; a .zip of a folder is that folder read in full
 * (`folders`: its notes renamed inside it are matched, those missing from it retired; see
 * lib/db/deck-writer). Progress and the outcome go to `emit` (lib/notes/upload-events).
 */
export async function importNotes(
  ownerId: string,
  notes: StoredNote[],
  folders: string[],
  now: Date,
  emit: (event: UploadEvent) => void,
): Promise<void> {
  const total = notes.length * 2;
  let done = 0;
  const step = (file: string, kind: 'parsed' | 'skipped' | 'written') => emit({ type: 'progress', done: ++done, total, file, step: kind });

  const known = await contentHashesOf(notes.map((n) => n.storedPath), ownerId);
  // One worker thread parses, note by note, with a time limit: the server's event loop stays free
  // for other requests (and this upload's progress) however long a note takes.
  const prepared = await prepareNotes(notes, {
    known,
    onStep: step,
    ingest: (inputs, onNoteDone) => ingestNotes(inputs, { workers: 1, timeoutMs: NOTE_TIMEOUT_MS, onNoteDone }),
  });
  if (prepared.failures.length > 0) {
    emit({ type: 'failed', errors: prepared.failures });
    return;
  }
  let result;
  let written = 0;
  try {
    result = await ingestRun(prepared.entries, now, {
      ownerId,
      folders,
      onFileWritten: (file) => {
        written++;
        step(file, 'written');
      },
    });
  } catch (error) {
    if (error instanceof IngestRejectedError) {
      emit({ type: 'failed', errors: error.problems });
      return;
    }
    // Each note is its own transaction: those before the failure are saved, and uploading the
    // same files again finishes the job (the saved ones are then unchanged).
    // The database's own message (Prisma's, with source excerpts) is for the server log only.
    console.error('notes upload: saving failed', error);
    emit({ type: 'failed', errors: ['Saving stopped: the database failed to write a note.'], written });
    return;
  }
  const decks = new Map<string, NoteDeck>(prepared.decks.map((deck) => [deck.file, deck]));
  const topics = await firstTopicsOf(ownerId, result.summaries.map((s) => s.file));
  const reports: NoteReport[] = result.summaries.map((summary) => {
    const warnings = decks.get(summary.file)?.warnings ?? [];
    return {
      ...summary,
      warnings: warnings.slice(0, MAX_WARNINGS_SHOWN),
      moreWarnings: Math.max(0, warnings.length - MAX_WARNINGS_SHOWN),
      topicId: summary.status === 'removed' ? null : (topics.get(summary.file) ?? null),
    };
  });
  emit({ type: 'done', notes: reports });
}
