import type { Mastery } from '@/lib/render/topic-tree';

/** The shade of each mastery level, readable in light and dark mode. */
export const masteryStyle: Record<Mastery, { label: string; dot: string }> = {
  untested: { label: 'no cards yet', dot: 'border border-dashed border-stone-400 bg-transparent' },
  new: { label: 'new', dot: 'bg-sky-400 dark:bg-sky-500' },
  learning: { label: 'learning', dot: 'bg-amber-400 dark:bg-amber-500' },
  known: { label: 'known', dot: 'bg-emerald-500 dark:bg-emerald-400' },
};

export function MasteryDot({ mastery }: { mastery: Mastery }) {
  return (
    <span
      className={`inline-block size-2.5 shrink-0 rounded-full ${masteryStyle[mastery].dot}`}
      title={masteryStyle[mastery].label}
      aria-label={masteryStyle[mastery].label}
      role="img"
    />
  );
}

export function MasteryLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600 dark:text-stone-400" aria-label="Legend">
      {(Object.keys(masteryStyle) as Mastery[]).map((mastery) => (
        <li key={mastery} className="flex items-center gap-1.5">
          <MasteryDot mastery={mastery} /> {masteryStyle[mastery].label}
        </li>
      ))}
    </ul>
  );
}
