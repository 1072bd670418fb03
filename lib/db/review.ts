import 'server-only';
import { newCardSnapshot } from '../srs/answer';
import { gradeOutcomes, outcomesOfIntervals, type GradeOutcome } from '../srs/grade-outcomes';
import { adjustPlan, AHEAD_DAYS, EXTRA_NEW_STEP, NO_MORE, queueSteps, type DayPlan, type StudyMore } from '../srs/queue';
import { previewSchedule } from '../srs/scheduler';
import { addStudyDays } from '../srs/study-day';
import type { StudySettings } from '../srs/study-settings';
import { SCHEDULE_COLUMNS, toSchedules, type StoredSchedules } from './card-schedules';
import { prisma } from './client';
import { queryRows } from './direct-sql';
import { Prisma } from './generated/client';
import { firstNewCards, newCardsIn, type NewCard } from './new-cards';
import { conceptIsReadable } from './readable';
import { loadStudyDay, type StudyDay } from './review-day';

/** Where a card on the review screen came from; a re-drill leaves the SM-2 schedule unchanged. */
export type ReviewQueue = 'review' | 'new' | 'redrill';

/** A card ready to show on the review screen, with what each grade would schedule. */
export interface ReviewItem {
  cardId: string;
  kind: string;
  question: string;
  answer: string;
  explanation: string | null;
  conceptId: string;
  conceptPath: string[];
  /** Line of the card's passage in its note: /topics/<conceptId>#line-<sourceLine>. */
  sourceLine: number;
  queue: ReviewQueue;
  /** The state version the answer must be computed against; a different one is stale. */
  version: number;
  /** What each grade button would do to the card under the user's active scheduler (see grade-outcomes.ts). */
  outcomes: GradeOutcome[];
}

/** A concept subtree to study on its own ("review only Caching"). */
export interface StudyScope {
  conceptId: string;
  title: string;
  /** The concept and all its descendants. */
  conceptIds: string[];
}

export interface DueSummary {
  /** Scheduled reviews still allowed today (capped by the daily review limit). */
  dueReviews: number;
  /** New cards still allowed today (capped by the daily new limit). */
  newAvailable: number;
  redrills: number;
  total: number;
  /** Answers given today (not undone), for the progress bar. */
  done: number;
}

/** The concept and its descendants, or null if there is no such concept or the user may not read it. */
export async function getStudyScope(userId: string, conceptId: string): Promise<StudyScope | null> {
  const [concept] = await queryRows<{ id: string; title: string }>(Prisma.sql`
    SELECT co."id", co."title" FROM "Concept" co WHERE co."id" = ${conceptId} AND ${conceptIsReadable(userId, 'co.id')}`);
  if (!concept) return null;
  const rows = await queryRows<{ id: string }>(Prisma.sql`
    WITH RECURSIVE "tree"("id") AS (
      SELECT ${conceptId}
      UNION ALL SELECT co."id" FROM "Concept" co JOIN "tree" t ON co."parentId" = t."id"
    )
    SELECT "id" FROM "tree"`);
  return { conceptId: concept.id, title: concept.title, conceptIds: rows.map((r) => r.id) };
}

/** Counts for the home page and the progress bar, under today's limits and burying. */
export async function getDueSummary(userId: string, now: Date, scope: StudyScope | null = null): Promise<DueSummary> {
  return dueSummary(userId, scope, await studyDay(userId, now, scope, NO_MORE));
}

/**
 * Which reviews count as due: every card due by `now`, and when reviewing ahead, cards due by
 * `dueBy` (the start of the study day `aheadDays` ahead) that were not answered today, so each
 * card is reviewed ahead at most once a day (as Anki's review-ahead deck takes each card once).
 */
interface DueWindow {
  now: Date;
  dueBy: Date;
  dayStart: Date;
}

/** Today's plan as this screen applies it: a scope unburies its own concepts and "study more" raises the new limit (see adjustPlan). */
interface ScreenDay extends StudyDay {
  window: DueWindow;
}

async function studyDay(userId: string, now: Date, scope: StudyScope | null, more: StudyMore): Promise<ScreenDay> {
  const day = await loadStudyDay(userId, now);
  const { timeZone, rolloverHour } = day.settings;
  const ahead = more.aheadDays > 0 ? addStudyDays(day.dayStart, more.aheadDays, timeZone, rolloverHour) : now;
  return {
    ...day,
    plan: adjustPlan(day.plan, day.settings, more, scope !== null),
    window: { now, dueBy: ahead > now ? ahead : now, dayStart: day.dayStart },
  };
}

async function dueSummary(userId: string, scope: StudyScope | null, day: ScreenDay): Promise<DueSummary> {
  return (await dueCounts(userId, scope, day)).counts;
}

/** The counts, and what finding them found (see nextItem). */
async function dueCounts(userId: string, scope: StudyScope | null, { plan, window }: ScreenDay): Promise<{ counts: DueSummary; found: Found }> {
  const inScope = scopeFilter(scope);
  const [dueReviews, fresh] = await Promise.all([
    countDue(userId, window, plan, scope),
    newCards(userId, plan.newLeft, plan, scope),
  ]);
  const redrills = plan.redrills.filter((r) => inScope(r.conceptId)).length;
  const counts = { dueReviews, newAvailable: fresh.length, redrills, total: dueReviews + fresh.length + redrills, done: plan.answered };
  return { counts, found: { dueReviews, fresh } };
}

/** The next card to study, as {@link queueSteps} orders the day's queue; null when the day is done. */
export async function getNextReviewItem(userId: string, now: Date, scope: StudyScope | null = null): Promise<ReviewItem | null> {
  return nextItem(userId, now, scope, await studyDay(userId, now, scope, NO_MORE));
}

/** What the counts already found: no due review means no first one, and the first new card is the next one. */
interface Found {
  dueReviews: number;
  fresh: NewCard[];
}

async function nextItem(userId: string, now: Date, scope: StudyScope | null, { plan, window, settings }: ScreenDay, found?: Found): Promise<ReviewItem | null> {
  for (const step of queueSteps(plan, now, scopeFilter(scope))) {
    if (step.kind === 'redrill') return loadItem(userId, step.cardId, 'redrill', now, settings);
    const cardId = step.kind === 'review'
      ? found?.dueReviews === 0 ? undefined : await firstDue(userId, window, plan, scope)
      : (found?.fresh ?? (await newCards(userId, 1, plan, scope)))[0]?.cardId;
    if (cardId) return loadItem(userId, cardId, step.kind, now, settings);
  }
  return null;
}

function scopeFilter(scope: StudyScope | null): (conceptId: string) => boolean {
  if (!scope) return () => true;
  const ids = new Set(scope.conceptIds);
  return (id) => ids.has(id);
}

/** Readable cards due in `window`, unsuspended, active, outside buried concepts (and inside the scope, if any). */
function dueWhere(userId: string, { now, dueBy, dayStart }: DueWindow, plan: DayPlan, scope: StudyScope | null): Prisma.Sql {
  return Prisma.sql`
    rs."userId" = ${userId} AND rs."suspended" = 0 AND rs."due" <= ${dueBy} AND c."status" = 'active'
    AND (rs."due" <= ${now} OR rs."lastReviewedAt" IS NULL OR rs."lastReviewedAt" < ${dayStart})
    AND ${conceptIsReadable(userId, 'c.conceptId')}
    AND c."conceptId" NOT IN (SELECT "value" FROM json_each(${JSON.stringify(plan.buriedConceptIds)}))
    ${scope ? Prisma.sql`AND c."conceptId" IN (SELECT "value" FROM json_each(${JSON.stringify(scope.conceptIds)}))` : Prisma.empty}`;
}

/** The most overdue card (ties by card id), walking the (userId, suspended, due) index. */
async function firstDue(userId: string, window: DueWindow, plan: DayPlan, scope: StudyScope | null): Promise<string | undefined> {
  const [row] = await queryRows<{ cardId: string }>(Prisma.sql`
    SELECT rs."cardId" AS "cardId" FROM "ReviewState" rs JOIN "Card" c ON c."id" = rs."cardId"
    WHERE ${dueWhere(userId, window, plan, scope)}
    ORDER BY rs."due", rs."cardId" LIMIT 1`);
  return row?.cardId;
}

/** Due reviews, counted only up to the reviews left today. */
async function countDue(userId: string, window: DueWindow, plan: DayPlan, scope: StudyScope | null): Promise<number> {
  if (plan.reviewsLeft === 0) return 0;
  const [row] = await queryRows<{ n: number }>(Prisma.sql`
    SELECT COUNT(*) AS "n" FROM (
      SELECT 1 FROM "ReviewState" rs JOIN "Card" c ON c."id" = rs."cardId"
      WHERE ${dueWhere(userId, window, plan, scope)} LIMIT ${plan.reviewsLeft})`);
  return row?.n ?? 0;
}

async function newCards(userId: string, limit: number, plan: DayPlan, scope: StudyScope | null): Promise<NewCard[]> {
  const n = Math.min(limit, plan.newLeft);
  if (n <= 0) return [];
  return scope ? newCardsIn(userId, scope.conceptIds, n, plan.buriedConceptIds) : firstNewCards(userId, n, plan.buriedConceptIds);
}

interface ItemRow extends Omit<StoredSchedules, 'repetitions'> {
  cardId: string;
  kind: string;
  question: string;
  answer: string;
  explanation: string | null;
  conceptId: string;
  headingPath: string;
  sourceLine: number;
  repetitions: number | null;
  version: number;
}

/** The card with its concept and this user's state, in one query; callers pass only cards the user may read. */
async function loadItem(userId: string, cardId: string, queue: ReviewQueue, now: Date, settings: StudySettings): Promise<ReviewItem> {
  const [row] = await queryRows<ItemRow>(Prisma.sql`
    SELECT c."id" AS "cardId", c."kind", c."question", c."answer", c."explanation", c."conceptId", co."headingPath", c."sourceLine",
      ${SCHEDULE_COLUMNS}, rs."version"
    FROM "Card" c JOIN "Concept" co ON co."id" = c."conceptId"
    LEFT JOIN "ReviewState" rs ON rs."userId" = ${userId} AND rs."cardId" = c."id"
    WHERE c."id" = ${cardId}`);
  if (!row) throw new Error(`No card ${cardId}`);
  const state = row.repetitions === null ? null : toSchedules({ ...row, repetitions: row.repetitions });
  return {
    cardId: row.cardId,
    kind: row.kind,
    question: row.question,
    answer: row.answer,
    explanation: row.explanation,
    conceptId: row.conceptId,
    conceptPath: JSON.parse(row.headingPath) as string[],
    sourceLine: row.sourceLine,
    queue,
    version: state ? row.version : 0,
    outcomes: outcomesFor(state ?? { sm2: newCardSnapshot(now), fsrs: null }, now, settings),
  };
}

/**
 * The grade buttons' outcomes: SM-2's own steps (with their look-alike notes), or the intervals
 * FSRS would give when it is the active scheduler.
 */
function outcomesFor(state: Parameters<typeof previewSchedule>[0], now: Date, settings: StudySettings): GradeOutcome[] {
  if (settings.scheduler !== 'fsrs') {
    const { repetitions, intervalDays, easeFactor } = state.sm2;
    return gradeOutcomes({ repetitions, interval: intervalDays, easeFactor });
  }
  return outcomesOfIntervals(previewSchedule(state, now, settings.scheduler, settings));
}

export interface SessionSummary {
  answered: number;
  /** Answers graded >= 3. */
  correct: number;
  timeTakenMs: number;
  /** When the next scheduled review falls due (after `now`), or null if nothing is scheduled. */
  nextDue: Date | null;
  /** "Study more": what each offer would bring, and the settings that bring it. */
  more: {
    /** Unseen cards beyond today's new limit, up to EXTRA_NEW_STEP: what raising the limit by that step brings. */
    newCards: number;
    /** Reviews due within the next AHEAD_DAYS study days (0 once already reviewing that far ahead). */
    aheadReviews: number;
    aheadDays: number;
  };
}

/** What the learner did today, and what "study more" could still offer, for the end-of-session screen. */
async function sessionSummary(userId: string, now: Date, scope: StudyScope | null, more: StudyMore, day: ScreenDay): Promise<SessionSummary> {
  const { plan, settings } = day;
  const aheadBy = addStudyDays(day.dayStart, AHEAD_DAYS, settings.timeZone, settings.rolloverHour);
  const [[row], extra, aheadReviews] = await Promise.all([
    // The (userId, suspended, due) index walked in due order: the first readable active card is the minimum.
    prisma.$queryRaw<{ next: Date | string | null }[]>`
      SELECT rs."due" AS "next" FROM "ReviewState" rs JOIN "Card" c ON c."id" = rs."cardId"
      WHERE rs."userId" = ${userId} AND rs."suspended" = 0 AND rs."due" > ${now} AND c."status" = 'active'
        AND ${conceptIsReadable(userId, 'c.conceptId')}
      ORDER BY rs."due" LIMIT 1`,
    newCards(userId, EXTRA_NEW_STEP, { ...plan, newLeft: EXTRA_NEW_STEP }, scope),
    more.aheadDays >= AHEAD_DAYS ? 0 : countDue(userId, { now, dueBy: aheadBy, dayStart: day.dayStart }, plan, scope),
  ]);
  return {
    answered: plan.answered,
    correct: plan.correct,
    timeTakenMs: plan.timeTakenMs,
    nextDue: row?.next ? new Date(row.next) : null,
    more: { newCards: extra.length, aheadReviews, aheadDays: AHEAD_DAYS },
  };
}

/**
 * Scheduled reviews due now per readable concept (own cards only; concepts with none are absent).
 * Readability is checked once per concept, after counting (MATERIALIZED keeps SQLite from pushing
 * the check down to every review state).
 */
export async function getDueCountsByConcept(userId: string, now: Date): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<{ conceptId: string; n: number | bigint }[]>`
    WITH "due" AS MATERIALIZED (
      SELECT c."conceptId" AS "conceptId", COUNT(*) AS "n"
      FROM "ReviewState" rs JOIN "Card" c ON c."id" = rs."cardId"
      WHERE rs."userId" = ${userId} AND rs."suspended" = 0 AND rs."due" <= ${now} AND c."status" = 'active'
      GROUP BY c."conceptId")
    SELECT d."conceptId" AS "conceptId", d."n" AS "n" FROM "due" d WHERE ${conceptIsReadable(userId, 'd.conceptId')}`;
  return new Map(rows.map((r) => [r.conceptId, Number(r.n)]));
}

export interface UndoableAnswer {
  answerId: string;
  question: string;
}

/** The latest answer of the current study day that is not undone yet: what `u` undoes. */
async function lastUndoableAnswer(userId: string, { dayStart }: StudyDay): Promise<UndoableAnswer | null> {
  const [row] = await queryRows<UndoableAnswer>(Prisma.sql`
    SELECT l."answerId" AS "answerId", c."question" AS "question"
    FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
    WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${dayStart} AND l."undoneAt" IS NULL
      AND l."kind" IN ('review', 'redrill')
    ORDER BY l."reviewedAt" DESC, l."rowid" DESC LIMIT 1`);
  return row ?? null;
}

/** What the review screen shows for the next card: the card, the progress counts and what `u` undoes. */
export interface ReviewStep {
  item: ReviewItem | null;
  counts: DueSummary;
  undoable: UndoableAnswer | null;
}

export interface ReviewScreen extends ReviewStep {
  /** Present once nothing is left to study. */
  summary: SessionSummary | null;
  /** The user's IANA zone, for showing dates. */
  timeZone: string;
}

/**
 * Everything the review page shows, from one load of the user's study day; `more` is what the
 * learner asked for beyond the day's queue ("study more").
 */
export async function getReviewScreen(userId: string, now: Date, scope: StudyScope | null, more: StudyMore = NO_MORE): Promise<ReviewScreen> {
  const day = await studyDay(userId, now, scope, more);
  const step = await reviewStep(userId, now, scope, day);
  const summary = step.item ? null : await sessionSummary(userId, now, scope, more, day);
  return { ...step, summary, timeZone: day.settings.timeZone };
}

/** The review screen without the end-of-session summary: what an answer or an undo moves on to. */
export async function getReviewStep(userId: string, now: Date, scope: StudyScope | null, more: StudyMore = NO_MORE): Promise<ReviewStep> {
  return reviewStep(userId, now, scope, await studyDay(userId, now, scope, more));
}

/** The counts come first: the next card is the first of what they found, so the day's queue is searched once. */
async function reviewStep(userId: string, now: Date, scope: StudyScope | null, day: ScreenDay): Promise<ReviewStep> {
  const [{ counts, found }, undoable] = await Promise.all([dueCounts(userId, scope, day), lastUndoableAnswer(userId, day)]);
  return { item: await nextItem(userId, now, scope, day, found), counts, undoable };
}

export interface TopicDue {
  conceptId: string;
  title: string;
  due: number;
}

/** The concepts with the most reviews due now, for "review only this topic" links. */
export async function getBusiestTopics(userId: string, now: Date, limit: number): Promise<TopicDue[]> {
  const counts = [...(await getDueCountsByConcept(userId, now))].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const concepts = await prisma.concept.findMany({ where: { id: { in: counts.map(([id]) => id) } }, select: { id: true, title: true } });
  const title = new Map(concepts.map((c) => [c.id, c.title]));
  return counts.map(([conceptId, due]) => ({ conceptId, title: title.get(conceptId) ?? conceptId, due }));
}
