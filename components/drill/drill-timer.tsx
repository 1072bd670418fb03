'use client';

import { useEffect, useState } from 'react';
import { DRILL_PHASES, phaseAt } from '@/lib/quiz/drill';

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Time left and the phase the clock is in. Renders nothing time-dependent until mounted, so the
 * server's HTML never disagrees with the browser's clock.
 */
export function DrillTimer({ startedAt, durationMin }: { startedAt: string; durationMin: number }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return <p className="text-sm text-stone-500">Timer starting…</p>;
  const elapsed = now - new Date(startedAt).getTime();
  const left = durationMin * 60_000 - elapsed;
  const phase = DRILL_PHASES[phaseAt(elapsed, durationMin)];
  return (
    <p className="font-mono text-lg" data-testid="drill-timer" aria-live="off">
      {left > 0 ? <>{clock(left)} left · now: <strong>{phase.title}</strong></> : <strong>Time is up: tick the checklist.</strong>}
    </p>
  );
}
