import Link from 'next/link';
import { describeStatus, describeWarning } from '@/lib/notes/summary';
import type { NoteReport } from '@/lib/notes/upload-events';

/** The outcome of an upload, note by note: the CLI's summary line as a table, warnings with file and line. */
export function ImportSummary({ notes }: { notes: NoteReport[] }) {
  const added = notes.filter((n) => n.status === 'new').length;
  const updated = notes.filter((n) => n.status === 'updated').length;
  const unchanged = notes.filter((n) => n.status === 'unchanged').length;
  return (
    <section data-testid="import-summary" className="space-y-4">
      <h2 className="text-lg font-semibold" role="status">
        {added} new, {updated} updated, {unchanged} unchanged {notes.length === 1 ? 'note' : 'notes'}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-stone-500">
            <tr>
              <th className="py-1 pr-3 font-medium">Note</th>
              <th className="py-1 pr-3 font-medium">What happened</th>
              <th className="py-1 pr-3 text-right font-medium">New cards</th>
              <th className="py-1 pr-3 text-right font-medium">Changed</th>
              <th className="py-1 pr-3 text-right font-medium">Unchanged</th>
              <th className="py-1 text-right font-medium">Retired</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((note) => (
              <tr key={note.file} data-testid="note-report" data-file={note.file} data-status={note.status} className="border-t border-stone-200 align-top dark:border-stone-800">
                <td className="py-2 pr-3 break-all">
                  {note.topicId ? <Link href={`/topics/${note.topicId}`} className="text-indigo-700 hover:underline dark:text-indigo-400">{note.file}</Link> : note.file}
                  {(note.warnings.length > 0 || note.moreWarnings > 0) && <Warnings note={note} />}
                </td>
                <td className="py-2 pr-3">{describeStatus(note)}</td>
                <td className="py-2 pr-3 text-right tabular-nums" data-count="created">{note.created}</td>
                <td className="py-2 pr-3 text-right tabular-nums" data-count="changed">{note.changed}</td>
                <td className="py-2 pr-3 text-right tabular-nums" data-count="unchanged">{note.unchanged}</td>
                <td className="py-2 text-right tabular-nums" data-count="retired">{note.retired}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link href="/topics" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">See your topics →</Link>
      </p>
    </section>
  );
}

function Warnings({ note }: { note: NoteReport }) {
  const count = note.warnings.length + note.moreWarnings;
  return (
    <details className="mt-1 text-xs text-amber-800 dark:text-amber-300" data-testid="note-warnings">
      <summary className="cursor-pointer">{count} {count === 1 ? 'warning' : 'warnings'}</summary>
      <ul className="mt-1 space-y-0.5">
        {note.warnings.map((w, i) => <li key={i}>{describeWarning(w)}</li>)}
        {note.moreWarnings > 0 && <li>… and {note.moreWarnings} more</li>}
      </ul>
    </details>
  );
}
