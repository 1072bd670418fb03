'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { buttonClass, cardClass } from '@/components/ui/styles';
import { answerCardAction } from '@/lib/actions/answer-card';
import type { ReviewItem } from '@/lib/db/review';
import { buttonForKey, REVIEW_BUTTONS } from '@/lib/srs/grades';

const formatInterval = (days: number) => (days === 1 ? '1 day' : `${days} days`);

/** One card: question, then the answer on Space/Enter or click, then grades by digit or click. */
export function ReviewCard({ item, remaining }: { item: ReviewItem; remaining: number }) {
  const router = useRouter();
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(Date.now());
  // One id per card shown: a double press or a retry sends the same id and is recorded once.
  const answerId = useRef(crypto.randomUUID());

  const grade = useCallback(
    (value: number) => {
      if (!revealed || pending) return;
      startTransition(async () => {
        const result = await answerCardAction({
          cardId: item.cardId,
          grade: value,
          answerId: answerId.current,
          version: item.version,
          timeTakenMs: Math.min(Date.now() - shownAt.current, 24 * 60 * 60 * 1000),
        });
        if (!result.ok) setError(result.error);
        router.refresh();
      });
    },
    [revealed, pending, item, router],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
        event.preventDefault();
        setRevealed(true);
        return;
      }
      const button = buttonForKey(event.key);
      if (button) grade(button.grade);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [revealed, grade]);

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between text-sm text-stone-500">
        <Link href={`/topics/${item.conceptId}`} className="hover:underline" data-testid="card-topic">
          {item.conceptPath.join(' › ')}
        </Link>
        <span data-testid="remaining">{remaining} left today{item.isNew ? ' · new card' : ''}</span>
      </div>
      <article className={`${cardClass} space-y-6`} data-testid="review-card" data-card-id={item.cardId}>
        <p className="whitespace-pre-wrap text-xl font-semibold" data-testid="question">{item.question}</p>
        {revealed ? (
          <div className="space-y-3 border-t border-stone-200 pt-4 dark:border-stone-800">
            <p className="whitespace-pre-wrap leading-relaxed" data-testid="answer">{item.answer}</p>
            {item.explanation && <p className="whitespace-pre-wrap text-sm text-stone-500">{item.explanation}</p>}
          </div>
        ) : (
          <button type="button" className={buttonClass} onClick={() => setRevealed(true)} autoFocus>
            Show answer <kbd className="rounded bg-indigo-500 px-1.5 text-xs">Space</kbd>
          </button>
        )}
      </article>
      {revealed && (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label="Grade your answer">
          {REVIEW_BUTTONS.map((b) => (
            <button
              key={b.key}
              type="button"
              disabled={pending}
              onClick={() => grade(b.grade)}
              className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800"
            >
              <span className="block font-semibold">{b.label}</span>
              <span className="block text-xs text-stone-500">
                {formatInterval(item.intervals[b.grade])} · key {b.key}
              </span>
            </button>
          ))}
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
    </div>
  );
}
