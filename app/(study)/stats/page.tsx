import Link from 'next/link';
import { ReviewHeatmap } from '@/components/stats/review-heatmap';
import { stateStyle } from '@/components/stats/state-style';
import { ForecastChart, RetentionChart, StatesChart } from '@/components/stats/study-charts';
import { TopicMasteryList } from '@/components/stats/topic-mastery';
import { cardClass } from '@/components/ui/styles';
import { getStudyStats } from '@/lib/db/stats';
import { FORECAST_DAYS, MATURE_INTERVAL_DAYS, RETENTION_WEEKS } from '@/lib/stats/calendar';
import { CARD_STATES } from '@/lib/stats/card-states';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

export default async function StatsPage() {
  const user = await requireUser();
  const stats = await getStudyStats(user.id, new Date());
  const { heatmap } = stats;
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Statistics</h1>
        <Link href="/export" className="text-sm text-indigo-600 hover:underline">Export your deck and progress</Link>
      </div>

      <div className={`${cardClass} space-y-4`}>
        <h2 className="font-semibold">Reviews per day</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          <span data-testid="stats-total-reviews">{heatmap.total}</span> reviews in the last year on {heatmap.activeDays}{' '}
          {heatmap.activeDays === 1 ? 'day' : 'days'} · streak <span data-testid="stats-streak">{heatmap.streak}</span>{' '}
          {heatmap.streak === 1 ? 'day' : 'days'} · busiest day {heatmap.busiest}
        </p>
        <ReviewHeatmap heatmap={heatmap} />
      </div>

      <div className={`${cardClass} space-y-3`}>
        <h2 className="font-semibold">Due in the next {FORECAST_DAYS} days</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          <span data-testid="stats-due-total">{stats.forecast.reduce((a, d) => a + d.due, 0)}</span> reviews, today&apos;s bar
          including everything overdue. New cards are not counted.
        </p>
        <ForecastChart days={stats.forecast} />
      </div>

      <div className={`${cardClass} space-y-3`}>
        <h2 className="font-semibold">True retention per week</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          The share of reviews of mature cards you passed (Hard, Good or Easy)
          {stats.retentionOverall === null ? '. ' : <>: <span data-testid="stats-retention">{percent(stats.retentionOverall)}</span> over the last {RETENTION_WEEKS} weeks. </>}
          A card is <strong>mature</strong> once its interval is {MATURE_INTERVAL_DAYS} days or more (Anki&apos;s definition);
          younger cards are easier to pass, so they are left out.
        </p>
        {stats.retentionOverall === null ? (
          <p className="text-sm" data-testid="retention-empty">
            No review of a mature card in the last {RETENTION_WEEKS} weeks yet: this chart fills in once cards reach an
            interval of {MATURE_INTERVAL_DAYS} days.
          </p>
        ) : (
          <RetentionChart weeks={stats.retention} />
        )}
      </div>

      <div className={`${cardClass} space-y-3`}>
        <h2 className="font-semibold">Cards by state</h2>
        <StatesChart counts={stats.states} />
        <dl className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-5">
          {CARD_STATES.map((s) => (
            <div key={s}>
              <dt className="text-stone-500">{stateStyle[s].label}</dt>
              <dd className="text-lg font-semibold" data-testid={`stats-state-${s}`}>{stats.states[s]}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-stone-500">
          Learning: not yet passed twice in a row (SM-2&apos;s fixed first intervals) or just failed. Young: interval under{' '}
          {MATURE_INTERVAL_DAYS} days. Mature: {MATURE_INTERVAL_DAYS} days or more. Suspended: set aside, leeches included.
        </p>
      </div>

      <div className={`${cardClass} space-y-3`}>
        <h2 className="font-semibold">Mastery per topic</h2>
        <TopicMasteryList topics={stats.topics} />
      </div>
    </section>
  );
}
