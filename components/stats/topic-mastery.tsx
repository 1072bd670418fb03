import Link from 'next/link';
import { CARD_STATES, type TopicMastery } from '@/lib/stats/card-states';
import { stateStyle } from './state-style';

/** Per top-level topic, one bar split by card state, widest part first readable on a phone. */
export function TopicMasteryList({ topics }: { topics: TopicMastery[] }) {
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600 dark:text-stone-400" aria-label="Legend">
        {CARD_STATES.map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <span className={`inline-block size-2.5 rounded-full ${stateStyle[s].bar}`} /> {stateStyle[s].label}
          </li>
        ))}
      </ul>
      <ul className="space-y-3">
        {topics.map((t) => (
          <li key={t.id} data-testid="topic-mastery">
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <Link href={`/topics/${t.id}`} className="truncate hover:underline">{t.title}</Link>
              <span className="shrink-0 text-stone-500">{Math.round(t.mastery * 100)} % mature · {t.cards} cards</span>
            </div>
            <div className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-stone-100 dark:bg-stone-800">
              {CARD_STATES.filter((s) => t.counts[s] > 0).map((s) => (
                <div
                  key={s}
                  className={stateStyle[s].bar}
                  style={{ width: `${(100 * t.counts[s]) / t.cards}%` }}
                  title={`${t.counts[s]} ${stateStyle[s].label}`}
                />
              ))}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
