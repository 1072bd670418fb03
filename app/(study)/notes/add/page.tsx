import Link from 'next/link';
import { AddNotesForm } from '@/components/notes/add-notes-form';
import { cardClass } from '@/components/ui/styles';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export default async function AddNotesPage() {
  await requireUser();
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Add notes</h1>
        <Link href="/notes" className="text-sm text-indigo-700 hover:underline dark:text-indigo-400">My notes</Link>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Your notes become topics (following their headings) and cards you review. Only you see them.
      </p>
      <div className={cardClass}>
        <AddNotesForm />
      </div>
    </section>
  );
}
