'use server';

import { revalidatePath } from 'next/cache';
import { buildQuiz, scoreQuiz, type QuizScore } from '../quiz/build';
import { getQuizDeck, recordFailedRecall } from '../db/quiz';
import { requireUser } from '../session';
import { finishQuizSchema } from '../validations/quiz';

export type FinishQuizResult = { ok: true; score: QuizScore; recorded: number } | { ok: false; error: string };

/**
 * Scores a finished quiz and records its misses as failed reviews. The questions are rebuilt from
 * the quiz parameters rather than trusted from the client, so only the responses come from it.
 */
export async function finishQuizAction(input: unknown): Promise<FinishQuizResult> {
  const user = await requireUser();
  const parsed = finishQuizSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid quiz.' };
  const { params, attemptId, responses } = parsed.data;
  const deck = await getQuizDeck(user.id, params.topics);
  if (!deck) return { ok: false, error: 'A topic of this quiz no longer exists.' };
  const questions = buildQuiz(deck.cards, deck.pool, params);
  if (responses.length !== questions.length) return { ok: false, error: 'The deck changed since this quiz started; start it again.' };
  const score = scoreQuiz(questions, responses.map((r) => r ?? undefined));
  const recorded = await recordFailedRecall(user.id, 'quiz', attemptId, score.missed.map((q) => q.cardId), new Date());
  revalidatePath('/');
  return { ok: true, score, recorded };
}
