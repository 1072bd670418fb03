'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { buttonClass, secondaryButtonClass } from '@/components/ui/styles';
import { finishDrillAction } from '@/lib/actions/finish-drill';
import type { DrillPoint } from '@/lib/quiz/drill';

/**
 * The key points from the notes, hidden until the outline is done (seeing them earlier would give
 * the outline away). Unticked points send their cards back for review tomorrow.
 */
export function DrillChecklist({ drillId, points }: { drillId: string; points: Pick<DrillPoint, 'key' | 'label'>[] }) {
  const [shown, setShown] = useState(false);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  if (!shown) {
    return <button type="button" className={secondaryButtonClass} onClick={() => setShown(true)}>I am done: show the checklist</button>;
  }
  const toggle = (key: string) => setTicked((all) => {
    const next = new Set(all);
    if (!next.delete(key)) next.add(key);
    return next;
  });
  const submit = () => startTransition(async () => {
    const result = await finishDrillAction({ drillId, covered: [...ticked] });
    if (!result.ok) setError(result.error);
    else router.refresh();
  });
  return (
    <section className="space-y-3" data-testid="drill-checklist">
      <h2 className="font-semibold">Which of these did your outline cover?</h2>
      <ul className="space-y-1">
        {points.map((p) => (
          <li key={p.key}>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" checked={ticked.has(p.key)} onChange={() => toggle(p.key)} data-testid="drill-point" />
              <span className="break-words">{p.label}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="text-sm text-rose-600">{error}</p>}
      <button type="button" className={buttonClass} disabled={pending} onClick={submit}>Submit checklist</button>
    </section>
  );
}
