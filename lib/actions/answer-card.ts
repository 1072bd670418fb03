'use server';

import { revalidatePath } from 'next/cache';
import { CardNotFoundError, recordAnswer, StaleAnswerError } from '../db/review';
import type { Grade } from '../srs/sm2';
import { requireUser } from '../session';
import { answerSchema } from '../validations/review';

export type AnswerResult = { ok: true; intervalDays: number } | { ok: false; error: string };

/** Records one review answer for the signed-in user; known failures come back as messages. */
export async function answerCardAction(input: unknown): Promise<AnswerResult> {
  const user = await requireUser();
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid answer.' };
  try {
    const { intervalDays } = await recordAnswer(user.id, { ...parsed.data, grade: parsed.data.grade as Grade }, new Date());
    revalidatePath('/review');
    revalidatePath('/');
    return { ok: true, intervalDays };
  } catch (error) {
    if (error instanceof StaleAnswerError || error instanceof CardNotFoundError) {
      revalidatePath('/review');
      return { ok: false, error: error.message };
    }
    throw error;
  }
}
