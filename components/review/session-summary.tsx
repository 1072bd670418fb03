import Link from 'next/link';
import { buttonClass, cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { EXTRA_NEW_STEP } from '@/lib/srs/queue';
import type { SessionSummary as Summary } from '@/lib/db/review';
import { reviewHref } from '@/lib/validations/review';
import { formatDuration } from './format';

/** The end of a session: what was done today and when the next review falls due. */
/** `concept`, `extra` and `ahead` are the current /review parameters, kept in the "study more" links. */
export function SessionSummary({ summary, timeZone, concept, extra, ahead }: { summary: Summary; timeZone: string; concept?: string; extra: number; ahead: number }) {
  const { more } = summary;
  const next = summary.nextDue
    ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(summary.nextDue)
    : 'nothing scheduled yet';
  return (
    <section className={`${cardClass} space-y-4 text-center`} data-testid="session-summary">
      <h1 className="text-xl font-bold">{extra > 0 || ahead > 0 ? 'Nothing more to study' : 'All done for today'}</h1>
      <dl className="grid grid-cols-2 gap-3 text-left sm:grid-cols-4">
        <Stat label="Answered" value={String(summary.answered)} testId="summary-answered" />
        <Stat label="Correct" value={String(summary.correct)} testId="summary-correct" />
        <Stat label="Time" value={formatDuration(summary.timeTakenMs)} testId="summary-time" />
        <Stat label="Next due" value={next} testId="summary-next-due" />
      </dl>
      {(more.newCards > 0 || more.aheadReviews > 0) && (
        <div className="space-y-2" data-testid="study-more">
          <h2 className="font-semibold">Study more</h2>
          <div className="flex flex-wrap justify-center gap-2">
            {more.newCards > 0 && (
              <Link href={reviewHref({ concept, extra: extra + EXTRA_NEW_STEP, ahead })} className={buttonClass}>
                {more.newCards === 1 ? '1 more new card' : `${more.newCards} more new cards`}
              </Link>
            )}
            {more.aheadReviews > 0 && (
              <Link href={reviewHref({ concept, extra, ahead: more.aheadDays })} className={secondaryButtonClass}>
                Review ahead: {more.aheadReviews} due in the next {more.aheadDays} days
              </Link>
            )}
          </div>
          <p className="text-xs text-stone-500">Answers count as normal reviews and move each card&apos;s schedule.</p>
        </div>
      )}
      <p className="text-sm text-stone-600 dark:text-stone-400">
        New cards and reviews appear at the start of your next study day.{' '}
        <Link href="/topics" className="text-indigo-600 hover:underline">Browse the topics</Link>
      </p>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg bg-stone-100 p-3 dark:bg-stone-800">
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd className="font-semibold" data-testid={testId}>{value}</dd>
    </div>
  );
}
