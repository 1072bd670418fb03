import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

const NOW = new Date('2024-03-10T12:00:00Z');

let f: ReviewFixture;
beforeAll(async () => {
  f = await openReviewFixture();
});
afterAll(async () => {
  await f?.close();
});

describe('answers racing for one card version', () => {
  it.each([
    ['a new card', false],
    ['a card under review', true],
  ])('%s: the same answer id many times and other answer ids at once give exactly one log entry', async (_case, reviewedBefore) => {
    const userId = await f.newUser({ newPerDay: 1 });
    if (reviewedBefore) await f.answerNext(userId, 4, new Date('2024-03-09T12:00:00Z'));
    const item = await f.review.getNextReviewItem(userId, NOW);
    expect(item).not.toBeNull();
    const answer = (answerId: string, grade: 1 | 4 | 5) =>
      f.answers.recordAnswer(userId, { cardId: item!.cardId, grade, answerId, version: item!.version, timeTakenMs: 1 }, NOW);
    const before = await f.prisma.reviewLog.count({ where: { userId } });

    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => answer(`same-${reviewedBefore}`, 4)),
      answer(`tab-a-${reviewedBefore}`, 1),
      answer(`tab-b-${reviewedBefore}`, 5),
    ]);

    expect(await f.prisma.reviewLog.count({ where: { userId } })).toBe(before + 1);
    const state = await f.prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: item!.cardId } } });
    expect(state.version).toBe(item!.version + 1);
    const rejected = results.filter((r) => r.status === 'rejected');
    for (const r of rejected) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(f.answers.StaleAnswerError);
    // Whichever answer won, every request with its id saw the same outcome; the others were stale.
    const won = await f.prisma.reviewLog.findFirstOrThrow({ where: { userId }, orderBy: { reviewedAt: 'desc' } });
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners.length).toBe(won.answerId.startsWith('same') ? 5 : 1);
    expect(rejected.length).toBe(7 - winners.length);
  });

  it('an undo racing a retried answer leaves a consistent state', async () => {
    const userId = await f.newUser({ newPerDay: 1 });
    const item = await f.review.getNextReviewItem(userId, NOW);
    const input = { cardId: item!.cardId, grade: 4 as const, answerId: 'retry-vs-undo', version: 0, timeTakenMs: 1 };
    await f.answers.recordAnswer(userId, input, NOW);
    await Promise.allSettled([f.answers.undoAnswer(userId, 'retry-vs-undo', NOW), f.answers.recordAnswer(userId, input, NOW)]);
    const log = await f.prisma.reviewLog.findUniqueOrThrow({ where: { answerId: 'retry-vs-undo' } });
    expect(log.undoneAt).not.toBeNull();
    expect(await f.prisma.reviewState.count({ where: { userId } })).toBe(0);
    expect(await f.prisma.reviewLog.count({ where: { userId } })).toBe(1);
  });
});
