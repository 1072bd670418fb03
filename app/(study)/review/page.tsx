import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReviewSession } from '@/components/review/review-session';
import { SessionSummary } from '@/components/review/session-summary';
import { getReviewScreen, getStudyScope } from '@/lib/db/review';
import { toShownStep } from '@/lib/review-step';
import { requireUser } from '@/lib/session';
import { reviewSearchParamsSchema } from '@/lib/validations/review';

export const dynamic = 'force-dynamic';

/** /review, or /review?concept=<id> to study one concept and its descendants. */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { concept, extra, ahead } = reviewSearchParamsSchema.parse(await searchParams);
  const scope = concept ? await getStudyScope(user.id, concept) : null;
  if (concept && !scope) notFound();
  const screen = await getReviewScreen(user.id, new Date(), scope, { extraNew: extra, aheadDays: ahead });
  return (
    <div className="space-y-3">
      {scope && (
        <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="review-scope">
          Reviewing only <strong>{scope.title}</strong> ·{' '}
          <Link href="/review" className="text-indigo-600 hover:underline">review everything</Link>
        </p>
      )}
      {(extra > 0 || ahead > 0) && (
        <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="study-more-mode">
          Studying more than today&apos;s plan:{' '}
          {[extra > 0 && `${extra} extra new cards`, ahead > 0 && `reviews due in the next ${ahead} days`].filter(Boolean).join(' and ')}
        </p>
      )}
      <ReviewSession
        step={toShownStep(screen)}
        study={{ concept, extra, ahead }}
        finished={screen.summary && <SessionSummary summary={screen.summary} timeZone={screen.timeZone} concept={concept} extra={extra} ahead={ahead} />}
      />
    </div>
  );
}
