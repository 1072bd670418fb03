import type { IngestWarning } from '../ingest/types';

/** What happened to one note in a run; the same shape as lib/db/deck-writer's FileSummary. */
export interface NoteSummary {
  file: string;
  status: 'new' | 'updated' | 'unchanged' | 'removed';
  concepts: number;
  created: number;
  changed: number;
  unchanged: number;
  retired: number;
}

/** The note's status in words: "new, 3 concepts", "unchanged file", "removed from its folder". */
export function describeStatus(s: NoteSummary): string {
  if (s.status === 'unchanged') return 'unchanged file';
  if (s.status === 'removed') return 'removed from its folder';
  return `${s.status}, ${s.concepts} concepts`;
}

/** One line per note, as the CLI prints it and the upload page shows it. */
export function describeSummary(s: NoteSummary): string {
  return `${s.file}: ${describeStatus(s)}; cards ${s.created} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.retired} retired`;
}

/** "file:line: message". */
export function describeWarning(w: IngestWarning): string {
  return `${w.file}:${w.line}: ${w.message}`;
}
