'use client';

import { useCallback, useEffect, useEffectEvent, useState, useTransition, type ReactNode } from 'react';
import { secondaryButtonClass } from '@/components/ui/styles';
import { undoAnswerAction } from '@/lib/actions/undo-answer';
import type { DueSummary, ReviewItem, UndoableAnswer } from '@/lib/db/review';
import { ProgressBar } from './progress-bar';
import { ReviewCard } from './review-card';

/**
 * The review screen around the current card: progress, notices and undo (`u` or the button).
 * It is not keyed by card, so a notice survives the refresh that brings the next card.
 */
export function ReviewSession({ item, answer, counts, undoable, finished }: {
  item: ReviewItem | null;
  answer: ReactNode;
  counts: Pick<DueSummary, 'done' | 'total'>;
  undoable: UndoableAnswer | null;
  /** Shown when no card is left. */
  finished: ReactNode;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const [undoing, startUndo] = useTransition();

  // No router.refresh() here: the answer action revalidates, so its own response already carries
  // the next card. A refresh on top rendered the page a second time while that response was still
  // streaming, and made the router discard it.
  const onAnswered = useCallback((message: string | null) => setNotice(message), []);

  const undo = useCallback(() => {
    if (!undoable || undoing) return;
    startUndo(async () => {
      const result = await undoAnswerAction({ answerId: undoable.answerId });
      setNotice(result.ok ? `Undone: ${undoable.question}` : result.error);
    });
  }, [undoable, undoing]);

  // An effect event, not a listener re-added per render: a refresh commits the new card before
  // passive effects run, and a key pressed in between must undo the answer now on screen.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.metaKey || event.ctrlKey || event.altKey || event.key.toLowerCase() !== 'u') return;
    event.preventDefault();
    undo();
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="space-y-4">
      <ProgressBar done={counts.done} remaining={counts.total} />
      <div className="flex min-h-9 items-center justify-between gap-3">
        <p role="status" className="text-sm text-amber-700 dark:text-amber-400" data-testid="notice">{notice}</p>
        <button type="button" className={secondaryButtonClass} onClick={undo} disabled={!undoable || undoing} title={undoable ? `Undo: ${undoable.question}` : 'Nothing to undo'}>
          Undo <kbd className="rounded bg-stone-200 px-1.5 text-xs dark:bg-stone-700">u</kbd>
        </button>
      </div>
      {item ? <ReviewCard key={`${item.cardId}:${item.version}`} item={item} answer={answer} onAnswered={onAnswered} /> : finished}
    </div>
  );
}
