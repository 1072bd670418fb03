import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Markdown } from '@/components/reading/markdown';
import { ReviewSession } from '@/components/review/review-session';
import { SessionSummary } from '@/components/review/session-summary';
import { getReviewScreen, getStudyScope } from '@/lib/db/review';
import { requireUser } from '@/lib/session';
import { reviewSearchParamsSchema } from '@/lib/validations/review';

export const dynamic = 'force-dynamic';

/** /review, or /review?concept=<id> to study one concept and its descendants. */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { concept } = reviewSearchParamsSchema.parse(await searchParams);
  const scope = concept ? await getStudyScope(user.id, concept) : null;
  if (concept && !scope) notFound();
  const screen = await getReviewScreen(user.id, new Date(), scope);
  return (
    <div className="space-y-3">
      {scope && (
        <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="review-scope">
          Reviewing only <strong>{scope.title}</strong> ·{' '}
          <Link href="/review" className="text-indigo-600 hover:underline">review everything</Link>
        </p>
      )}
      <ReviewSession
        item={screen.item}
        answer={screen.item ? <Markdown source={screen.item.answer} /> : null}
        counts={screen.counts}
        undoable={screen.undoable}
        finished={screen.summary && <SessionSummary summary={screen.summary} timeZone={screen.timeZone} />}
      />
    </div>
  );
}
