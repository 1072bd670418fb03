import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '@/lib/srs/sm2';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

/** New York, day starting at 04:00 local (08:00 UTC in March before DST, 07:00 UTC after). */
const NY = { timeZone: 'America/New_York', rolloverHour: 4 };

let f: ReviewFixture;
let stats: typeof import('@/lib/db/stats');
let answerIds = 0;

beforeAll(async () => {
  f = await openReviewFixture();
  stats = await import('@/lib/db/stats');
});
afterAll(async () => {
  await f?.close();
});

/** Answers `question` at `now` (whatever its state) and returns the answer's id. */
async function answer(userId: string, question: string, grade: Grade, now: Date): Promise<string> {
  const cardId = await f.cardId(question);
  const state = await f.prisma.reviewState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  const answerId = `stats-${++answerIds}`;
  await f.answers.recordAnswer(userId, { cardId, grade, answerId, version: state?.version ?? 0, timeTakenMs: 2000 }, now);
  return answerId;
}

const day = (s: Awaited<ReturnType<typeof stats.getStudyStats>>, date: string) =>
  s.heatmap.weeks.flat().find((c) => c.date === date)?.reviews;

describe('statistics from the review log', () => {
  it('counts reviews per study day in the user’s zone, without undone answers or other users', async () => {
    const user = await f.newUser(NY);
    const other = await f.newUser(NY);
    await answer(user, 'What is a cache?', 4, new Date('2024-03-04T15:00:00Z')); // Monday 10:00 in New York
    await answer(user, 'What is LRU?', 1, new Date('2024-03-04T15:01:00Z'));
    await answer(user, 'What is LFU?', 4, new Date('2024-03-05T08:30:00Z')); // Tuesday 03:30: still Monday's study day
    const undone = await answer(user, 'What is a DLQ?', 4, new Date('2024-03-05T15:00:00Z'));
    await f.answers.undoAnswer(user, undone, new Date('2024-03-05T15:00:10Z'));
    await answer(other, 'What is a cache?', 4, new Date('2024-03-05T15:00:00Z'));

    const s = await stats.getStudyStats(user, new Date('2024-03-06T15:00:00Z'));
    expect(day(s, '2024-03-04')).toBe(3);
    expect(day(s, '2024-03-05')).toBe(0);
    expect(s.heatmap.weeks.flat().at(-1)!.date).toBe('2024-03-06');
    expect(s.heatmap.total).toBe(3);
    expect(s.states).toEqual({ new: 2, learning: 3, young: 0, mature: 0, suspended: 0 });
    // Good once: due a day later (Tuesday); Again: due the next day too; LFU, answered on Monday's day at 03:30, the same.
    expect(s.forecast[0]).toMatchObject({ date: '2024-03-06', due: 3 });
    expect(s.topics.map((t) => [t.title, t.cards, t.counts.new])).toEqual([['Caching', 3, 0], ['Queues', 2, 2]]);
    expect(s.retentionOverall).toBeNull();
  });

  it('gives the same counts from the cache days later, and an answer undone after caching stops counting', async () => {
    const user = await f.newUser(NY);
    const first = await answer(user, 'What is a cache?', 4, new Date('2024-03-04T15:07:30Z'));
    await answer(user, 'What is LRU?', 4, new Date('2024-03-04T16:14:59Z'));

    const later = new Date('2024-03-14T15:00:00Z');
    const cached = await stats.getStudyStats(user, later);
    const slots = await f.prisma.reviewStatsSlot.findMany({ where: { userId: user } });
    expect(slots.reduce((a, s) => a + s.reviews, 0)).toBe(2);
    // Whole 15-minute slots: the ones starting at 15:00 and 16:00 UTC.
    expect(slots.map((s) => s.slot * 900_000).sort()).toEqual([Date.parse('2024-03-04T15:00:00Z'), Date.parse('2024-03-04T16:00:00Z')]);
    expect(day(cached, '2024-03-04')).toBe(2);

    await f.answers.undoAnswer(user, first, later);
    await answer(user, 'What is LFU?', 4, later);
    const after = await stats.getStudyStats(user, new Date('2024-03-14T15:05:00Z'));
    expect(day(after, '2024-03-04')).toBe(1);
    expect(day(after, '2024-03-14')).toBe(1);
  });

  it('caches whole 15-minute slots: answers in the same quarter hour share one row', async () => {
    const user = await f.newUser(NY);
    await answer(user, 'What is a cache?', 4, new Date('2024-03-04T15:01:00Z'));
    await answer(user, 'What is LRU?', 4, new Date('2024-03-04T15:07:30Z'));
    await answer(user, 'What is LFU?', 4, new Date('2024-03-04T15:14:59Z'));
    await answer(user, 'What is a DLQ?', 4, new Date('2024-03-04T15:15:00Z'));
    await stats.getStudyStats(user, new Date('2024-03-14T15:00:00Z'));
    // Raw SQL: Prisma would round a fractional slot to an integer when reading it.
    const slots = await f.prisma.$queryRaw<{ slot: number; reviews: number }[]>`
      SELECT "slot", "reviews" FROM "ReviewStatsSlot" WHERE "userId" = ${user} ORDER BY "slot"`;
    expect(slots.map((s) => [Number(s.slot) * 900_000, Number(s.reviews)])).toEqual([
      [Date.parse('2024-03-04T15:00:00Z'), 3],
      [Date.parse('2024-03-04T15:15:00Z'), 1],
    ]);
  });

  it('true retention counts only scheduled reviews of mature cards (interval of 21 days or more)', async () => {
    const user = await f.newUser(NY);
    const cardId = await f.cardId('What is a cache?');
    await answer(user, 'What is a cache?', 4, new Date('2024-03-04T15:00:00Z'));
    // Make the card mature, as months of reviews would have.
    await f.prisma.reviewState.update({ where: { userId_cardId: { userId: user, cardId } }, data: { repetitions: 4, intervalDays: 30 } });
    await answer(user, 'What is a cache?', 5, new Date('2024-03-05T15:00:00Z'));
    await answer(user, 'What is a cache?', 1, new Date('2024-03-06T15:00:00Z')); // fails a card of interval 30*2.6
    const s = await stats.getStudyStats(user, new Date('2024-03-06T16:00:00Z'));
    expect(s.retention.at(-1)).toMatchObject({ week: '2024-03-04', matureReviews: 2, passed: 1, retention: 0.5 });
    expect(s.retentionOverall).toBe(0.5);
  });

  it('keeps cards by state equal to a recount through answers, undo, leeches, and cards retired or moved', async () => {
    const { unsuspendLeech } = await import('@/lib/db/leeches');
    const user = await f.newUser(NY);
    const other = await f.newUser(NY);
    const [cache, lru, lfu, dlq, backpressure] = await Promise.all(
      ['What is a cache?', 'What is LRU?', 'What is LFU?', 'What is a DLQ?', 'What is backpressure?'].map((q) => f.cardId(q)),
    );
    const concepts = await f.prisma.card.findMany({ where: { id: { in: [cache, dlq] } }, select: { id: true, conceptId: true } });
    const cachingConcept = concepts.find((c) => c.id === cache)!.conceptId;
    const queuesConcept = concepts.find((c) => c.id === dlq)!.conceptId;
    const { LEARNING_REPETITIONS } = await import('@/lib/stats/card-states');
    const { MATURE_INTERVAL_DAYS: MATURE } = await import('@/lib/stats/calendar');
    /** Every active card's state looked up one by one, by the rules of lib/stats/card-states.ts. */
    const recount = async (userId: string) => {
      const rows = await f.prisma.$queryRaw<{ conceptId: string; new: bigint; learning: bigint; young: bigint; mature: bigint; suspended: bigint }[]>`
        SELECT c."conceptId" AS "conceptId", COUNT(*) FILTER (WHERE rs."cardId" IS NULL) AS "new",
          COUNT(*) FILTER (WHERE rs."suspended" = 0 AND rs."intervalDays" < ${MATURE} AND rs."repetitions" < ${LEARNING_REPETITIONS}) AS "learning",
          COUNT(*) FILTER (WHERE rs."suspended" = 0 AND rs."intervalDays" < ${MATURE} AND rs."repetitions" >= ${LEARNING_REPETITIONS}) AS "young",
          COUNT(*) FILTER (WHERE rs."suspended" = 0 AND rs."intervalDays" >= ${MATURE}) AS "mature",
          COUNT(*) FILTER (WHERE rs."suspended" = 1) AS "suspended"
        FROM "Card" c LEFT JOIN "ReviewState" rs ON rs."userId" = ${userId} AND rs."cardId" = c."id"
        WHERE c."status" = 'active' GROUP BY c."conceptId"`;
      return new Map(rows.map(({ conceptId, ...n }) => [conceptId, Object.fromEntries(Object.entries(n).map(([k, v]) => [k, Number(v)]))]));
    };
    const steps: string[] = [];
    const check = async (step: string) => {
      steps.push(step);
      for (const userId of [user, other]) {
        expect({ steps, counts: await stats.cardStatesByConcept(userId) }).toEqual({ steps, counts: await recount(userId) });
      }
    };
    const at = (minute: number) => new Date(Date.parse('2024-03-04T15:00:00Z') + minute * 60_000);

    await answer(user, 'What is a cache?', 4, at(0));
    await answer(user, 'What is LRU?', 1, at(1));
    await answer(other, 'What is a cache?', 4, at(1));
    await answer(other, 'What is backpressure?', 4, at(1));
    await check('first answers');
    await f.prisma.reviewState.update({ where: { userId_cardId: { userId: user, cardId: cache } }, data: { repetitions: 4, intervalDays: 30 } });
    await check('a card grown mature');
    await f.prisma.reviewState.update({ where: { userId_cardId: { userId: user, cardId: lru } }, data: { suspended: true, leech: true } });
    await check('a leech suspended');
    await unsuspendLeech(user, lru);
    await check('the leech unsuspended');
    const dlqAnswer = await answer(user, 'What is a DLQ?', 4, at(2));
    await f.answers.undoAnswer(user, dlqAnswer, at(3));
    await check('a first answer undone');
    await answer(user, 'What is backpressure?', 4, at(3));
    const second = await answer(user, 'What is backpressure?', 4, new Date(Date.parse('2024-03-06T15:00:00Z')));
    await check('a card passed twice');
    await f.answers.undoAnswer(user, second, new Date(Date.parse('2024-03-06T15:01:00Z')));
    await check('a later answer undone');
    await answer(user, 'What is LFU?', 4, at(4));
    try {
      await f.prisma.card.update({ where: { id: lfu }, data: { status: 'retired' } });
      await check('a card retired');
      await f.prisma.card.update({ where: { id: lfu }, data: { status: 'active' } });
      await check('the card brought back');
      await f.prisma.card.update({ where: { id: backpressure }, data: { conceptId: cachingConcept } });
      await check('a card moved to another concept');
      await f.prisma.card.update({ where: { id: backpressure }, data: { conceptId: queuesConcept, question: 'What is backpressure?' } });
      await check('the card moved back');
    } finally {
      await f.prisma.card.update({ where: { id: lfu }, data: { status: 'active' } });
      await f.prisma.card.update({ where: { id: backpressure }, data: { conceptId: queuesConcept } });
    }
  });

  it('leaves a retired card out of the forecast and the card states, but keeps its reviews', async () => {
    const user = await f.newUser(NY);
    await answer(user, 'What is backpressure?', 4, new Date('2024-03-04T15:00:00Z'));
    await answer(user, 'What is a DLQ?', 4, new Date('2024-03-04T15:00:00Z'));
    const now = new Date('2024-03-05T15:00:00Z');
    const before = await stats.getStudyStats(user, now);
    const cardId = await f.cardId('What is backpressure?');
    await f.prisma.card.update({ where: { id: cardId }, data: { status: 'retired' } });
    try {
      const after = await stats.getStudyStats(user, now);
      expect(after.forecast[0].due).toBe(before.forecast[0].due - 1);
      expect(after.states.learning).toBe(before.states.learning - 1);
      expect(after.heatmap.total).toBe(2);
    } finally {
      await f.prisma.card.update({ where: { id: cardId }, data: { status: 'active' } });
    }
  });
});
