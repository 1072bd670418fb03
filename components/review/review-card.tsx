'use client';

import Link from 'next/link';
import { useCallback, useEffect, useEffectEvent, useId, useRef, useState, useTransition } from 'react';
import { buttonClass, cardClass } from '@/components/ui/styles';
import type { AnswerReply } from '@/lib/review-answers';
import type { ShownItem, ShownStep } from '@/lib/review-step';
import { outcomeNote, outcomeWhen } from '@/lib/srs/grade-outcomes';
import { buttonForKey } from '@/lib/srs/grades';
import type { StudyParams } from '@/lib/validations/review';
import { passageHref } from './format';
import { postMove } from './post-move';

const MAX_TIME_TAKEN_MS = 24 * 60 * 60 * 1000;

/**
 * One card: question, then the answer on Space/Enter or click, then a grade by digit 1-4 or click.
 * The answer comes as HTML the server rendered and sanitised (lib/review-step.ts). `onAnswered`
 * receives a message to show (a stale answer, a new leech) or null, and the step to move on to.
 */
export function ReviewCard({ item, study, onAnswered }: {
  item: ShownItem;
  study: StudyParams;
  onAnswered: (notice: string | null, next: ShownStep | null | undefined) => void;
}) {
  const [revealed, setRevealed] = useState(false);
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(Date.now());
  // One id per card shown: a double press or a retry sends the same id and is recorded once.
  const answerId = useRef(crypto.randomUUID());
  const redrill = item.queue === 'redrill';
  const noteId = useId();

  const grade = useCallback(
    (value: number) => {
      if (!revealed || pending) return;
      startTransition(async () => {
        const result = await postMove<AnswerReply>('/api/review/answer', {
          cardId: item.cardId,
          grade: value,
          answerId: answerId.current,
          version: item.version,
          timeTakenMs: Math.min(Date.now() - shownAt.current, MAX_TIME_TAKEN_MS),
          study,
        });
        if (!result.ok) onAnswered(result.error, result.next);
        else onAnswered(result.leech ? 'That card lapsed too often: it is suspended as a leech and needs rewriting (see Leeches).' : null, result.next);
      });
    },
    [revealed, pending, item, study, onAnswered],
  );

  // An effect event reads the latest `revealed` and `grade`, so a key pressed before passive
  // effects flush still acts on what is on screen.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
      event.preventDefault();
      setRevealed(true);
      return;
    }
    const button = buttonForKey(event.key);
    if (button) grade(button.grade);
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-stone-500">
        <Link href={`/topics/${item.conceptId}`} className="hover:underline" data-testid="card-topic">
          {item.conceptPath.join(' › ')}
        </Link>
        <span data-testid="card-queue">{QUEUE_LABEL[item.queue]}</span>
      </div>
      <article className={`${cardClass} space-y-6`} data-testid="review-card" data-card-id={item.cardId} data-queue={item.queue}>
        <p className="whitespace-pre-wrap text-xl font-semibold" data-testid="question">{item.question}</p>
        {revealed ? (
          <div className="space-y-3 border-t border-stone-200 pt-4 dark:border-stone-800">
            <div data-testid="answer">
              <div className="note-prose" dangerouslySetInnerHTML={{ __html: item.answerHtml }} />
            </div>
            {item.explanation && <p className="whitespace-pre-wrap text-sm text-stone-500">{item.explanation}</p>}
            <Link href={passageHref(item.conceptId, item.sourceLine)} className="text-sm text-indigo-600 hover:underline" data-testid="show-in-notes">
              Show in notes
            </Link>
          </div>
        ) : (
          <button type="button" className={`${buttonClass} w-full sm:w-auto`} onClick={() => setRevealed(true)} autoFocus>
            Show answer <kbd className="rounded bg-indigo-500 px-1.5 text-xs">Space</kbd>
          </button>
        )}
      </article>
      {revealed && (
        <div className="space-y-2">
          {redrill && <p className="text-xs text-stone-500">Same-day re-drill: the schedule stays as it is until you grade it Good or Easy.</p>}
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label="Grade your answer">
            {item.outcomes.map((o) => {
              const b = o.button;
              const when = redrill ? 'schedule unchanged' : outcomeWhen(o);
              const note = redrill ? '' : outcomeNote(o, item.outcomes);
              // The note is a description, not part of the name: "same as Again" must not make Hard answer to "Again".
              return (
                <button
                  key={b.key}
                  type="button"
                  disabled={pending}
                  onClick={() => grade(b.grade)}
                  data-testid={`grade-${b.label.toLowerCase()}`}
                  aria-label={`${b.label} · ${when}`}
                  aria-describedby={note ? `${noteId}-${b.key}` : undefined}
                  className="min-h-12 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800"
                >
                  <span className="block font-semibold">
                    {b.label} · {when}
                  </span>
                  {note && <span id={`${noteId}-${b.key}`} className="block text-xs text-stone-600 dark:text-stone-400" data-testid="grade-note">{note}</span>}
                  <span className="block text-xs text-stone-500">key {b.key}</span>
                </button>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

const QUEUE_LABEL = { review: 'review', new: 'new card', redrill: 're-drill' } as const;
