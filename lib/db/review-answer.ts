import 'server-only';
import { randomUUID } from 'node:crypto';
import { newCardSnapshot, type SchedulerSettings } from '../srs/answer';
import { isLeechLapse } from '../srs/leech';
import { isRedrill, planDay, type AnswerKind } from '../srs/queue';
import { activeSchedule, answerSchedules, type CardSchedules } from '../srs/scheduler';
import type { Grade } from '../srs/sm2';
import { studyDayStart } from '../srs/study-day';
import { replayFsrsFromLog, SCHEDULE_COLUMNS, toSchedules, type StoredSchedules } from './card-schedules';
import { prisma } from './client';
import { executeSql, isSqliteUniqueViolation, queryRows } from './direct-sql';
import { Prisma, type ReviewLog } from './generated/client';
import { reopenFrontier } from './new-cards';
import { conceptIsReadable } from './readable';
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
 * Records one answer in one transaction: loads the card and state, applies SM-2 and FSRS (or, for
 * a same-day re-drill, leaves the schedule alone), writes the state and an append-only log entry.
 *
 * Invariants:
 * - At most one log entry per answerId; a repeated answerId returns the first outcome unchanged.
 * - The state is written only if its version still equals `input.version` (a compare-and-set), so
 *   of several answers computed against one version exactly one is recorded; the rest get
 *   StaleAnswerError. Every write bumps the version, re-drills included.
 * - Both schedulers' states are updated; `due` (what the queue reads) is the user's active one's,
 *   and so is the outcome. A card FSRS has not seen yet gets its FSRS memory from its log first.
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

interface CardStateRow extends Omit<StoredSchedules, 'repetitions'> {
  conceptId: string;
  repetitions: number | null;
  suspended: boolean | number;
  leech: boolean | number;
  version: number;
}

/** Direct SQL throughout (lib/db/direct-sql.ts): this is the hot path. Runs inside recordAnswer's transaction. */
async function applyAnswer(tx: Tx, userId: string, input: AnswerInput, now: Date): Promise<AnswerOutcome> {
  const settings = await getStudySettings(userId);
  const [already] = await queryRows<ReviewLog>(Prisma.sql`SELECT * FROM "ReviewLog" WHERE "answerId" = ${input.answerId}`);
  if (already) {
    if (already.userId !== userId) throw new StaleAnswerError('This answer id was already used.');
    return outcomeOf(already, settings.leechLapses);
  }
  const [row] = await queryRows<CardStateRow>(Prisma.sql`
    SELECT c."conceptId", ${SCHEDULE_COLUMNS}, rs."suspended", rs."leech", rs."version"
    FROM "Card" c LEFT JOIN "ReviewState" rs ON rs."userId" = ${userId} AND rs."cardId" = c."id"
    WHERE c."id" = ${input.cardId} AND c."status" = 'active' AND ${conceptIsReadable(userId, 'c.conceptId')}`);
  if (!row) throw new CardNotFoundError('This card no longer exists in the deck.');
  const state = row.repetitions === null ? null : { ...row, repetitions: row.repetitions };
  if ((state?.version ?? 0) !== input.version) {
    throw new StaleAnswerError('This card was answered elsewhere in the meantime.');
  }
  if (state?.suspended) throw new StaleAnswerError('This card is suspended.');

  const dayStart = studyDayStart(now, settings.timeZone, settings.rolloverHour);
  const selfTest = input.source === 'quiz' || input.source === 'drill';
  const redrill = !selfTest && state !== null && isRedrill(planDay(await dayAnswers(userId, dayStart, input.cardId), settings), input.cardId);
  const before = state ? await withFsrsMemory(tx, userId, input.cardId, toSchedules(state), settings) : newSchedules(now);
  const next = redrill ? before : answerSchedules(before, input.grade, now, settings);
  const active = activeSchedule(next, settings.scheduler);
  const leech = !redrill && isLeechLapse(before.sm2.lapses, next.sm2.lapses, settings.leechLapses);
  const suspended = Boolean(state?.suspended) || leech;
  const kind = selfTest ? input.source! : redrill ? 'redrill' : 'review';
  const flagged = Boolean(state?.leech) || leech;

  const { sm2: prev } = before;
  const { sm2, fsrs } = next;
  if (state) {
    const count = await executeSql(Prisma.sql`
      UPDATE "ReviewState" SET "repetitions" = ${sm2.repetitions}, "intervalDays" = ${sm2.intervalDays},
        "easeFactor" = ${sm2.easeFactor}, "due" = ${active.due}, "sm2Due" = ${sm2.due}, "lapses" = ${sm2.lapses},
        "lastReviewedAt" = ${sm2.lastReviewedAt}, "fsrsStability" = ${fsrs?.stability ?? null}, "fsrsDifficulty" = ${fsrs?.difficulty ?? null},
        "fsrsScheduledDays" = ${fsrs?.scheduledDays ?? null}, "fsrsDue" = ${fsrs?.due ?? null},
        "suspended" = ${suspended}, "leech" = ${flagged}, "version" = "version" + 1
      WHERE "userId" = ${userId} AND "cardId" = ${input.cardId} AND "version" = ${input.version}`);
    if (count !== 1) throw new StaleAnswerError('This card was answered elsewhere in the meantime.');
  } else {
    // A concurrent first answer makes this INSERT fail on the primary key: handled as stale by recordAnswer.
    await executeSql(Prisma.sql`
      INSERT INTO "ReviewState" ("userId", "cardId", "repetitions", "intervalDays", "easeFactor", "due", "sm2Due", "lapses",
        "lastReviewedAt", "introducedAt", "fsrsStability", "fsrsDifficulty", "fsrsScheduledDays", "fsrsDue", "suspended", "leech", "version")
      VALUES (${userId}, ${input.cardId}, ${sm2.repetitions}, ${sm2.intervalDays}, ${sm2.easeFactor}, ${active.due}, ${sm2.due}, ${sm2.lapses},
        ${now}, ${now}, ${fsrs?.stability ?? null}, ${fsrs?.difficulty ?? null}, ${fsrs?.scheduledDays ?? null}, ${fsrs?.due ?? null},
        ${suspended}, ${flagged}, 1)`);
  }
  await executeSql(Prisma.sql`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "grade", "reviewedAt", "timeTakenMs", "answerId", "kind", "wasNew",
      "prevLastReviewedAt", "prevSuspended", "prevLeech", "prevRepetitions", "prevIntervalDays", "prevEaseFactor", "prevDue", "prevLapses",
      "repetitions", "intervalDays", "easeFactor", "due", "lapses",
      "scheduler", "fsrsStability", "fsrsDifficulty", "fsrsScheduledDays", "fsrsDue")
    VALUES (${randomUUID()}, ${userId}, ${input.cardId}, ${input.grade}, ${now}, ${input.timeTakenMs}, ${input.answerId},
      ${kind}, ${state === null}, ${prev.lastReviewedAt}, ${Boolean(state?.suspended)}, ${Boolean(state?.leech)},
      ${prev.repetitions}, ${prev.intervalDays}, ${prev.easeFactor}, ${prev.due}, ${prev.lapses},
      ${sm2.repetitions}, ${sm2.intervalDays}, ${sm2.easeFactor}, ${sm2.due}, ${sm2.lapses},
      ${settings.scheduler}, ${fsrs?.stability ?? null}, ${fsrs?.difficulty ?? null}, ${fsrs?.scheduledDays ?? null}, ${fsrs?.due ?? null})`);
  return { kind, due: active.due, intervalDays: active.intervalDays, leech };
}

function newSchedules(now: Date): CardSchedules {
  return { sm2: newCardSnapshot(now), fsrs: null };
}

/** Fills in the FSRS memory of a card answered before FSRS existed, by replaying its log. */
async function withFsrsMemory(tx: Tx, userId: string, cardId: string, s: CardSchedules, settings: SchedulerSettings): Promise<CardSchedules> {
  if (s.fsrs !== null || s.sm2.lastReviewedAt === null) return s;
  return { ...s, fsrs: (await replayFsrsFromLog(tx, userId, settings, [cardId])).get(cardId) ?? null };
}

function outcomeOf(log: ReviewLog, leechLapses: number): AnswerOutcome {
  const kind = log.kind as AnswerOutcome['kind'];
  const leech = kind !== 'redrill' && isLeechLapse(log.prevLapses, log.lapses, leechLapses);
  if (log.scheduler === 'fsrs' && log.fsrsDue !== null && log.fsrsScheduledDays !== null) {
    return { kind, due: new Date(log.fsrsDue), intervalDays: log.fsrsScheduledDays, leech };
  }
  return { kind, due: new Date(log.due), intervalDays: log.intervalDays, leech };
}

/** A unique-constraint failure: better-sqlite3's from direct SQL, P2002 from a model query, or P2010 wrapping the driver's error from raw SQL. */
function isUniqueViolation(error: unknown): boolean {
  if (isSqliteUniqueViolation(error)) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return error.code === 'P2002' || cause?.kind === 'UniqueConstraintViolation';
}

/**
 * Undoes one answer: the state returns to exactly what it was before (a card that was new loses
 * its state row again; otherwise every field including lastReviewedAt, suspended and leech is
 * restored, FSRS's memory by replaying the card's log without this answer, and `due` is the
 * active scheduler's) and the log entry gets undoneAt; it is never deleted. Undoing an undone answer is a
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
    await tx.reviewLog.update({ where: { id: log.id }, data: { undoneAt: now } });
    if (log.wasNew) {
      const card = await tx.card.findUniqueOrThrow({ where: { id: log.cardId }, select: { conceptId: true } });
      await tx.reviewState.delete({ where: key });
      await reopenFrontier(tx, userId, card.conceptId);
    } else {
      const restore = log.kind === 'redrill' ? {} : await restoredSchedules(tx, userId, log);
      await tx.reviewState.update({ where: key, data: { ...restore, version: { increment: 1 } } });
    }
  });
}

/** The scheduling fields before `log`'s answer; call once `log` is marked undone. */
async function restoredSchedules(tx: Tx, userId: string, log: ReviewLog): Promise<Prisma.ReviewStateUpdateInput> {
  const settings = await getStudySettings(userId);
  const fsrs = (await replayFsrsFromLog(tx, userId, settings, [log.cardId])).get(log.cardId) ?? null;
  const sm2 = {
    repetitions: log.prevRepetitions,
    intervalDays: log.prevIntervalDays,
    easeFactor: log.prevEaseFactor,
    due: log.prevDue,
    lapses: log.prevLapses,
    lastReviewedAt: log.prevLastReviewedAt,
  };
  return {
    ...sm2,
    sm2Due: sm2.due,
    due: activeSchedule({ sm2, fsrs }, settings.scheduler).due,
    fsrsStability: fsrs?.stability ?? null,
    fsrsDifficulty: fsrs?.difficulty ?? null,
    fsrsScheduledDays: fsrs?.scheduledDays ?? null,
    fsrsDue: fsrs?.due ?? null,
    suspended: log.prevSuspended,
    leech: log.prevLeech,
  };
}
