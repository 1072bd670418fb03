import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

/** A study day starts at 04:00 UTC for these users. */
const NOW = new Date('2024-03-10T12:00:00Z');
const TOMORROW_0400 = new Date('2024-03-11T04:00:00Z');

let fx: ReviewFixture;
let quiz: typeof import('@/lib/db/quiz');
beforeAll(async () => {
  fx = await openReviewFixture();
  quiz = await import('@/lib/db/quiz');
});
afterAll(async () => {
  await fx?.close();
});

describe('quiz data layer', () => {
  it('loads a concept subtree, grouped by the sections under the chosen topic', async () => {
    const caching = await fx.prisma.concept.findFirstOrThrow({ where: { title: 'Caching' } });
    const userId = await fx.newUser();
    const deck = (await quiz.getQuizDeck(userId, [caching.id]))!;
    expect(deck.cards.map((c) => c.question).sort()).toEqual(['What is LFU?', 'What is LRU?', 'What is a cache?']);
    expect(deck.pool).toHaveLength(5);
    expect(new Set(deck.cards.map((c) => c.group.title))).toEqual(new Set(['Caching', 'Eviction']));
    expect(await quiz.getQuizDeck(userId, ['no-such-concept'])).toBeNull();
  });

  it('records a miss as a failed review due tomorrow, once per attempt, outside the daily plan', async () => {
    const userId = await fx.newUser();
    const cardId = await fx.cardId('What is a DLQ?');
    expect(await quiz.recordFailedRecall(userId, 'quiz', 'attempt-1', [cardId, cardId], NOW)).toBe(1);
    await quiz.recordFailedRecall(userId, 'quiz', 'attempt-1', [cardId], NOW);
    const logs = await fx.prisma.reviewLog.findMany({ where: { userId, cardId } });
    expect(logs.map((l) => [l.kind, l.grade])).toEqual([['quiz', 1]]);
    const state = await fx.prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    expect(state.due).toEqual(TOMORROW_0400);
    const summary = await fx.review.getDueSummary(userId, NOW);
    expect(summary.done).toBe(0);
    expect(summary.redrills).toBe(0);
  });

  it('brings a learned card back tomorrow through SM-2, even with a re-drill pending today', async () => {
    const userId = await fx.newUser({ burySiblings: false });
    const cardId = await fx.cardId('What is LRU?');
    const days = ['2024-03-01', '2024-03-02', '2024-03-08'].map((d) => new Date(`${d}T12:00:00Z`));
    for (const [i, day] of days.entries()) {
      const state = await fx.prisma.reviewState.findUnique({ where: { userId_cardId: { userId, cardId } } });
      await fx.answers.recordAnswer(userId, { cardId, grade: 5, answerId: `learn-${i}`, version: state?.version ?? 0, timeTakenMs: 1 }, day);
    }
    const learned = await fx.prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    expect(learned.due.getTime()).toBeGreaterThan(TOMORROW_0400.getTime());
    await fx.answers.recordAnswer(userId, { cardId, grade: 1, answerId: 'fail-today', version: learned.version, timeTakenMs: 1 }, NOW);
    await quiz.recordFailedRecall(userId, 'drill', 'drill-1', [cardId], new Date('2024-03-10T13:00:00Z'));
    const after = await fx.prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    expect(after.due).toEqual(TOMORROW_0400);
    expect(after.repetitions).toBe(0);
    const kinds = (await fx.prisma.reviewLog.findMany({ where: { userId, cardId }, orderBy: { reviewedAt: 'asc' } })).map((l) => l.kind);
    expect(kinds.slice(-2)).toEqual(['review', 'drill']);
  });
});
