import Link from 'next/link';
import { NoteRowActions } from '@/components/notes/note-row-actions';
import { buttonClass, cardClass } from '@/components/ui/styles';
import { listMyNotes } from '@/lib/db/notes';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export default async function MyNotesPage() {
  const user = await requireUser();
  const notes = await listMyNotes(user.id);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">My notes</h1>
        <Link href="/notes/add" className={buttonClass}>Add notes</Link>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        The notes you added; only you see them. The starter deck is shared and is not listed here.
      </p>
      {notes.length === 0 && (
        <p className="text-stone-600 dark:text-stone-400">
          You have not added notes yet. <Link href="/notes/add" className="text-indigo-700 hover:underline dark:text-indigo-400">Add notes</Link> to study your own.
        </p>
      )}
      <ul className="space-y-3">
        {notes.map((note) => (
          <li key={note.id} data-testid="my-note" data-path={note.path} className={`${cardClass} !p-4 space-y-2`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <h2 className="font-semibold break-words">
                {note.firstTopicId ? (
                  <Link href={`/topics/${note.firstTopicId}`} className="hover:underline">{note.title}</Link>
                ) : (
                  note.title
                )}
              </h2>
              <span className="text-xs text-stone-500">
                added or updated {note.ingestedAt.toISOString().slice(0, 10)}
              </span>
            </div>
            <p className="text-xs break-all text-stone-500 dark:text-stone-400">
              {note.path} · {note.topics} {note.topics === 1 ? 'topic' : 'topics'} · {note.cards} {note.cards === 1 ? 'card' : 'cards'}
            </p>
            <NoteRowActions noteId={note.id} path={note.path} />
          </li>
        ))}
      </ul>
    </section>
  );
}
