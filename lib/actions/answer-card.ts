'use server';

import { CardNotFoundError, recordAnswer, StaleAnswerError, type AnswerOutcome } from '../db/review-answer';
import { DatabaseBusyError } from '../db/sqlite-adapter';
import type { Grade } from '../srs/sm2';
import { requireUser } from '../session';
import { answerSchema } from '../validations/review';

export type AnswerResult = ({ ok: true } & Pick<AnswerOutcome, 'kind' | 'intervalDays' | 'leech'>) | { ok: false; error: string };

/** Records one review answer for the signed-in user; known failures come back as messages. */
export async function answerCardAction(input: unknown): Promise<AnswerResult> {
  const user = await requireUser();
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid answer.' };
  try {
    // No revalidatePath: it would render the whole page into this response, and the review screen
    // fetches the next card with router.refresh() after every answer anyway (twice the work per answer).
    const { kind, intervalDays, leech } = await recordAnswer(user.id, { ...parsed.data, grade: parsed.data.grade as Grade }, new Date());
    return { ok: true, kind, intervalDays, leech };
  } catch (error) {
    if (error instanceof StaleAnswerError || error instanceof CardNotFoundError) {
      return { ok: false, error: `${error.message} Moving on to the next card.` };
    }
    // Nothing was recorded: the card stays on screen to be answered again.
    if (error instanceof DatabaseBusyError) return { ok: false, error: error.message };
    throw error;
  }
}
