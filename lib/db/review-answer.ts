import 'server-only';
import { randomUUID } from 'node:crypto';
import { answerCard, newCardSnapshot } from '../srs/answer';
import { isLeechLapse } from '../srs/leech';
import { isRedrill, planDay, type AnswerKind } from '../srs/queue';
import type { Grade } from '../srs/sm2';
import { studyDayStart } from '../srs/study-day';
import { prisma } from './client';
import { Prisma, type ReviewLog } from './generated/client';
import { reopenFrontier } from './new-cards';
import { conceptIsReadable } from './readable';
import { toSnapshot } from './review';
import { dayAnswers } from './review-day';
import { getStudySettings } from './study-settings';

type Tx = Prisma.TransactionClient;

/** The card changed since the answer was computed (another tab, a retry after undo, a suspension). */
export class StaleAnswerError extends Error {}
export class CardNotFoundError extends Error {}
/** Undo refused: unknown answer, or a later answer to the same card is still in force. */
export class UndoError extends Error {}

export interface AnswerInput {
  cardId: string;
  grade: Grade;
  /** Client-made id of this answer: the same id twice records one answer. */
  answerId: string;
  version: number;
  timeTakenMs: number;
  /**
   * 'quiz' (a quiz miss) or 'drill' (a point an interview drill left out): SM-2 always applies
   * (never a re-drill) and the log carries the source as its kind.
   */
  source?: 'review' | 'quiz' | 'drill';
}

export interface AnswerOutcome {
  kind: AnswerKind | 'quiz' | 'drill';
  due: Date;
  intervalDays: number;
  /** This answer made the card a leech: it is now suspended. */
  leech: boolean;
}

/**
 * Records one answer in one transaction: loads the card and state, applies SM-2 (or, for a
 * same-day re-drill, leaves the schedule alone), writes the state and an append-only log entry.
 *
 * Invariants:
 * - At most one log entry per answerId; a repeated answerId returns the first outcome unchanged.
 * - The state is written only if its version still equals `input.version` (a compare-and-set), so
 *   of several answers computed against one version exactly one is recorded; the rest get
 *   StaleAnswerError. Every write bumps the version, re-drills included.
 * - A review that makes the card a leech (see isLeechLapse) also suspends it.
 * - A self-test answer (source 'quiz' or 'drill') is scheduled like a review but logged under its
 *   source, which the daily plan ignores: it never uses up the day's limits, buries siblings or starts a re-drill.
 */
export async function recordAnswer(userId: string, input: AnswerInput, now: Date): Promise<AnswerOutcome> {
  try {
    return await prisma.$transaction((tx) => applyAnswer(tx, userId, input, now));
  } catch (error) {
    // Another process won a race on the answer id or the state row: report what now stands.
    if (isUniqueViolation(error)) {
      const log = await prisma.reviewLog.findUnique({ where: { answerId: input.answerId } });
      if (log?.userId === userId) return outcomeOf(log, (await getStudySettings(userId)).leechLapses);
      throw new StaleAnswerError('This card was answered elsewhere in the meantime.');
    }
    throw error;
  }
}

interface CardStateRow {
  conceptId: string;
  repetitions: number | null;
  intervalDays: number;
  easeFactor: number;
  due: Date | string;
  lapses: number;
  lastReviewedAt: Date | string | null;
  suspended: boolean | number;
  leech: boolean | number;
  version: number;
}

/** Raw SQL throughout: this is the hot path, and a raw query costs a third of a model query. */
async function applyAnswer(tx: Tx, userId: string, input: AnswerInput, now: Date): Promise<AnswerOutcome> {
  const settings = await getStudySettings(userId, tx);
  const [already] = await tx.$queryRaw<ReviewLog[]>`SELECT * FROM "ReviewLog" WHERE "answerId" = ${input.answerId}`;
  if (already) {
    if (already.userId !== userId) throw new StaleAnswerError('This answer id was already used.');
    return outcomeOf(already, settings.leechLapses);
  }
  const [row] = await tx.$queryRaw<CardStateRow[]>`
    SELECT c."conceptId", rs."repetitions", rs."intervalDays", rs."easeFactor", rs."due", rs."lapses", rs."lastReviewedAt",
      rs."suspended", rs."leech", rs."version"
    FROM "Card" c LEFT JOIN "ReviewState" rs ON rs."userId" = ${userId} AND rs."cardId" = c."id"
    WHERE c."id" = ${input.cardId} AND c."status" = 'active' AND ${conceptIsReadable(userId, 'c.conceptId')}`;
  if (!row) throw new CardNotFoundError('This card no longer exists in the deck.');
  const state = row.repetitions === null ? null : { ...row, repetitions: row.repetitions };
  if ((state?.version ?? 0) !== input.version) {
    throw new StaleAnswerError('This card was answered elsewhere in the meantime.');
  }
  if (state?.suspended) throw new StaleAnswerError('This card is suspended.');

  const dayStart = studyDayStart(now, settings.timeZone, settings.rolloverHour);
  const selfTest = input.source === 'quiz' || input.source === 'drill';
  const redrill = !selfTest && state !== null && isRedrill(planDay(await dayAnswers(tx, userId, dayStart, input.cardId), settings), input.cardId);
  const before = state ? toSnapshot(state) : newCardSnapshot(now);
  const next = redrill ? before : answerCard(before, input.grade, now, settings).next;
  const leech = !redrill && isLeechLapse(before.lapses, next.lapses, settings.leechLapses);
  const suspended = Boolean(state?.suspended) || leech;
  const kind = selfTest ? input.source! : redrill ? 'redrill' : 'review';
  const flagged = Boolean(state?.leech) || leech;

  if (state) {
    const count = await tx.$executeRaw`
      UPDATE "ReviewState" SET "repetitions" = ${next.repetitions}, "intervalDays" = ${next.intervalDays},
        "easeFactor" = ${next.easeFactor}, "due" = ${next.due}, "lapses" = ${next.lapses}, "lastReviewedAt" = ${next.lastReviewedAt},
        "suspended" = ${suspended}, "leech" = ${flagged}, "version" = "version" + 1
      WHERE "userId" = ${userId} AND "cardId" = ${input.cardId} AND "version" = ${input.version}`;
    if (count !== 1) throw new StaleAnswerError('This card was answered elsewhere in the meantime.');
  } else {
    // A concurrent first answer makes this INSERT fail on the primary key: handled as stale by recordAnswer.
    await tx.$executeRaw`
      INSERT INTO "ReviewState" ("userId", "cardId", "repetitions", "intervalDays", "easeFactor", "due", "lapses",
        "lastReviewedAt", "introducedAt", "suspended", "leech", "version")
      VALUES (${userId}, ${input.cardId}, ${next.repetitions}, ${next.intervalDays}, ${next.easeFactor}, ${next.due}, ${next.lapses},
        ${now}, ${now}, ${suspended}, ${flagged}, 1)`;
  }
  await tx.$executeRaw`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "grade", "reviewedAt", "timeTakenMs", "answerId", "kind", "wasNew",
      "prevLastReviewedAt", "prevSuspended", "prevLeech", "prevRepetitions", "prevIntervalDays", "prevEaseFactor", "prevDue", "prevLapses",
      "repetitions", "intervalDays", "easeFactor", "due", "lapses")
    VALUES (${randomUUID()}, ${userId}, ${input.cardId}, ${input.grade}, ${now}, ${input.timeTakenMs}, ${input.answerId},
      ${kind}, ${state === null}, ${before.lastReviewedAt}, ${Boolean(state?.suspended)}, ${Boolean(state?.leech)},
      ${before.repetitions}, ${before.intervalDays}, ${before.easeFactor}, ${before.due}, ${before.lapses},
      ${next.repetitions}, ${next.intervalDays}, ${next.easeFactor}, ${next.due}, ${next.lapses})`;
  return { kind, due: next.due, intervalDays: next.intervalDays, leech };
}

function outcomeOf(log: ReviewLog, leechLapses: number): AnswerOutcome {
  const kind = log.kind as AnswerOutcome['kind'];
  const leech = kind !== 'redrill' && isLeechLapse(log.prevLapses, log.lapses, leechLapses);
  return { kind, due: new Date(log.due), intervalDays: log.intervalDays, leech };
}

/** A unique-constraint failure: P2002 from a model query, or P2010 wrapping the driver's error from raw SQL. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return error.code === 'P2002' || cause?.kind === 'UniqueConstraintViolation';
}

/**
 * Undoes one answer: the state returns to exactly what it was before (a card that was new loses
 * its state row again; otherwise every field including lastReviewedAt, suspended and leech is
 * restored) and the log entry gets undoneAt; it is never deleted. Undoing an undone answer is a
 * no-op. Only a card's latest answer in force can be undone, so states are unwound in order.
 * The version still increases, so an answer computed before the undo is stale.
 */
export async function undoAnswer(userId: string, answerId: string, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({ where: { answerId } });
    if (!log || log.userId !== userId || (log.kind !== 'review' && log.kind !== 'redrill')) {
      throw new UndoError('There is no such answer to undo.');
    }
    if (log.undoneAt) return;
    const [latest] = await tx.$queryRaw<{ answerId: string }[]>`
      SELECT "answerId" FROM "ReviewLog"
      WHERE "userId" = ${userId} AND "cardId" = ${log.cardId} AND "undoneAt" IS NULL
      ORDER BY "reviewedAt" DESC, "rowid" DESC LIMIT 1`;
    if (latest?.answerId !== answerId) throw new UndoError('A later answer to this card has to be undone first.');

    const key = { userId_cardId: { userId, cardId: log.cardId } };
    if (log.wasNew) {
      const card = await tx.card.findUniqueOrThrow({ where: { id: log.cardId }, select: { conceptId: true } });
      await tx.reviewState.delete({ where: key });
      await reopenFrontier(tx, userId, card.conceptId);
    } else {
      const restore = log.kind === 'redrill' ? {} : {
        repetitions: log.prevRepetitions,
        intervalDays: log.prevIntervalDays,
        easeFactor: log.prevEaseFactor,
        due: log.prevDue,
        lapses: log.prevLapses,
        lastReviewedAt: log.prevLastReviewedAt,
        suspended: log.prevSuspended,
        leech: log.prevLeech,
      };
      await tx.reviewState.update({ where: key, data: { ...restore, version: { increment: 1 } } });
    }
    await tx.reviewLog.update({ where: { id: log.id }, data: { undoneAt: now } });
  });
}
