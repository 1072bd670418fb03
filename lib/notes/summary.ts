import type { IngestWarning } from '../ingest/types';

/** What happened to one note in a run; the same shape as lib/db/deck-writer's FileSummary. */
export interface NoteSummary {
  file: string;
  status: 'new' | 'updated' | 'unchanged' | 'removed';
  /** The path the note had, when it was found renamed or moved (matched by content). */
  movedFrom?: string;
  concepts: number;
  created: number;
  changed: number;
  unchanged: number;
  retired: number;
}

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
