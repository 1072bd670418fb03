'use server';

import { CardNotFoundError, recordAnswer, StaleAnswerError, type AnswerOutcome } from '../db/review-answer';
import { DatabaseBusyError } from '../db/sqlite-adapter';
import { nextShownStep, type ShownStep } from '../review-step';
import type { Grade } from '../srs/sm2';
import { requireUser } from '../session';
import { answerSchema } from '../validations/review';

/**
 * `next` is what the review screen shows after this answer: a step (its item null when the day is
 * done), null when the page must be loaded again (its scope is gone), absent when nothing changed.
 */
export type AnswerResult =
  | ({ ok: true; next: ShownStep | null } & Pick<AnswerOutcome, 'kind' | 'intervalDays' | 'leech'>)
  | { ok: false; error: string; next?: ShownStep | null };

/**
 * Records one review answer for the signed-in user and returns the next card as data; known
 * failures come back as messages. No path is revalidated: re-rendering the whole page on every
 * answer cost more server time than everything else together, and the review screen keeps the
 * router's copy of visited pages fresh itself (components/review/review-session.tsx).
 */
export async function answerCardAction(input: unknown): Promise<AnswerResult> {
  const user = await requireUser();
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid answer.' };
  const { study, ...answer } = parsed.data;
  const now = new Date();
  try {
    const { kind, intervalDays, leech } = await recordAnswer(user.id, { ...answer, grade: answer.grade as Grade }, now);
    return { ok: true, kind, intervalDays, leech, next: await nextShownStep(user.id, study, now) };
  } catch (error) {
    if (error instanceof StaleAnswerError || error instanceof CardNotFoundError) {
      return { ok: false, error: `${error.message} Moving on to the next card.`, next: await nextShownStep(user.id, study, now) };
    }
    // Nothing was recorded: the card stays on screen to be answered again.
    if (error instanceof DatabaseBusyError) return { ok: false, error: error.message };
    throw error;
  }
}
