import 'server-only';
import type { ReviewSnapshot, SchedulerSettings } from '../srs/answer';
import { replayFsrsAll, type FsrsMemory, type ScheduledAnswer } from '../srs/fsrs';
import type { CardSchedules, SchedulerName } from '../srs/scheduler';
import type { Grade } from '../srs/sm2';
import type { StudySettings } from '../srs/study-settings';
import { Prisma } from './generated/client';

type Tx = Prisma.TransactionClient;
type DateValue = Date | string;

/** ReviewState's scheduling columns, as raw queries return them (dates may come back as text). */
export interface StoredSchedules {
  repetitions: number;
  intervalDays: number;
  easeFactor: number;
  due: DateValue;
  sm2Due: DateValue | null;
  lapses: number;
  lastReviewedAt: DateValue | null;
  fsrsStability: number | null;
  fsrsDifficulty: number | null;
  fsrsScheduledDays: number | null;
  fsrsDue: DateValue | null;
}

/** The select list for {@link StoredSchedules}, from ReviewState aliased `rs`. */
export const SCHEDULE_COLUMNS = Prisma.sql`rs."repetitions", rs."intervalDays", rs."easeFactor", rs."due", rs."sm2Due", rs."lapses",
  rs."lastReviewedAt", rs."fsrsStability", rs."fsrsDifficulty", rs."fsrsScheduledDays", rs."fsrsDue"`;

/** Rows per UPDATE when storing replayed memories: 5 parameters each, far below SQLite's limit of 32,766. */
const WRITE_BATCH = 500;

/** Log kinds whose answer changed the schedule; a re-drill leaves it alone (lib/db/review-answer.ts). */
const SCHEDULED_KINDS = Prisma.sql`('review', 'quiz', 'drill')`;

/** Both models' state of a stored row; SM-2's due is `due` in rows written before sm2Due existed. */
export function toSchedules(row: StoredSchedules): CardSchedules {
  const sm2: ReviewSnapshot = {
    repetitions: row.repetitions,
    intervalDays: row.intervalDays,
    easeFactor: row.easeFactor,
    due: new Date(row.sm2Due ?? row.due),
    lapses: row.lapses,
    lastReviewedAt: row.lastReviewedAt === null ? null : new Date(row.lastReviewedAt),
  };
  const fsrs: FsrsMemory | null = row.fsrsStability === null || row.fsrsDifficulty === null || row.fsrsScheduledDays === null || row.fsrsDue === null
    ? null
    : { stability: row.fsrsStability, difficulty: row.fsrsDifficulty, scheduledDays: row.fsrsScheduledDays, due: new Date(row.fsrsDue) };
  return { sm2, fsrs };
}

/**
 * The FSRS memory of each given card (all of the user's cards that have a state when `cardIds`
 * is omitted), replayed from the answers in force that changed the schedule, oldest first.
 * Cards without such answers are absent from the result.
 */
export async function replayFsrsFromLog(tx: Tx, userId: string, settings: SchedulerSettings, cardIds?: readonly string[]): Promise<Map<string, FsrsMemory>> {
  const rows = await tx.$queryRaw<{ cardId: string; grade: number; at: DateValue }[]>`
    SELECT l."cardId" AS "cardId", l."grade" AS "grade", l."reviewedAt" AS "at"
    FROM "ReviewLog" l
    WHERE l."userId" = ${userId} AND l."undoneAt" IS NULL AND l."kind" IN ${SCHEDULED_KINDS}
      ${cardIds === undefined ? Prisma.empty : Prisma.sql`AND l."cardId" IN (SELECT "value" FROM json_each(${JSON.stringify(cardIds)}))`}
    ORDER BY l."cardId", l."reviewedAt", l."rowid"`;
  const byCard = new Map<string, ScheduledAnswer[]>();
  for (const r of rows) {
    let answers = byCard.get(r.cardId);
    if (answers === undefined) byCard.set(r.cardId, (answers = []));
    answers.push({ grade: r.grade as Grade, at: new Date(r.at) });
  }
  return replayFsrsAll(byCard, settings);
}

/**
 * Makes `scheduler` the one whose due dates the queue reads, for every card of the user. The
 * first switch to FSRS replays the review log of every card FSRS has not seen yet; nothing is
 * ever discarded, so switching back restores SM-2's due dates exactly.
 */
export async function applyScheduler(tx: Tx, userId: string, scheduler: SchedulerName, settings: Pick<StudySettings, 'timeZone' | 'rolloverHour'>): Promise<void> {
  if (scheduler === 'fsrs') {
    // sm2Due is null only in rows written while SM-2 was the only scheduler: keep their due as SM-2's.
    await tx.$executeRaw`UPDATE "ReviewState" SET "sm2Due" = "due" WHERE "userId" = ${userId} AND "sm2Due" IS NULL`;
    const unseen = await tx.$queryRaw<{ cardId: string }[]>`
      SELECT "cardId" FROM "ReviewState" WHERE "userId" = ${userId} AND "fsrsStability" IS NULL`;
    if (unseen.length > 0) {
      const memories = [...(await replayFsrsFromLog(tx, userId, settings, unseen.map((r) => r.cardId)))];
      // Many rows per statement: one statement per card costs about 1 ms each through the adapter.
      for (let i = 0; i < memories.length; i += WRITE_BATCH) {
        const rows = memories.slice(i, i + WRITE_BATCH)
          .map(([cardId, m]) => Prisma.sql`(${cardId}, ${m.stability}, ${m.difficulty}, ${m.scheduledDays}, ${m.due})`);
        await tx.$executeRaw`
          WITH "m"("cardId", "stability", "difficulty", "scheduledDays", "due") AS (VALUES ${Prisma.join(rows)})
          UPDATE "ReviewState" SET "fsrsStability" = "m"."stability", "fsrsDifficulty" = "m"."difficulty",
            "fsrsScheduledDays" = "m"."scheduledDays", "fsrsDue" = "m"."due"
          FROM "m" WHERE "ReviewState"."userId" = ${userId} AND "ReviewState"."cardId" = "m"."cardId"`;
      }
    }
    await tx.$executeRaw`UPDATE "ReviewState" SET "due" = COALESCE("fsrsDue", "sm2Due", "due") WHERE "userId" = ${userId}`;
  } else {
    await tx.$executeRaw`UPDATE "ReviewState" SET "due" = COALESCE("sm2Due", "due") WHERE "userId" = ${userId}`;
  }
}
