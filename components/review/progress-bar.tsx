/** Done vs. remaining for today's session; remaining counts re-drills too. */
export function ProgressBar({ done, remaining }: { done: number; remaining: number }) {
  const total = done + remaining;
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-xs text-stone-500">
        <span data-testid="progress-done">{done} done</span>
        <span data-testid="remaining">{remaining} left today</span>
      </div>
      <div
        role="progressbar"
        aria-label="Today's progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
