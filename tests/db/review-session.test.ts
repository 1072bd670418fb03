import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

/** Users here study in UTC with the day starting at 04:00 unless a test says otherwise. */
const at = (iso: string) => new Date(iso);
const NOW = at('2024-03-10T12:00:00Z');
const seconds = (n: number) => new Date(NOW.getTime() + n * 1000);
const TOMORROW = at('2024-03-11T12:00:00Z');

let f: ReviewFixture;
beforeAll(async () => {
  f = await openReviewFixture();
});
afterAll(async () => {
  await f?.close();
});

const questions = async (userId: string, grades: (1 | 3 | 4 | 5)[], start: Date, stepSeconds = 20) => {
  const shown: string[] = [];
  for (const [i, grade] of grades.entries()) {
    const item = await f.answerNext(userId, grade, new Date(start.getTime() + i * stepSeconds * 1000));
    shown.push(`${item.queue}:${item.question}`);
  }
  return shown;
};

describe('burying siblings', () => {
  it.each([
    ['on: one card per concept a day', true, ['new:What is a cache?', 'new:What is LRU?', 'new:What is a DLQ?']],
    ['off: strictly in note order', false, ['new:What is a cache?', 'new:What is LRU?', 'new:What is LFU?']],
  ])('%s', async (_case, burySiblings, expected) => {
    const userId = await f.newUser({ burySiblings });
    expect(await questions(userId, [4, 4, 4], NOW)).toEqual(expected);
  });

  it('buried siblings come back the next study day, and counts leave them out today', async () => {
    const userId = await f.newUser();
    await questions(userId, [4, 4, 4], NOW);
    expect(await f.review.getNextReviewItem(userId, seconds(100))).toBeNull();
    expect(await f.review.getDueSummary(userId, seconds(100))).toMatchObject({ dueReviews: 0, newAvailable: 0, total: 0, done: 3 });
    // Tomorrow the reviews bury their concepts again, so LFU and backpressure wait another day.
    const tomorrow = await questions(userId, [4, 4, 4], at('2024-03-11T05:00:00Z'));
    expect(tomorrow.sort()).toEqual(['review:What is LRU?', 'review:What is a DLQ?', 'review:What is a cache?']);
    expect(await f.review.getNextReviewItem(userId, at('2024-03-11T06:00:00Z'))).toBeNull();
    await f.prisma.user.update({ where: { id: userId }, data: { burySiblings: false } });
    expect(await f.review.getDueSummary(userId, at('2024-03-11T06:00:00Z'))).toMatchObject({ newAvailable: 2 });
  });
});

describe('same-day re-drill', () => {
  it('brings a card graded below 4 back after the others, until it is graded 4, without touching its schedule', async () => {
    const userId = await f.newUser({ burySiblings: false, newPerDay: 2 });
    const cache = await f.cardId('What is a cache?');
    const shown = await questions(userId, [3, 4, 1, 4], NOW, 10);
    expect(shown).toEqual(['new:What is a cache?', 'new:What is LRU?', 'redrill:What is a cache?', 'redrill:What is a cache?']);

    const state = await f.prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: cache } } });
    expect(state).toMatchObject({ repetitions: 1, intervalDays: 1, easeFactor: 2.36, lastReviewedAt: NOW, version: 3 });
    const logs = await f.prisma.reviewLog.findMany({ where: { userId, cardId: cache }, orderBy: { reviewedAt: 'asc' } });
    expect(logs.map((l) => [l.kind, l.grade])).toEqual([['review', 3], ['redrill', 1], ['redrill', 4]]);
    expect(logs[1]).toMatchObject({ prevRepetitions: 1, repetitions: 1, prevDue: state.due, due: state.due });
    expect(await f.review.getDueSummary(userId, seconds(60))).toMatchObject({ dueReviews: 0, newAvailable: 0, redrills: 0, done: 4 });
  });

  it('waits 60 s behind other cards, or comes at once when nothing else is left', async () => {
    const userId = await f.newUser({ burySiblings: false });
    await f.answerNext(userId, 1, NOW);
    expect(await f.review.getNextReviewItem(userId, seconds(30))).toMatchObject({ question: 'What is LRU?', queue: 'new' });
    expect(await f.review.getNextReviewItem(userId, seconds(60))).toMatchObject({ question: 'What is a cache?', queue: 'redrill' });
    expect(await f.review.getDueSummary(userId, seconds(30))).toMatchObject({ redrills: 1, newAvailable: 4, total: 5 });

    const alone = await f.newUser({ newPerDay: 1 });
    await f.answerNext(alone, 1, NOW);
    expect(await f.review.getNextReviewItem(alone, seconds(1))).toMatchObject({ question: 'What is a cache?', queue: 'redrill' });
  });

  it('re-drills do not count against the daily review limit', async () => {
    const userId = await f.newUser({ burySiblings: false, newPerDay: 1, reviewsPerDay: 1 });
    await f.answerNext(userId, 4, NOW);
    await f.answerNext(userId, 1, TOMORROW); // the one review allowed
    await f.answerNext(userId, 4, new Date(TOMORROW.getTime() + 1000)); // the one new card allowed
    expect(await f.review.getNextReviewItem(userId, new Date(TOMORROW.getTime() + 2000))).toMatchObject({ queue: 'redrill' });
  });
});

describe('leeches', () => {
  it('suspends a card on its threshold lapse, lists it with its passage, and unsuspends it', async () => {
    const userId = await f.newUser({ newPerDay: 1, leechLapses: 2 });
    const { listLeeches, unsuspendLeech } = await import('@/lib/db/leeches');
    const cache = await f.cardId('What is a cache?');
    const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
    await f.answerNext(userId, 4, day(0));
    await f.answerNext(userId, 1, day(1)); // lapse 1
    expect(await f.answerNext(userId, 4, new Date(day(1).getTime() + 61_000))).toMatchObject({ queue: 'redrill' });
    await f.answerNext(userId, 4, day(2)); // relearned
    const lapse = await f.review.getNextReviewItem(userId, day(3));
    const outcome = await f.answers.recordAnswer(userId, { cardId: cache, grade: 1, answerId: 'leech-lapse', version: lapse!.version, timeTakenMs: 1 }, day(3));

    expect(outcome).toMatchObject({ kind: 'review', leech: true });
    expect(await f.prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: cache } } }))
      .toMatchObject({ lapses: 2, suspended: true, leech: true });
    expect(await f.review.getNextReviewItem(userId, day(5))).toMatchObject({ queue: 'new' });
    expect(await listLeeches(userId)).toEqual([
      { cardId: cache, question: 'What is a cache?', conceptId: lapse!.conceptId, conceptPath: ['Caching'], sourceLine: lapse!.sourceLine, lapses: 2, suspended: true },
    ]);

    await unsuspendLeech(userId, cache);
    expect(await listLeeches(userId)).toEqual([]);
    expect(await f.review.getNextReviewItem(userId, day(5))).toMatchObject({ cardId: cache, queue: 'review' });
    await expect(unsuspendLeech(userId, cache)).rejects.toThrow('not on your leech list');
  });
});

describe('undo', () => {
  it('removes the state of a card that was new, gives back the new-card allowance, and keeps the log entry', async () => {
    const userId = await f.newUser({ newPerDay: 1 });
    const item = await f.answerNext(userId, 4, NOW);
    expect(await f.review.getNextReviewItem(userId, seconds(1))).toBeNull();

    const log = await f.prisma.reviewLog.findFirstOrThrow({ where: { userId } });
    await f.answers.undoAnswer(userId, log.answerId, seconds(2));
    await f.answers.undoAnswer(userId, log.answerId, seconds(3)); // a second press is a no-op

    expect(await f.prisma.reviewState.count({ where: { userId } })).toBe(0);
    expect(await f.prisma.reviewLog.findUniqueOrThrow({ where: { id: log.id } })).toMatchObject({ undoneAt: seconds(2) });
    expect(await f.review.getDueSummary(userId, seconds(4))).toMatchObject({ newAvailable: 1, done: 0 });
    expect(await f.review.getNextReviewItem(userId, seconds(4))).toMatchObject({ cardId: item.cardId, queue: 'new', version: 0 });
  });

  it('restores every field of a reviewed card, including a leech suspension', async () => {
    const userId = await f.newUser({ newPerDay: 1, leechLapses: 1 });
    await f.answerNext(userId, 5, NOW);
    const key = { userId_cardId: { userId, cardId: await f.cardId('What is a cache?') } };
    const before = await f.prisma.reviewState.findUniqueOrThrow({ where: key });
    const lapse = await f.answerNext(userId, 1, at('2024-03-11T12:00:00Z'));
    expect(await f.prisma.reviewState.findUniqueOrThrow({ where: key })).toMatchObject({ suspended: true, leech: true, lapses: 1 });

    const { answerId } = await f.prisma.reviewLog.findFirstOrThrow({ where: { userId }, orderBy: { reviewedAt: 'desc' } });
    await f.answers.undoAnswer(userId, answerId, at('2024-03-11T12:01:00Z'));
    const after = await f.prisma.reviewState.findUniqueOrThrow({ where: key });
    expect(after).toEqual({ ...before, version: lapse.version + 2 });
  });

  it('undoes a re-drill without touching the schedule and refuses to skip a later answer', async () => {
    const userId = await f.newUser({ newPerDay: 1 });
    await f.answerNext(userId, 1, NOW);
    await f.answerNext(userId, 4, seconds(61));
    const [review, redrill] = await f.prisma.reviewLog.findMany({ where: { userId }, orderBy: { reviewedAt: 'asc' } });
    await expect(f.answers.undoAnswer(userId, review!.answerId, seconds(62))).rejects.toBeInstanceOf(f.answers.UndoError);

    await f.answers.undoAnswer(userId, redrill!.answerId, seconds(62));
    expect(await f.review.getNextReviewItem(userId, seconds(63))).toMatchObject({ queue: 'redrill' });
    await f.answers.undoAnswer(userId, review!.answerId, seconds(64));
    expect(await f.review.getNextReviewItem(userId, seconds(65))).toMatchObject({ queue: 'new' });
    await expect(f.answers.undoAnswer(await f.newUser(), review!.answerId, seconds(66))).rejects.toBeInstanceOf(f.answers.UndoError);
  });

  it('the review screen offers the latest answer of today', async () => {
    const userId = await f.newUser();
    expect((await f.review.getReviewScreen(userId, NOW, null)).undoable).toBeNull();
    await f.answerNext(userId, 4, NOW);
    const second = await f.answerNext(userId, 4, NOW);
    expect((await f.review.getReviewScreen(userId, NOW, null)).undoable).toMatchObject({ question: second.question });
    expect((await f.review.getReviewScreen(userId, TOMORROW, null)).undoable).toBeNull();
  });
});

describe('study days and limits', () => {
  it.each([
    // [case, settings, answered at, next card allowed at, not yet at]
    ['UTC, 04:00', { timeZone: 'UTC', rolloverHour: 4 }, '2024-03-10T12:00:00Z', '2024-03-11T04:00:00Z', '2024-03-11T03:59:59Z'],
    ['UTC, midnight', { timeZone: 'UTC', rolloverHour: 0 }, '2024-03-10T12:00:00Z', '2024-03-11T00:00:00Z', '2024-03-10T23:59:59Z'],
    ['Berlin, 04:00 (UTC+1)', { timeZone: 'Europe/Berlin', rolloverHour: 4 }, '2024-03-10T12:00:00Z', '2024-03-11T03:00:00Z', '2024-03-11T02:59:59Z'],
    ['New York, 04:00 across the DST change', { timeZone: 'America/New_York', rolloverHour: 4 }, '2024-03-10T06:00:00Z', '2024-03-10T08:00:00Z', '2024-03-10T07:59:59Z'],
  ])('%s: the new-card limit resets at the rollover', async (_case, settings, answered, opens, closed) => {
    const userId = await f.newUser({ ...settings, newPerDay: 1, burySiblings: false });
    await f.answerNext(userId, 4, at(answered));
    expect(await f.review.getDueSummary(userId, at(closed))).toMatchObject({ newAvailable: 0 });
    expect(await f.review.getDueSummary(userId, at(opens))).toMatchObject({ newAvailable: 1, dueReviews: 1 });
  });

  it('the review limit caps reviews, most overdue first', async () => {
    const userId = await f.newUser({ burySiblings: false, reviewsPerDay: 2 });
    await questions(userId, [4, 4, 4, 4, 4], NOW, 1);
    expect(await f.review.getDueSummary(userId, TOMORROW)).toMatchObject({ dueReviews: 2, newAvailable: 0 });
    expect(await questions(userId, [4, 4], TOMORROW)).toEqual([expect.stringMatching(/^review:/), expect.stringMatching(/^review:/)]);
    expect(await f.review.getNextReviewItem(userId, new Date(TOMORROW.getTime() + 60_000))).toBeNull();
  });
});

describe('studying a concept subtree', () => {
  it('only shows cards of the concept and its descendants', async () => {
    const userId = await f.newUser({ burySiblings: false });
    const caching = await f.prisma.concept.findFirstOrThrow({ where: { title: 'Caching' } });
    const scope = await f.review.getStudyScope(userId, caching.id);
    expect(scope?.conceptIds).toHaveLength(2);

    const shown: string[] = [];
    for (let i = 0; i < 4; i++) {
      const item = await f.review.getNextReviewItem(userId, seconds(i), scope);
      if (!item) break;
      await f.answers.recordAnswer(userId, { cardId: item.cardId, grade: 4, answerId: `scoped-${i}`, version: item.version, timeTakenMs: 1 }, seconds(i));
      shown.push(item.question);
    }
    expect(shown).toEqual(['What is a cache?', 'What is LRU?', 'What is LFU?']);
    expect(await f.review.getDueSummary(userId, seconds(5), scope)).toMatchObject({ total: 0 });
    expect(await f.review.getDueSummary(userId, seconds(5))).toMatchObject({ newAvailable: 2 });
    expect(await f.review.getStudyScope(userId, 'no-such-concept')).toBeNull();
  });
});

describe('summaries', () => {
  it('counts answered, correct and time for the day, and when the next review is due', async () => {
    const userId = await f.newUser({ burySiblings: false, newPerDay: 2 });
    await questions(userId, [4, 1], NOW);
    await f.answerNext(userId, 5, seconds(120));
    const screen = await f.review.getReviewScreen(userId, seconds(130), null);
    expect(screen.item).toBeNull();
    expect(screen.summary).toEqual({ answered: 3, correct: 2, timeTakenMs: 3000, nextDue: at('2024-03-11T04:00:00Z') });
    expect(await f.review.getDueCountsByConcept(userId, TOMORROW)).toEqual(new Map([
      [(await f.prisma.concept.findFirstOrThrow({ where: { title: 'Caching' } })).id, 1],
      [(await f.prisma.concept.findFirstOrThrow({ where: { title: 'Eviction' } })).id, 1],
    ]));
  });
});
