'use server';

import { undoAnswer, UndoError } from '../db/review-answer';
import { nextShownStep, type ShownStep } from '../review-step';
import { requireUser } from '../session';
import { undoSchema } from '../validations/review';

/** `next` as in AnswerResult: the review screen after the undo (the undone card, unanswered). */
export type UndoResult = { ok: true; next: ShownStep | null } | { ok: false; error: string; next?: ShownStep | null };

/** Undoes one of the signed-in user's answers; undoing it twice is harmless. Returns the next card as data, like answerCardAction. */
export async function undoAnswerAction(input: unknown): Promise<UndoResult> {
  const user = await requireUser();
  const parsed = undoSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid undo.' };
  const now = new Date();
  try {
    await undoAnswer(user.id, parsed.data.answerId, now);
    return { ok: true, next: await nextShownStep(user.id, parsed.data.study, now) };
  } catch (error) {
    if (error instanceof UndoError) return { ok: false, error: error.message, next: await nextShownStep(user.id, parsed.data.study, now) };
    throw error;
  }
}
