'use client';

import { useRef, useState, useTransition } from 'react';
import { buttonClass, cardClass, inputClass, secondaryButtonClass } from '@/components/ui/styles';
import { finishQuizAction, type FinishQuizResult } from '@/lib/actions/finish-quiz';
import type { QuizQuestion, QuizResponse } from '@/lib/quiz/build';
import { gradeTyped } from '@/lib/quiz/grade';
import { quizHref, type QuizUrlParams } from '@/lib/validations/quiz';
import { QuizResults } from './quiz-results';
import { RecalledParts } from './recalled-parts';
import { WordDiff } from './word-diff';

/**
 * Asks the questions one at a time with immediate feedback, then sends the responses (not the
 * verdicts: the server regrades) to finishQuizAction and shows the results.
 */
export function QuizRunner({ params, questions }: { params: QuizUrlParams; questions: QuizQuestion[] }) {
  const [index, setIndex] = useState(0);
  const [responses, setResponses] = useState<QuizResponse[]>([]);
  const [text, setText] = useState('');
  const [result, setResult] = useState<FinishQuizResult | null>(null);
  const [pending, startTransition] = useTransition();
  // One id per attempt: a resubmitted attempt records its misses once.
  const attemptId = useRef(crypto.randomUUID());

  if (result?.ok) return <QuizResults score={result.score} recorded={result.recorded} retakeHref={quizHref(params)} />;

  const q = questions[index];
  const response = responses[index];
  const answered = response !== undefined;
  const answer = (r: QuizResponse) => setResponses((all) => { const next = [...all]; next[index] = r; return next; });
  const typedGrade = answered && !q.options ? gradeTyped(q.expected, response.text ?? '', q.gradeAs) : null;
  const last = index === questions.length - 1;

  const advance = () => {
    if (!last) {
      setIndex(index + 1);
      setText('');
      return;
    }
    startTransition(async () => setResult(await finishQuizAction({ params, attemptId: attemptId.current, responses })));
  };

  return (
    <div className={`${cardClass} space-y-4`} data-testid="quiz-question" data-index={index} data-kind={q.gradeAs}>
      <p className="text-sm text-stone-500" data-testid="quiz-progress">Question {index + 1} of {questions.length}</p>
      <p className="text-lg font-medium break-words" data-testid="quiz-prompt">{q.prompt}</p>
      {q.options ? (
        <ul className="space-y-2">
          {q.options.map((option, i) => {
            const state = !answered ? '' : i === q.correctOption ? 'border-emerald-500 bg-emerald-50 dark:bg-emerald-950' : i === response.choice ? 'border-rose-500 bg-rose-50 dark:bg-rose-950' : 'opacity-60';
            return (
              <li key={i}>
                <button
                  type="button"
                  data-testid="quiz-option"
                  data-correct={answered ? String(i === q.correctOption) : undefined}
                  disabled={answered}
                  onClick={() => answer({ choice: i })}
                  className={`w-full rounded-lg border border-stone-300 px-3 py-2 text-left text-sm break-words dark:border-stone-700 ${state}`}
                >
                  {option}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); if (!answered) answer({ text }); }} className="space-y-2">
          <label htmlFor="quiz-answer" className="sr-only">Your answer</label>
          <textarea id="quiz-answer" data-testid="quiz-input" rows={q.gradeAs === 'list' ? 4 : 2} value={text} disabled={answered}
            onChange={(e) => setText(e.target.value)} className={inputClass}
            placeholder={q.gradeAs === 'list' ? 'One item per line' : 'Your answer'} />
          {!answered && <button type="submit" className={buttonClass}>Check</button>}
        </form>
      )}
      {typedGrade && (
        <div className="space-y-2" data-testid="quiz-feedback" data-correct={String(typedGrade.correct || response.override === true)}>
          <p className="font-semibold">{typedGrade.correct || response.override ? 'Correct' : 'Not quite'} <span className="text-sm font-normal text-stone-500">({Math.round(typedGrade.score * 100)}% recalled)</span></p>
          <p className="text-sm break-words"><span className="text-stone-500">Expected:</span> <span data-testid="quiz-expected">{q.expected}</span></p>
          <RecalledParts parts={typedGrade.parts} list={q.gradeAs === 'list'} />
          <WordDiff parts={typedGrade.diff} />
          {!typedGrade.correct && !response.override && (
            <button type="button" className={secondaryButtonClass} onClick={() => answer({ ...response, override: true })}>I was right</button>
          )}
        </div>
      )}
      {result && !result.ok && <p role="alert" className="text-sm text-rose-600">{result.error}</p>}
      {answered && (
        <button type="button" className={buttonClass} disabled={pending} onClick={advance} data-testid="quiz-next">
          {last ? 'See results' : 'Next question'}
        </button>
      )}
    </div>
  );
}
