'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { inputClass, secondaryButtonClass } from '@/components/ui/styles';
import { deleteNoteAction } from '@/lib/actions/delete-note';
import { renameNoteAction } from '@/lib/actions/rename-note';

/** Rename and delete for one row of "My notes"; errors show beside the buttons. */
export function NoteRowActions({ noteId, path }: { noteId: string; path: string }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('path') ?? '');
    start(async () => {
      const result = await renameNoteAction({ noteId, path: name });
      setError(result.ok ? null : result.error);
      if (result.ok) setRenaming(false);
      router.refresh();
    });
  };
  const remove = () => {
    if (!window.confirm(`Delete ${path}? Its topics and cards leave your reviews; your review history is kept, and uploading it again brings them back.`)) return;
    start(async () => {
      const result = await deleteNoteAction({ noteId });
      setError(result.ok ? null : result.error);
      router.refresh();
    });
  };

  return (
    <div className="space-y-2">
      {renaming ? (
        <form onSubmit={rename} className="flex flex-wrap items-center gap-2">
          <label htmlFor={`rename-${noteId}`} className="sr-only">New name for {path}</label>
          <input id={`rename-${noteId}`} name="path" defaultValue={path} className={`${inputClass} !w-auto min-w-0 flex-1`} autoFocus disabled={pending} />
          <button type="submit" className={secondaryButtonClass} disabled={pending}>Save name</button>
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => { setRenaming(false); setError(null); }}>Cancel</button>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => setRenaming(true)}>Rename</button>
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={remove}>Delete</button>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
    </div>
  );
}
