'use client';

import { useEffect, useRef, useState } from 'react';
import { inputClass } from '@/components/ui/styles';
import { saveDrillNoteAction } from '@/lib/actions/save-drill-note';
import { DRILL_PHASES, type DrillPhase } from '@/lib/quiz/drill';

/** Quiet time after the last keystroke before a phase is saved. */
const SAVE_DELAY_MS = 600;

type Status = 'saved' | 'saving' | 'unsaved' | { error: string };

/**
 * One text area per phase, each saved shortly after typing stops and again when it loses focus.
 * Next runs a client's server actions one at a time in call order, so a phase's saves land in
 * typing order and the last text typed is the one stored.
 */
export function DrillOutline({ drillId, notes }: { drillId: string; notes: Partial<Record<DrillPhase, string>> }) {
  const [texts, setTexts] = useState(notes);
  const [status, setStatus] = useState<Status>('saved');
  const timers = useRef(new Map<DrillPhase, ReturnType<typeof setTimeout>>());
  const latest = useRef(notes);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const save = async (phase: DrillPhase) => {
    clearTimeout(timers.current.get(phase));
    timers.current.delete(phase);
    setStatus('saving');
    const result = await saveDrillNoteAction({ drillId, phase, text: latest.current[phase] ?? '' });
    if (!result.ok) setStatus({ error: result.error });
    else if (timers.current.size === 0) setStatus('saved');
  };

  const edit = (phase: DrillPhase, text: string) => {
    latest.current = { ...latest.current, [phase]: text };
    setTexts(latest.current);
    setStatus('unsaved');
    clearTimeout(timers.current.get(phase));
    timers.current.set(phase, setTimeout(() => void save(phase), SAVE_DELAY_MS));
  };

  return (
    <div className="space-y-4">
      <p className="text-xs text-stone-500" data-testid="drill-save-status" data-status={typeof status === 'string' ? status : 'error'}>
        {status === 'saved' ? 'All changes saved' : status === 'saving' ? 'Saving…' : status === 'unsaved' ? 'Unsaved changes' : status.error}
      </p>
      {DRILL_PHASES.map((p) => (
        <label key={p.key} className="block space-y-1">
          <span className="font-semibold">{p.title} <span className="text-xs font-normal text-stone-500">~{p.minutes} min</span></span>
          <textarea
            name={p.key}
            rows={4}
            value={texts[p.key] ?? ''}
            onChange={(e) => edit(p.key, e.target.value)}
            onBlur={() => timers.current.has(p.key) && void save(p.key)}
            className={inputClass}
          />
        </label>
      ))}
    </div>
  );
}
