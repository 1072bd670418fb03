import Link from 'next/link';
import { cardClass } from '@/components/ui/styles';
import type { SessionSummary as Summary } from '@/lib/db/review';
import { formatDuration } from './format';

/** The end of a session: what was done today and when the next review falls due. */
export function SessionSummary({ summary, timeZone }: { summary: Summary; timeZone: string }) {
  const next = summary.nextDue
    ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(summary.nextDue)
    : 'nothing scheduled yet';
  return (
    <section className={`${cardClass} space-y-4 text-center`} data-testid="session-summary">
      <h1 className="text-xl font-bold">All done for today</h1>
      <dl className="grid grid-cols-2 gap-3 text-left sm:grid-cols-4">
        <Stat label="Answered" value={String(summary.answered)} testId="summary-answered" />
        <Stat label="Correct" value={String(summary.correct)} testId="summary-correct" />
        <Stat label="Time" value={formatDuration(summary.timeTakenMs)} testId="summary-time" />
        <Stat label="Next due" value={next} testId="summary-next-due" />
      </dl>
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
