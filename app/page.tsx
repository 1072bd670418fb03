import Link from 'next/link';
import { buttonClass, cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { getBusiestTopics, getDueSummary } from '@/lib/db/review';
import { getDeckStats } from '@/lib/db/topics';
import { currentUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const BUSIEST_TOPICS = 5;

export default async function HomePage() {
  const user = await currentUser();
  if (!user) {
    return (
      <section className="mx-auto max-w-xl space-y-6 py-10 text-center">
        <h1 className="text-3xl font-bold tracking-tight">Your system-design notes, as a daily review</h1>
        <p className="text-stone-600 dark:text-stone-400">
          Recall reads your notes, turns them into topics and flashcards, and schedules each card with SM-2 so you
          review it just before you would forget it.
        </p>
        <div className="flex justify-center gap-3">
          <Link href="/signup" className={buttonClass}>Create account</Link>
          <Link href="/signin" className={secondaryButtonClass}>Sign in</Link>
        </div>
      </section>
    );
  }

  const now = new Date();
  const [due, topics, deck] = await Promise.all([
    getDueSummary(user.id, now),
    getBusiestTopics(user.id, now, BUSIEST_TOPICS),
    getDeckStats(user.id),
  ]);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">Welcome{user.name ? `, ${user.name}` : ''}</h1>
      <div className={`${cardClass} space-y-4`}>
        <p className="text-lg">
          <span className="text-4xl font-bold" data-testid="due-count">{due.total}</span>{' '}
          {due.total === 1 ? 'card' : 'cards'} to study today
        </p>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          <span data-testid="due-reviews">{due.dueReviews}</span> due for review ·{' '}
          <span data-testid="due-new">{due.newAvailable}</span> new ·{' '}
          <span data-testid="due-redrills">{due.redrills}</span> to re-drill
          {due.done > 0 && <> · {due.done} answered today</>}
        </p>
        {due.total > 0 ? (
          <Link href="/review" className={buttonClass}>Start review</Link>
        ) : (
          <p className="text-sm">Nothing due. Come back tomorrow, or browse the <Link href="/topics" className="text-indigo-600 hover:underline">topics</Link>.</p>
        )}
      </div>
      {topics.length > 0 && (
        <div className="space-y-2">
          <h2 className="text-sm font-semibold text-stone-600 dark:text-stone-400">Most due topics</h2>
          <ul className="flex flex-wrap gap-2">
            {topics.map((t) => (
              <li key={t.conceptId}>
                <Link href={`/review?concept=${t.conceptId}`} className={secondaryButtonClass}>
                  Review only {t.title} <span className="text-stone-500">{t.due}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-sm text-stone-500">
        Deck: {deck.sources} notes · {deck.concepts} topics · {deck.cards} cards ·{' '}
        <Link href="/settings" className="hover:underline">settings</Link> ·{' '}
        <Link href="/leeches" className="hover:underline">leeches</Link>
      </p>
    </section>
  );
}
