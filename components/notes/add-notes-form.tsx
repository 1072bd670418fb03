'use client';

import { useState, type FormEvent } from 'react';
import { buttonClass, inputClass } from '@/components/ui/styles';
import type { NoteReport } from '@/lib/notes/upload-events';
import { formatBytes, MAX_NOTE_BYTES, MAX_UPLOAD_BYTES } from '@/lib/notes/upload-limits';
import { uploadErrors, uploadSchema } from '@/lib/validations/notes';
import { ImportSummary } from './import-summary';
import { sendUpload } from './send-upload';

type Progress = { phase: 'uploading'; done: number; total: number } | { phase: 'reading'; done: number; total: number; file: string };

/**
 * The "Add notes" form: note files or .zip folders, and/or a pasted note. Checked here with the
 * server's own schema (so an oversized upload is not sent at all), then sent with a progress bar
 * for the upload and for each note read and written, then the per-note summary.
 */
export function AddNotesForm() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  /** Notes saved before a failure of the database itself (see UploadEvent). */
  const [saved, setSaved] = useState(0);
  const [notes, setNotes] = useState<NoteReport[] | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const files = form.getAll('files').filter((f): f is File => f instanceof File && f.name !== '');
    form.delete('files');
    for (const file of files) form.append('files', file);
    const checked = uploadSchema.safeParse({ files, title: form.get('title') ?? undefined, text: form.get('text') ?? undefined });
    setNotes(null);
    if (!checked.success) {
      setErrors(uploadErrors(checked.error));
      return;
    }
    setErrors([]);
    setBusy(true);
    setProgress({ phase: 'uploading', done: 0, total: 1 });
    let failed: string[] = [];
    let saved = 0;
    const refused = await sendUpload(form, {
      onUploaded: (done, total) => setProgress({ phase: 'uploading', done, total }),
      onEvent: (e) => {
        if (e.type === 'progress') setProgress({ phase: 'reading', done: e.done, total: e.total, file: e.file });
        else if (e.type === 'failed') {
          failed = e.errors;
          saved = e.written ?? 0;
        }
        else setNotes(e.notes);
      },
    });
    setBusy(false);
    setErrors(refused ?? failed);
    setSaved(refused ? 0 : saved);
    // Added: clear the form so that pressing the button again does not send the same notes twice.
    if (!refused && failed.length === 0) element.reset();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-5" noValidate aria-busy={busy}>
        <div className="space-y-1">
          <label htmlFor="files" className="block text-sm font-medium">Note files or a .zip of a folder</label>
          <input id="files" name="files" type="file" multiple accept=".md,.markdown,.txt,.html,.htm,.zip" className={inputClass} disabled={busy} />
          <p className="text-xs text-stone-500">
            Markdown (.md, .markdown), plain text (.txt) or HTML exports (.html), up to {formatBytes(MAX_NOTE_BYTES)} each and {formatBytes(MAX_UPLOAD_BYTES)} per
            upload. A file you uploaded before is updated, and your reviews of its cards are kept.
          </p>
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">Or paste a note</legend>
          <div className="space-y-1">
            <label htmlFor="title" className="block text-sm">Title</label>
            <input id="title" name="title" className={inputClass} disabled={busy} autoComplete="off" />
          </div>
          <div className="space-y-1">
            <label htmlFor="text" className="block text-sm">Text (markdown)</label>
            <textarea id="text" name="text" rows={8} className={`${inputClass} font-mono`} disabled={busy} />
          </div>
        </fieldset>
        <button type="submit" className={buttonClass} disabled={busy}>{busy ? 'Adding…' : 'Add notes'}</button>
      </form>

      {progress && <UploadProgress progress={progress} />}
      {errors.length > 0 && (
        <div role="alert" data-testid="upload-errors" className="space-y-1 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          <p className="font-semibold">
            {saved > 0
              ? `${saved} ${saved === 1 ? 'note was' : 'notes were'} saved before this error; upload the same files again to finish:`
              : 'Nothing was added. Fix these and upload again:'}
          </p>
          <ul className="list-disc pl-5">
            {errors.map((e) => <li key={e} className="break-all">{e}</li>)}
          </ul>
        </div>
      )}
      {notes && <ImportSummary notes={notes} />}
    </div>
  );
}

function UploadProgress({ progress }: { progress: Progress }) {
  const percent = progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100);
  const label =
    progress.phase === 'uploading'
      ? `Uploading… ${percent}%`
      : progress.done < progress.total
        ? `Reading notes: step ${progress.done} of ${progress.total} (${progress.file})`
        : `Done: ${progress.total} of ${progress.total} steps`;
  return (
    <div className="space-y-1">
      <p className="text-xs break-all text-stone-500" data-testid="upload-progress-label">{label}</p>
      <div
        role="progressbar"
        aria-label={progress.phase === 'uploading' ? 'Upload' : 'Reading notes'}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        data-phase={progress.phase}
        data-testid="upload-progress"
        className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
