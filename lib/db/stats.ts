import 'server-only';
import {
  buildForecast,
  buildHeatmap,
  forecastRanges,
  heatmapRanges,
  MATURE_INTERVAL_DAYS,
  overallRetention,
  PASSING_GRADE,
  weeklyRetention,
  type DayCounts,
  type DayRange,
  type ForecastDay,
  type Heatmap,
  type WeekRetention,
  NO_REVIEWS,
} from '../stats/calendar';
import { stateTotals, topicMastery, type StateCounts, type TopicConcept, type TopicMastery } from '../stats/card-states';
import { prisma } from './client';
import { sourceIsReadable } from './readable';
import { Prisma } from './generated/client';
import { getStudySettings } from './study-settings';

export interface StudyStats {
  heatmap: Heatmap;
  retention: WeekRetention[];
  /** Over the weeks shown; null without a mature review. */
  retentionOverall: number | null;
  forecast: ForecastDay[];
  states: StateCounts;
  topics: TopicMastery[];
}

type Count = bigint | number | null;

/**
 * The text form Prisma's SQLite adapter stores DateTime columns in (ISO 8601, "+00:00"), so that
 * range bounds passed inside JSON compare with the stored values as strings.
 */
const sqlDate = (d: Date) => d.toISOString().replace('Z', '+00:00');
/** Sorts before every stored date: the forecast's first bucket takes everything overdue. */
const BEFORE_EVERYTHING = '0';

/** 15 minutes: every time zone's offset, so every study day's start, is a multiple of it. */
const SLOT_SECONDS = 900;
const slotOf = (d: Date) => Math.floor(d.getTime() / 1000 / SLOT_SECONDS);
/**
 * SLOT_SECONDS written into the SQL as an integer literal: better-sqlite3 binds every JS number as
 * a REAL, and an integer divided by a REAL is not an integer division (it would give every second
 * its own fractional "slot").
 */
const SLOT_DIVISOR = Prisma.raw(String(SLOT_SECONDS));
/** The cache takes in the log up to a day ago, once what it lacks is over two days old. */
const CACHE_LAG_MS = 86_400_000;
const CACHE_REFRESH_MS = 2 * CACHE_LAG_MS;

/**
 * Brings the user's ReviewStatsSlot cache up to a day before `now` when it lags more than two
 * days: one grouped pass over the log entries it lacks (all of them the first time), then the new
 * watermark, in one transaction. The INSERT takes SQLite's write lock first, so a concurrent
 * refresh waits and then finds nothing left to add: no entry is counted twice.
 */
async function refreshSlotCache(userId: string, now: Date): Promise<Date> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { statsThrough: true } });
  if (user?.statsThrough && now.getTime() - user.statsThrough.getTime() < CACHE_REFRESH_MS) return user.statsThrough;
  const through = new Date(slotOf(new Date(now.getTime() - CACHE_LAG_MS)) * SLOT_SECONDS * 1000);
  await prisma.$transaction([
    prisma.$executeRaw`
      INSERT INTO "ReviewStatsSlot" ("userId", "slot", "reviews", "matureReviews", "maturePassed")
      SELECT l."userId", CAST(strftime('%s', l."reviewedAt") AS INTEGER) / ${SLOT_DIVISOR} AS "slot", COUNT(*),
        SUM(l."kind" = 'review' AND l."prevIntervalDays" >= ${MATURE_INTERVAL_DAYS}),
        SUM(l."kind" = 'review' AND l."prevIntervalDays" >= ${MATURE_INTERVAL_DAYS} AND l."grade" >= ${PASSING_GRADE})
      FROM "ReviewLog" l
      WHERE l."userId" = ${userId} AND l."kind" IN ('review', 'redrill') AND l."reviewedAt" < ${through}
        AND l."reviewedAt" >= COALESCE((SELECT "statsThrough" FROM "User" WHERE "id" = ${userId}), '0')
      GROUP BY "slot"
      ON CONFLICT ("userId", "slot") DO UPDATE SET "reviews" = "reviews" + excluded."reviews",
        "matureReviews" = "matureReviews" + excluded."matureReviews", "maturePassed" = "maturePassed" + excluded."maturePassed"`,
    prisma.$executeRaw`
      UPDATE "User" SET "statsThrough" = ${through}
      WHERE "id" = ${userId} AND ("statsThrough" IS NULL OR "statsThrough" < ${through})`,
  ]);
  const after = await prisma.user.findUnique({ where: { id: userId }, select: { statsThrough: true } });
  return after?.statsThrough ?? through;
}

/**
 * Per study day of `ranges`: answers in review sessions, and scheduled reviews of mature cards
 * with how many passed; undone answers never count. Three parts added up per day, each a range
 * scan per day: the cached slots (before statsThrough), the log since then (not undone; only the
 * last days' ranges are scanned), minus the cached entries that are undone (a handful, found by
 * ReviewLog(userId, undoneAt) and materialised first). The log's index on
 * (userId, reviewedAt, kind, undoneAt, prevIntervalDays, grade) covers every column read.
 */
export async function reviewCountsByDay(userId: string, ranges: DayRange[], now: Date): Promise<DayCounts[]> {
  const through = await refreshSlotCache(userId, now);
  const buckets = JSON.stringify(ranges.map((r) => [sqlDate(r.start), sqlDate(r.end), slotOf(r.start), slotOf(r.end)]));
  const mature = Prisma.sql`l."kind" = 'review' AND l."prevIntervalDays" >= ${MATURE_INTERVAL_DAYS}`;
  const passed = Prisma.sql`${mature} AND l."grade" >= ${PASSING_GRADE}`;
  const rows = await prisma.$queryRaw<{ day: Count; reviews: Count; matureReviews: Count; maturePassed: Count }[]>`
    WITH "bucket" AS (
      SELECT CAST("key" AS INTEGER) AS "day", json_extract("value", '$[0]') AS "lo", json_extract("value", '$[1]') AS "hi",
        json_extract("value", '$[2]') AS "loSlot", json_extract("value", '$[3]') AS "hiSlot"
      -- Sorting the few days here lets each GROUP BY day below take its rows as they come, instead
      -- of sorting every slot (a year: 35,000) by day.
      FROM json_each(${buckets}) ORDER BY "day"),
    "undone" AS MATERIALIZED (
      SELECT l."reviewedAt", ${mature} AS "mature", ${passed} AS "passed"
      -- Named: the planner would otherwise prefer the covering index and walk the whole log.
      FROM "ReviewLog" l INDEXED BY "ReviewLog_userId_undoneAt_idx"
      WHERE l."userId" = ${userId} AND l."undoneAt" IS NOT NULL AND l."reviewedAt" < ${through} AND l."kind" IN ('review', 'redrill'))
    SELECT "day", SUM("reviews") AS "reviews", SUM("matureReviews") AS "matureReviews", SUM("maturePassed") AS "maturePassed"
    FROM (
      SELECT b."day", SUM(s."reviews") AS "reviews", SUM(s."matureReviews") AS "matureReviews", SUM(s."maturePassed") AS "maturePassed"
      FROM "bucket" b JOIN "ReviewStatsSlot" s ON s."userId" = ${userId} AND s."slot" >= b."loSlot" AND s."slot" < b."hiSlot"
      GROUP BY b."day"
      UNION ALL
      SELECT b."day", COUNT(*), SUM(${mature}), SUM(${passed})
      FROM "bucket" b
      JOIN "ReviewLog" l ON l."userId" = ${userId} AND l."reviewedAt" >= MAX(b."lo", ${through}) AND l."reviewedAt" < b."hi"
      WHERE b."hi" > ${through} AND l."kind" IN ('review', 'redrill') AND l."undoneAt" IS NULL
      GROUP BY b."day"
      UNION ALL
      SELECT b."day", -COUNT(*), -SUM(u."mature"), -SUM(u."passed")
      FROM "undone" u JOIN "bucket" b ON u."reviewedAt" >= b."lo" AND u."reviewedAt" < b."hi"
      GROUP BY b."day")
    GROUP BY "day"`;
  const counts: DayCounts[] = ranges.map(() => ({ ...NO_REVIEWS }));
  for (const r of rows) {
    counts[Number(r.day)] = { reviews: Number(r.reviews ?? 0), matureReviews: Number(r.matureReviews ?? 0), maturePassed: Number(r.maturePassed ?? 0) };
  }
  return counts;
}

/**
 * Active, unsuspended cards falling due on each study day of `ranges`; the first bucket also takes
 * every overdue card. Per day, the user's unsuspended states due that day are counted from the
 * ReviewState(userId, suspended, due) index alone, less those of the few cards that are not active
 * (listed once, from Card(status, ...), and materialised first; CROSS JOIN keeps SQLite from
 * walking every unsuspended state instead and looking up its card). A count per day in a scalar
 * subquery, rather than a join grouped by day, needs no sort.
 *
 * Only the user's own review states are read, so nothing of another user's can show; no
 * readability check either: a state is only ever written for a card the user may read
 * (lib/db/review-answer.ts), and a note never changes owner.
 */
export async function dueCountsByDay(userId: string, ranges: DayRange[]): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ day: Count; due: Count }[]>`
    WITH "bucket" AS (
      SELECT CAST("key" AS INTEGER) AS "day", json_extract("value", '$[0]') AS "lo", json_extract("value", '$[1]') AS "hi"
      FROM json_each(${JSON.stringify(ranges.map((r, i) => [i === 0 ? BEFORE_EVERYTHING : sqlDate(r.start), sqlDate(r.end)]))})),
    "inactive" AS MATERIALIZED (
      SELECT rs."due" FROM "Card" c CROSS JOIN "ReviewState" rs ON rs."userId" = ${userId} AND rs."cardId" = c."id"
      WHERE (c."status" < 'active' OR c."status" > 'active') AND rs."suspended" = 0)
    SELECT b."day" AS "day",
      (SELECT COUNT(*) FROM "ReviewState" rs WHERE rs."userId" = ${userId} AND rs."suspended" = 0 AND rs."due" >= b."lo" AND rs."due" < b."hi")
      - (SELECT COUNT(*) FROM "inactive" i WHERE i."due" >= b."lo" AND i."due" < b."hi") AS "due"
    FROM "bucket" b`;
  const due = ranges.map(() => 0);
  for (const r of rows) due[Number(r.day)] = Number(r.due);
  return due;
}

/**
 * Per concept the user may read, its active cards by state (see lib/stats/card-states.ts for the
 * states and their order); concepts without an active card are absent. The active cards are
 * counted per readable concept from the Card(status, conceptId, id) index alone (other users'
 * notes are skipped before any of their cards is read; CROSS JOIN keeps that order, where SQLite
 * would walk every card, check its note per card and sort them all to group them). How many of
 * them the user has in each reviewed state is one row of ConceptStateCount, which triggers keep in
 * step with every write (migration 0012); the rest are new. Looking up each card's state instead
 * costs an index lookup per card: most of the page's time for a deck of 100,000 cards.
 */
export async function cardStatesByConcept(userId: string): Promise<Map<string, StateCounts>> {
  const rows = await prisma.$queryRaw<{ conceptId: string; cards: Count; learning: Count; young: Count; mature: Count; suspended: Count }[]>`
    SELECT a."conceptId", a."cards", k."learning", k."young", k."mature", k."suspended"
    FROM (
      SELECT co."id" AS "conceptId", COUNT(*) AS "cards"
      FROM "Concept" co
      CROSS JOIN "Source" s ON s."id" = co."sourceId"
      CROSS JOIN "Card" c ON c."status" = 'active' AND c."conceptId" = co."id"
      WHERE ${sourceIsReadable(userId, 's')}
      GROUP BY co."id") a
    LEFT JOIN "ConceptStateCount" k ON k."userId" = ${userId} AND k."conceptId" = a."conceptId"`;
  return new Map(
    rows.map((r) => {
      // No row yet: the user has not answered any card of the concept.
      const reviewed = { learning: Number(r.learning ?? 0), young: Number(r.young ?? 0), mature: Number(r.mature ?? 0), suspended: Number(r.suspended ?? 0) };
      const answered = reviewed.learning + reviewed.young + reviewed.mature + reviewed.suspended;
      return [r.conceptId, { new: Number(r.cards) - answered, ...reviewed }];
    }),
  );
}

/**
 * The active concepts the user may read, in deck order (note path, then heading order): the topic
 * tree the mastery list adds up. Raw SQL: for 2,000 concepts a model query costs twice as much.
 */
async function readableConceptTree(userId: string): Promise<TopicConcept[]> {
  return prisma.$queryRaw<TopicConcept[]>`
    SELECT co."id", co."title", co."parentId"
    FROM "Concept" co JOIN "Source" s ON s."id" = co."sourceId"
    WHERE co."status" = 'active' AND ${sourceIsReadable(userId, 's')}
    ORDER BY s."path", s."id", co."order"`;
}

/** Everything the statistics page shows, for the signed-in user at `now`. */
export async function getStudyStats(userId: string, now: Date): Promise<StudyStats> {
  const calendar = await getStudySettings(userId);
  const days = heatmapRanges(now, calendar);
  const ahead = forecastRanges(now, calendar);
  // First on its own: it may refresh the cache (a write) before the reads below.
  const dayCounts = await reviewCountsByDay(userId, days, now);
  const [due, states, concepts] = await Promise.all([
    dueCountsByDay(userId, ahead),
    cardStatesByConcept(userId),
    readableConceptTree(userId),
  ]);
  const retention = weeklyRetention(days, dayCounts);
  return {
    heatmap: buildHeatmap(days, dayCounts),
    retention,
    retentionOverall: overallRetention(retention),
    forecast: buildForecast(ahead, due),
    states: stateTotals(states),
    topics: topicMastery(concepts, states),
  };
}
