'use server';

import { refresh, revalidatePath } from 'next/cache';
import { CardNotFoundError, recordAnswer, StaleAnswerError, type AnswerOutcome } from '../db/review-answer';
import { DatabaseBusyError } from '../db/sqlite-adapter';
import type { Grade } from '../srs/sm2';
import { requireUser } from '../session';
import { answerSchema } from '../validations/review';

export type AnswerResult = ({ ok: true } & Pick<AnswerOutcome, 'kind' | 'intervalDays' | 'leech'>) | { ok: false; error: string };

/**
 * Records one review answer for the signed-in user; known failures come back as messages.
 * Every outcome refreshes the page in this action's own response (the review screen does not
 * call router.refresh(), which would race that response).
 */
export async function answerCardAction(input: unknown): Promise<AnswerResult> {
  const user = await requireUser();
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid answer.' };
  try {
    const { kind, intervalDays, leech } = await recordAnswer(user.id, { ...parsed.data, grade: parsed.data.grade as Grade }, new Date());
    revalidatePath('/');
    return { ok: true, kind, intervalDays, leech };
  } catch (error) {
    if (error instanceof StaleAnswerError || error instanceof CardNotFoundError) {
      refresh();
      return { ok: false, error: `${error.message} Moving on to the next card.` };
    }
    // Nothing was recorded: the card stays on screen to be answered again.
    if (error instanceof DatabaseBusyError) return { ok: false, error: error.message };
    throw error;
  }
}
