import Link from 'next/link';
import { ReviewCard } from '@/components/review/review-card';
import { cardClass } from '@/components/ui/styles';
import { getDueSummary, getNextReviewItem } from '@/lib/db/review';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export default async function ReviewPage() {
  const user = await requireUser();
  const now = new Date();
  const [item, due] = await Promise.all([getNextReviewItem(user.id, now), getDueSummary(user.id, now)]);
  if (!item) {
    return (
      <div className={`${cardClass} space-y-3 text-center`}>
        <h1 className="text-xl font-bold">All done for today</h1>
        <p className="text-stone-600 dark:text-stone-400">No cards are due. New cards and reviews appear at the start of your next study day.</p>
        <Link href="/topics" className="text-indigo-600 hover:underline">Browse the topics</Link>
      </div>
    );
  }
  return <ReviewCard key={`${item.cardId}:${item.version}`} item={item} remaining={due.total} />;
}
