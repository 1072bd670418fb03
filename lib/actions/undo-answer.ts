'use server';

import { refresh, revalidatePath } from 'next/cache';
import { undoAnswer, UndoError } from '../db/review-answer';
import { requireUser } from '../session';
import { undoSchema } from '../validations/review';

export type UndoResult = { ok: true } | { ok: false; error: string };

/** Undoes one of the signed-in user's answers; undoing it twice is harmless. The page refreshes in this response. */
export async function undoAnswerAction(input: unknown): Promise<UndoResult> {
  const user = await requireUser();
  const parsed = undoSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid undo.' };
  try {
    await undoAnswer(user.id, parsed.data.answerId, new Date());
    revalidatePath('/');
    return { ok: true };
  } catch (error) {
    if (error instanceof UndoError) {
      refresh();
      return { ok: false, error: error.message };
    }
    throw error;
  }
}
