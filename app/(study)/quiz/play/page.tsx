import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { QuizRunner } from '@/components/quiz/quiz-runner';
import { getQuizDeck } from '@/lib/db/quiz';
import { buildQuiz } from '@/lib/quiz/build';
import { requireUser } from '@/lib/session';
import { quizHref, quizSearchParamsSchema } from '@/lib/validations/quiz';

export const dynamic = 'force-dynamic';

/** /quiz/play?topics=a,b&n=10&mode=mc&seed=…: the same URL always gives the same quiz. */
export default async function QuizPlayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const parsed = quizSearchParamsSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const { seed, ...rest } = parsed.data;
  const params = { ...rest, seed: seed ?? randomUUID().slice(0, 8) };
  // One canonical, shareable URL per quiz: a seed is always present and topics are comma-joined.
  const current = `/quiz/play?${Object.entries(raw).map(([k, v]) => `${k}=${[v].flat().join(',')}`).join('&')}`;
  if (current !== quizHref(params)) redirect(quizHref(params));
  const deck = await getQuizDeck(user.id, params.topics);
  if (!deck) notFound();
  const questions = buildQuiz(deck.cards, deck.pool, params);
  const scope = deck.topics.length ? deck.topics.map((t) => t.title).join(', ') : 'the whole deck';
  return (
    <section className="space-y-4">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Quiz on <strong>{scope}</strong> · seed <code data-testid="quiz-seed">{params.seed}</code> ·{' '}
        <Link href="/quiz" className="text-indigo-600 hover:underline">new quiz</Link>
      </p>
      {questions.length === 0 ? (
        <p data-testid="quiz-empty">These topics have no cards that make a question in this mode. Try another mode or more topics.</p>
      ) : (
        <QuizRunner key={quizHref(params)} params={params} questions={questions} />
      )}
    </section>
  );
}
