import 'server-only';
import { planDay, type AnswerKind, type DayAnswer, type DayPlan } from '../srs/queue';
import type { Grade } from '../srs/sm2';
import { studyDayStart } from '../srs/study-day';
import type { StudySettings } from '../srs/study-settings';
import { queryRows } from './direct-sql';
import { Prisma } from './generated/client';
import { getStudySettings } from './study-settings';

export interface StudyDay {
  settings: StudySettings;
  /** Start of the study day containing `now`, in the user's zone and rollover hour. */
  dayStart: Date;
  plan: DayPlan;
}

interface DayAnswerRow {
  cardId: string;
  conceptId: string;
  grade: number;
  kind: string;
  wasNew: boolean | number;
  at: Date | string;
  timeTakenMs: number;
  studiable: boolean | number;
}

/** The user's settings and today's plan (limits left, re-drills, buried concepts). */
export async function loadStudyDay(userId: string, now: Date): Promise<StudyDay> {
  const settings = await getStudySettings(userId);
  const dayStart = studyDayStart(now, settings.timeZone, settings.rolloverHour);
  const answers = await dayAnswers(userId, dayStart);
  return { settings, dayStart, plan: planDay(answers, settings) };
}

/**
 * Answers given since `dayStart` that are not undone, oldest first; with `cardId`, only that
 * card's. Served by the (userId, reviewedAt) and (userId, cardId, reviewedAt) log indexes; run
 * directly (lib/db/direct-sql.ts), so inside a transaction it reads the transaction's state.
 */
export async function dayAnswers(userId: string, dayStart: Date, cardId?: string): Promise<DayAnswer[]> {
  const rows = await queryRows<DayAnswerRow>(Prisma.sql`
    SELECT l."cardId" AS "cardId", c."conceptId" AS "conceptId", l."grade" AS "grade", l."kind" AS "kind",
      l."wasNew" AS "wasNew", l."reviewedAt" AS "at", l."timeTakenMs" AS "timeTakenMs",
      (c."status" = 'active' AND COALESCE(rs."suspended", 0) = 0) AS "studiable"
    FROM "ReviewLog" l
    JOIN "Card" c ON c."id" = l."cardId"
    LEFT JOIN "ReviewState" rs ON rs."userId" = l."userId" AND rs."cardId" = l."cardId"
    WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${dayStart} AND l."undoneAt" IS NULL
      AND l."kind" IN ('review', 'redrill') ${cardId === undefined ? Prisma.empty : Prisma.sql`AND l."cardId" = ${cardId}`}
    ORDER BY l."reviewedAt", l."rowid"`);
  return rows.map((r) => ({
    cardId: r.cardId,
    conceptId: r.conceptId,
    grade: r.grade as Grade,
    kind: r.kind as AnswerKind,
    wasNew: Boolean(r.wasNew),
    at: new Date(r.at),
    timeTakenMs: r.timeTakenMs,
    studiable: Boolean(r.studiable),
  }));
}
