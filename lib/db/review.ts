import 'server-only';
import { newCardSnapshot, previewIntervals, type ReviewSnapshot } from '../srs/answer';
import { queueSteps, type DayPlan } from '../srs/queue';
import type { Grade } from '../srs/sm2';
import { prisma } from './client';
import { Prisma } from './generated/client';
import { firstNewCards, newCardsIn, type NewCard } from './new-cards';
import { conceptIsReadable, readableConcepts } from './readable';
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
  intervals: Record<Grade, number>;
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
  const concept = await prisma.concept.findFirst({
    where: { id: conceptId, ...readableConcepts(userId) },
    select: { id: true, title: true },
  });
  if (!concept) return null;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE "tree"("id") AS (
      SELECT ${conceptId}
      UNION ALL SELECT co."id" FROM "Concept" co JOIN "tree" t ON co."parentId" = t."id"
    )
    SELECT "id" FROM "tree"`;
  return { conceptId: concept.id, title: concept.title, conceptIds: rows.map((r) => r.id) };
}

/** Counts for the home page and the progress bar, under today's limits and burying. */
export async function getDueSummary(userId: string, now: Date, scope: StudyScope | null = null): Promise<DueSummary> {
  return dueSummary(userId, now, scope, await loadStudyDay(userId, now));
}

async function dueSummary(userId: string, now: Date, scope: StudyScope | null, { plan }: StudyDay): Promise<DueSummary> {
  const inScope = scopeFilter(scope);
  const [dueReviews, fresh] = await Promise.all([
    countDue(userId, now, plan, scope),
    newCards(userId, plan.newLeft, plan, scope),
  ]);
  const redrills = plan.redrills.filter((r) => inScope(r.conceptId)).length;
  return { dueReviews, newAvailable: fresh.length, redrills, total: dueReviews + fresh.length + redrills, done: plan.answered };
}

/** The next card to study, as {@link queueSteps} orders the day's queue; null when the day is done. */
export async function getNextReviewItem(userId: string, now: Date, scope: StudyScope | null = null): Promise<ReviewItem | null> {
  return nextItem(userId, now, scope, await loadStudyDay(userId, now));
}

async function nextItem(userId: string, now: Date, scope: StudyScope | null, { plan }: StudyDay): Promise<ReviewItem | null> {
  for (const step of queueSteps(plan, now, scopeFilter(scope))) {
    if (step.kind === 'redrill') return loadItem(userId, step.cardId, 'redrill', now);
    const cardId = step.kind === 'review'
      ? await firstDue(userId, now, plan, scope)
      : (await newCards(userId, 1, plan, scope))[0]?.cardId;
    if (cardId) return loadItem(userId, cardId, step.kind, now);
  }
  return null;
}

function scopeFilter(scope: StudyScope | null): (conceptId: string) => boolean {
  if (!scope) return () => true;
  const ids = new Set(scope.conceptIds);
  return (id) => ids.has(id);
}

/** Due, unsuspended, active, readable cards outside buried concepts (and inside the scope, if any). */
function dueWhere(userId: string, now: Date, plan: DayPlan, scope: StudyScope | null): Prisma.Sql {
  return Prisma.sql`
    rs."userId" = ${userId} AND rs."suspended" = 0 AND rs."due" <= ${now} AND c."status" = 'active'
    AND ${conceptIsReadable(userId, 'c.conceptId')}
    AND c."conceptId" NOT IN (SELECT "value" FROM json_each(${JSON.stringify(plan.buriedConceptIds)}))
    ${scope ? Prisma.sql`AND c."conceptId" IN (SELECT "value" FROM json_each(${JSON.stringify(scope.conceptIds)}))` : Prisma.empty}`;
}

/** The most overdue card (ties by card id), walking the (userId, suspended, due) index. */
async function firstDue(userId: string, now: Date, plan: DayPlan, scope: StudyScope | null): Promise<string | undefined> {
  const [row] = await prisma.$queryRaw<{ cardId: string }[]>`
    SELECT rs."cardId" AS "cardId" FROM "ReviewState" rs JOIN "Card" c ON c."id" = rs."cardId"
    WHERE ${dueWhere(userId, now, plan, scope)}
    ORDER BY rs."due", rs."cardId" LIMIT 1`;
  return row?.cardId;
}

/** Due reviews, counted only up to the reviews left today. */
async function countDue(userId: string, now: Date, plan: DayPlan, scope: StudyScope | null): Promise<number> {
  if (plan.reviewsLeft === 0) return 0;
  const [row] = await prisma.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n" FROM (
      SELECT 1 FROM "ReviewState" rs JOIN "Card" c ON c."id" = rs."cardId"
      WHERE ${dueWhere(userId, now, plan, scope)} LIMIT ${plan.reviewsLeft})`;
  return Number(row?.n ?? 0);
}

async function newCards(userId: string, limit: number, plan: DayPlan, scope: StudyScope | null): Promise<NewCard[]> {
  const n = Math.min(limit, plan.newLeft);
  if (n <= 0) return [];
  return prisma.$transaction((tx) =>
    scope
      ? newCardsIn(tx, userId, scope.conceptIds, n, plan.buriedConceptIds)
      : firstNewCards(tx, userId, n, plan.buriedConceptIds),
  );
}

interface ItemRow {
  cardId: string;
  kind: string;
  question: string;
  answer: string;
  explanation: string | null;
  conceptId: string;
  headingPath: string;
  sourceLine: number;
  repetitions: number | null;
  intervalDays: number;
  easeFactor: number;
  due: Date | string;
  lapses: number;
  lastReviewedAt: Date | string | null;
  version: number;
}

/** The card with its concept and this user's state, in one query; callers pass only cards the user may read. */
async function loadItem(userId: string, cardId: string, queue: ReviewQueue, now: Date): Promise<ReviewItem> {
  const [row] = await prisma.$queryRaw<ItemRow[]>`
    SELECT c."id" AS "cardId", c."kind", c."question", c."answer", c."explanation", c."conceptId", co."headingPath", c."sourceLine",
      rs."repetitions", rs."intervalDays", rs."easeFactor", rs."due", rs."lapses", rs."lastReviewedAt", rs."version"
    FROM "Card" c JOIN "Concept" co ON co."id" = c."conceptId"
    LEFT JOIN "ReviewState" rs ON rs."userId" = ${userId} AND rs."cardId" = c."id"
    WHERE c."id" = ${cardId}`;
  if (!row) throw new Error(`No card ${cardId}`);
  const state = row.repetitions === null ? null : toSnapshot({ ...row, repetitions: row.repetitions });
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
    intervals: previewIntervals(state ?? newCardSnapshot(now)),
  };
}

/** The SM-2 fields of a stored state; raw queries may return its dates as text. */
export function toSnapshot(state: StoredSnapshot): ReviewSnapshot {
  return {
    repetitions: state.repetitions,
    intervalDays: state.intervalDays,
    easeFactor: state.easeFactor,
    due: new Date(state.due),
    lapses: state.lapses,
    lastReviewedAt: state.lastReviewedAt === null ? null : new Date(state.lastReviewedAt),
  };
}

type StoredSnapshot = Omit<ReviewSnapshot, 'due' | 'lastReviewedAt'> & { due: Date | string; lastReviewedAt: Date | string | null };

export interface SessionSummary {
  answered: number;
  /** Answers graded >= 3. */
  correct: number;
  timeTakenMs: number;
  /** When the next scheduled review falls due (after `now`), or null if nothing is scheduled. */
  nextDue: Date | null;
}

/** What the learner did today, for the end-of-session screen. */
async function sessionSummary(userId: string, now: Date, { plan }: StudyDay): Promise<SessionSummary> {
  // The (userId, suspended, due) index walked in due order: the first readable active card is the minimum.
  const [row] = await prisma.$queryRaw<{ next: Date | string | null }[]>`
    SELECT rs."due" AS "next" FROM "ReviewState" rs JOIN "Card" c ON c."id" = rs."cardId"
    WHERE rs."userId" = ${userId} AND rs."suspended" = 0 AND rs."due" > ${now} AND c."status" = 'active'
      AND ${conceptIsReadable(userId, 'c.conceptId')}
    ORDER BY rs."due" LIMIT 1`;
  return {
    answered: plan.answered,
    correct: plan.correct,
    timeTakenMs: plan.timeTakenMs,
    nextDue: row?.next ? new Date(row.next) : null,
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
  const [row] = await prisma.$queryRaw<UndoableAnswer[]>`
    SELECT l."answerId" AS "answerId", c."question" AS "question"
    FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
    WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${dayStart} AND l."undoneAt" IS NULL
      AND l."kind" IN ('review', 'redrill')
    ORDER BY l."reviewedAt" DESC, l."rowid" DESC LIMIT 1`;
  return row ?? null;
}

export interface ReviewScreen {
  item: ReviewItem | null;
  counts: DueSummary;
  undoable: UndoableAnswer | null;
  /** Present once nothing is left to study. */
  summary: SessionSummary | null;
  /** The user's IANA zone, for showing dates. */
  timeZone: string;
}

/** Everything the review page shows, from one load of the user's study day. */
export async function getReviewScreen(userId: string, now: Date, scope: StudyScope | null): Promise<ReviewScreen> {
  const day = await loadStudyDay(userId, now);
  const [item, counts, undoable] = await Promise.all([
    nextItem(userId, now, scope, day),
    dueSummary(userId, now, scope, day),
    lastUndoableAnswer(userId, day),
  ]);
  const summary = item ? null : await sessionSummary(userId, now, day);
  return { item, counts, undoable, summary, timeZone: day.settings.timeZone };
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
