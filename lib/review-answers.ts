import 'server-only';
import { CardNotFoundError, recordAnswer, StaleAnswerError, undoAnswer, UndoError, type AnswerOutcome } from './db/review-answer';
import { DatabaseBusyError } from './db/sqlite-adapter';
import { nextShownStep, type ShownStep } from './review-step';
import type { Grade } from './srs/sm2';
import { answerSchema, undoSchema } from './validations/review';

/**
 * `next` is what the review screen shows after an answer or undo: a step (its item null when the
 * day is done), null when the page must be loaded again (its scope is gone), absent when nothing
 * changed (the card stays on screen to be answered again).
 */
export type AnswerReply =
  | ({ ok: true; next: ShownStep | null } & Pick<AnswerOutcome, 'kind' | 'intervalDays' | 'leech'>)
  | { ok: false; error: string; next?: ShownStep | null };

export type UndoReply = { ok: true; next: ShownStep | null } | { ok: false; error: string; next?: ShownStep | null };

/**
 * Records one review answer of `userId` and returns the next card as data; known failures come
 * back as messages. Nothing is re-rendered: the review screen keeps the router's copy of visited
 * pages fresh itself (components/review/review-session.tsx).
 */
export async function answerCard(userId: string, input: unknown, now: Date): Promise<AnswerReply> {
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid answer.' };
  const { study, ...answer } = parsed.data;
  try {
    const { kind, intervalDays, leech } = await recordAnswer(userId, { ...answer, grade: answer.grade as Grade }, now);
    return { ok: true, kind, intervalDays, leech, next: await nextShownStep(userId, study, now) };
  } catch (error) {
    if (error instanceof StaleAnswerError || error instanceof CardNotFoundError) {
      return { ok: false, error: `${error.message} Moving on to the next card.`, next: await nextShownStep(userId, study, now) };
    }
    // Nothing was recorded: the card stays on screen to be answered again.
    if (error instanceof DatabaseBusyError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Undoes one of `userId`'s answers (undoing it twice is harmless) and returns the undone card, unanswered, as the next step. */
export async function undoAnswerOf(userId: string, input: unknown, now: Date): Promise<UndoReply> {
  const parsed = undoSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid undo.' };
  try {
    await undoAnswer(userId, parsed.data.answerId, now);
    return { ok: true, next: await nextShownStep(userId, parsed.data.study, now) };
  } catch (error) {
    if (error instanceof UndoError) return { ok: false, error: error.message, next: await nextShownStep(userId, parsed.data.study, now) };
    throw error;
  }
}
