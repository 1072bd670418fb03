import type { Heatmap } from '@/lib/stats/calendar';

/**
 * The calendar heatmap as a CSS grid of week columns (Monday at the top), server-rendered: none
 * of the chart libraries has a calendar layout, and a grid of squares needs no script. On a
 * phone only the last PHONE_WEEKS weeks show, so each square stays big enough to see.
 */
const PHONE_WEEKS = 26;

const levelClass = [
  'bg-stone-200 dark:bg-stone-800',
  'bg-emerald-200 dark:bg-emerald-900',
  'bg-emerald-400 dark:bg-emerald-700',
  'bg-emerald-600 dark:bg-emerald-500',
  'bg-emerald-800 dark:bg-emerald-300',
];

export function ReviewHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const firstOnPhone = heatmap.weeks.length - PHONE_WEEKS;
  return (
    <div className="space-y-2">
      <div className="flex gap-[3px]" data-testid="heatmap" role="img" aria-label={`${heatmap.total} reviews on ${heatmap.activeDays} days in the last year`}>
        {heatmap.weeks.map((week, w) => (
          <div key={week[0].date} className={`flex-1 flex-col gap-[3px] ${w < firstOnPhone ? 'hidden sm:flex' : 'flex'}`}>
            {week.map((cell) => (
              <div
                key={cell.date}
                className={`aspect-square w-full rounded-[2px] ${levelClass[cell.level]}`}
                title={`${cell.date}: ${cell.reviews} ${cell.reviews === 1 ? 'review' : 'reviews'}`}
                data-date={cell.date}
                data-reviews={cell.reviews}
              />
            ))}
          </div>
        ))}
      </div>
      <div className="flex items-center justify-end gap-1 text-xs text-stone-500">
        Less
        {levelClass.map((c) => <span key={c} className={`inline-block size-2.5 rounded-[2px] ${c}`} />)}
        More
      </div>
    </div>
  );
}
