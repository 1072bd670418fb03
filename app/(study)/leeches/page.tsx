import Link from 'next/link';
import { passageHref } from '@/components/review/format';
import { UnsuspendButton } from '@/components/review/unsuspend-button';
import { cardClass } from '@/components/ui/styles';
import { listLeeches } from '@/lib/db/leeches';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export default async function LeechesPage() {
  const user = await requireUser();
  const leeches = await listLeeches(user.id);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Leeches</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Cards you keep forgetting are suspended and need rewriting. Fix the passage in your notes, then unsuspend the card.
      </p>
      {leeches.length === 0 ? (
        <p className={cardClass}>No leeches. Every card is in review.</p>
      ) : (
        <ul className="space-y-3">
          {leeches.map((l) => (
            <li key={l.cardId} className={`${cardClass} space-y-2`} data-testid="leech">
              <p className="text-xs text-stone-500">{l.conceptPath.join(' › ')}</p>
              <p className="font-semibold">{l.question}</p>
              <p className="text-sm text-red-700 dark:text-red-400">
                Needs rewriting · {l.lapses} lapses{l.suspended ? ' · suspended' : ''}
              </p>
              <div className="flex flex-wrap items-center gap-3">
                <Link href={passageHref(l.conceptId, l.sourceLine)} className="text-sm text-indigo-600 hover:underline">Show in notes</Link>
                <UnsuspendButton cardId={l.cardId} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
