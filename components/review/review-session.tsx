'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useEffectEvent, useRef, useState, useTransition, type ReactNode } from 'react';
import { secondaryButtonClass } from '@/components/ui/styles';
import type { UndoReply } from '@/lib/review-answers';
import type { ShownStep } from '@/lib/review-step';
import type { StudyParams } from '@/lib/validations/review';
import { ProgressBar } from './progress-bar';
import { postMove } from './post-move';
import { ReviewCard } from './review-card';

/**
 * The review screen around the current card: progress, notices and undo (`u` or the button).
 *
 * The page renders the first step; each answer or undo returns the next one as data, shown here
 * without rendering the page again. A new render of the page (a refresh, a navigation, "study
 * more") replaces whatever the answers brought. A notice survives the move to the next card.
 */
export function ReviewSession({ step, study, finished }: {
  step: ShownStep;
  /** The page's /review parameters: answers and undos move on within them. */
  study: StudyParams;
  /** Shown when the page was rendered with no card left. */
  finished: ReactNode;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [undoing, startUndo] = useTransition();
  const [rendered, setRendered] = useState(step);
  const [shown, setShown] = useState(step);
  if (rendered !== step) {
    setRendered(step);
    setShown(step);
  }

  // Answers change what other pages show (counts, schedules) and what this one shows, but the
  // router keeps visited pages as last rendered for Back and Forward. The answer and undo routes
  // revalidate nothing (that would render this page again in every answer's response), so once
  // the learner leaves after answering, refresh: it drops those copies and fetches the new page.
  const answered = useRef(false);
  useEffect(() => {
    answered.current = false; // a render of the page itself: the router's copies are fresh
  }, [step]);
  useEffect(() => () => {
    if (answered.current) router.refresh();
  }, [router]);

  /** `next` as the answer and undo routes return it: undefined leaves the card on screen; a step without a card (or null) needs the page's own render. */
  const moveOn = useCallback((message: string | null, next: ShownStep | null | undefined) => {
    setNotice(message);
    if (next === undefined) return;
    answered.current = true;
    if (next) setShown(next);
    if (!next?.item) router.refresh();
  }, [router]);

  const { undoable } = shown;
  const undo = useCallback(() => {
    if (!undoable || undoing) return;
    startUndo(async () => {
      const result = await postMove<UndoReply>('/api/review/undo', { answerId: undoable.answerId, study });
      moveOn(result.ok ? `Undone: ${undoable.question}` : result.error, result.next);
    });
  }, [undoable, undoing, study, moveOn]);

  // An effect event, not a listener re-added per render: a new card is committed before passive
  // effects run, and a key pressed in between must undo the answer now on screen.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.metaKey || event.ctrlKey || event.altKey || event.key.toLowerCase() !== 'u') return;
    event.preventDefault();
    undo();
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { item, counts } = shown;
  return (
    <div className="space-y-4">
      <ProgressBar done={counts.done} remaining={counts.total} />
      <div className="flex min-h-9 items-center justify-between gap-3">
        <p role="status" className="text-sm text-amber-700 dark:text-amber-400" data-testid="notice">{notice}</p>
        <button type="button" className={secondaryButtonClass} onClick={undo} disabled={!undoable || undoing} title={undoable ? `Undo: ${undoable.question}` : 'Nothing to undo'}>
          Undo <kbd className="rounded bg-stone-200 px-1.5 text-xs dark:bg-stone-700">u</kbd>
        </button>
      </div>
      {item ? (
        <ReviewCard key={`${item.cardId}:${item.version}`} item={item} study={study} onAnswered={moveOn} />
      ) : (
        // The summary belongs to the page's render; after the last answer it arrives with the refresh.
        shown === step && finished
      )}
    </div>
  );
}
