import type { FileSummary } from '../db/deck-writer';
import type { IngestWarning } from '../ingest/types';

/** What happened to one note in a run, as the deck writer reports it. */
export type NoteSummary = FileSummary;

/**
 * The note's status in words: "new, 3 concepts", "unchanged file", "removed from its folder",
 * "updated, 4 concepts, moved from notes/old.md".
 */
export function describeStatus(s: NoteSummary): string {
  const status =
    s.status === 'unchanged'
      ? 'unchanged file'
      : s.status === 'removed'
        ? 'removed from its folder'
        : `${s.status}, ${s.concepts} ${s.concepts === 1 ? 'concept' : 'concepts'}`;
  return s.movedFrom === undefined ? status : `${status}, moved from ${s.movedFrom}`;
}

/** One line per note, as the CLI prints it and the upload page shows it. */
export function describeSummary(s: NoteSummary): string {
  return `${s.file}: ${describeStatus(s)}; cards ${s.created} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.retired} retired`;
}

/** "file:line: message". */
export function describeWarning(w: IngestWarning): string {
  return `${w.file}:${w.line}: ${w.message}`;
}
