import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { Grade } from '@/lib/srs/sm2';
import { NOTES } from './review-fixture';
import { ingestTestNotes, openAppDatabase } from './support';

/** All times are fixed: a study day starts at 04:00 UTC for these (UTC, rollover 4) users. */
const NOW = new Date('2024-03-10T12:00:00Z');
const LATER_TODAY = new Date('2024-03-10T20:00:00Z');
const TOMORROW_0400 = new Date('2024-03-11T04:00:00Z');
const TWO_DAYS_LATER = new Date('2024-03-12T12:00:00Z');

/** New cards come in note order: by file, then by position in the file. */
const NOTE_ORDER = ['What is a cache?', 'What is LRU?', 'What is LFU?', 'What is a DLQ?', 'What is backpressure?'];

let prisma: PrismaClient;
let close: () => Promise<void>;
let review: typeof import('@/lib/db/review');
let answers: typeof import('@/lib/db/review-answer');
let createUser: typeof import('@/lib/db/users').createUser;

beforeAll(async () => {
  ({ prisma, close } = await openAppDatabase());
  review = await import('@/lib/db/review');
  answers = await import('@/lib/db/review-answer');
  ({ createUser } = await import('@/lib/db/users'));
  await ingestTestNotes(NOTES);
});

afterAll(async () => {
  await close?.();
});

let userCount = 0;
/** Siblings are not buried here, so cards come strictly in note order (burying: review-session.test.ts). */
async function newUser(settings: { newPerDay?: number } = {}) {
  const user = await createUser({ email: `learner${++userCount}@example.com`, password: 'a long password' });
  await prisma.user.update({ where: { id: user.id }, data: { burySiblings: false, ...settings } });
  return user.id;
}

let answerCount = 0;
/** Answers the card the review screen shows next, the way the page would. */
async function answerNext(userId: string, grade: Grade, now: Date) {
  const item = await review.getNextReviewItem(userId, now);
  if (!item) throw new Error('expected a card to study');
  await answers.recordAnswer(userId, { cardId: item.cardId, grade, answerId: `answer-${++answerCount}`, version: item.version, timeTakenMs: 1500 }, now);
  return item;
}

const cardId = async (question: string) => (await prisma.card.findFirstOrThrow({ where: { question } })).id;

describe('what is due', () => {
  it.each([
    ['the default limit of 20 shows every new card', undefined, 5],
    ['a limit of 3 new cards a day', 3, 3],
    ['a limit of 0 new cards a day', 0, 0],
  ])('%s', async (_case, newPerDay, newAvailable) => {
    const userId = await newUser({ newPerDay });
    expect(await review.getDueSummary(userId, NOW)).toEqual({ dueReviews: 0, newAvailable, redrills: 0, total: newAvailable, done: 0 });
  });

  it('the first card is the first card of the first note, shown as new', async () => {
    const userId = await newUser();
    const item = await review.getNextReviewItem(userId, NOW);
    expect(item).toMatchObject({
      question: 'What is a cache?',
      answer: 'A fast store of copies of data.',
      kind: 'explicit',
      conceptPath: ['Caching'],
      queue: 'new',
      version: 0,
    });
    expect(item!.outcomes.map((o) => [o.button.label, o.againToday, o.days])).toEqual([
      ['Again', true, 1], ['Hard', true, 1], ['Good', false, 1], ['Easy', false, 1],
    ]);
  });

  it('new cards come in note order, and none is left once all are answered', async () => {
    const userId = await newUser();
    const seen: string[] = [];
    for (let i = 0; i < NOTE_ORDER.length; i++) seen.push((await answerNext(userId, 4, NOW)).question);

    expect(seen).toEqual(NOTE_ORDER);
    expect(await review.getNextReviewItem(userId, NOW)).toBeNull();
    expect(await review.getNextReviewItem(userId, LATER_TODAY)).toBeNull();
    expect(await review.getDueSummary(userId, LATER_TODAY)).toMatchObject({ dueReviews: 0, newAvailable: 0, redrills: 0, total: 0 });
  });

  it('the daily new-card limit stops new cards until the next study day', async () => {
    const userId = await newUser({ newPerDay: 2 });
    await answerNext(userId, 4, NOW);
    await answerNext(userId, 4, NOW);

    expect(await review.getNextReviewItem(userId, LATER_TODAY)).toBeNull();
    expect(await review.getDueSummary(userId, LATER_TODAY)).toMatchObject({ dueReviews: 0, newAvailable: 0, redrills: 0, total: 0 });
    // From 04:00 the next day: two more new cards, and yesterday's two are due for review.
    expect(await review.getDueSummary(userId, TOMORROW_0400)).toEqual({ dueReviews: 2, newAvailable: 2, redrills: 0, total: 4, done: 0 });
  });
});

describe('recordAnswer', () => {
  it('stores the new review state and logs the state before and after', async () => {
    const userId = await newUser();
    const id = await cardId('What is a cache?');

    const result = await answers.recordAnswer(userId, { cardId: id, grade: 4, answerId: 'first-answer', version: 0, timeTakenMs: 2300 }, NOW);

    expect(result).toEqual({ kind: 'review', due: TOMORROW_0400, intervalDays: 1, leech: false });
    const state = await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    expect(state).toMatchObject({
      repetitions: 1, intervalDays: 1, easeFactor: 2.5, due: TOMORROW_0400, lapses: 0,
      lastReviewedAt: NOW, introducedAt: NOW, version: 1,
    });
    const logs = await prisma.reviewLog.findMany({ where: { userId } });
    expect(logs).toEqual([expect.objectContaining({
      cardId: id, grade: 4, reviewedAt: NOW, timeTakenMs: 2300, answerId: 'first-answer', undoneAt: null,
      prevRepetitions: 0, prevIntervalDays: 0, prevEaseFactor: 2.5, prevDue: NOW, prevLapses: 0,
      repetitions: 1, intervalDays: 1, easeFactor: 2.5, due: TOMORROW_0400, lapses: 0,
    })]);
  });

  it('the same answer sent twice is recorded once', async () => {
    const userId = await newUser();
    const id = await cardId('What is LRU?');
    const answer = { cardId: id, grade: 5 as const, answerId: 'double-click', version: 0, timeTakenMs: 900 };

    const first = await answers.recordAnswer(userId, answer, NOW);
    const second = await answers.recordAnswer(userId, answer, new Date(NOW.getTime() + 1000));

    expect(second).toEqual(first);
    expect(await prisma.reviewLog.count({ where: { userId } })).toBe(1);
    const state = await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    expect(state.version).toBe(1);
  });

  it('an answer computed against an old version of the card is rejected', async () => {
    const userId = await newUser();
    const id = await cardId('What is LFU?');
    await answers.recordAnswer(userId, { cardId: id, grade: 4, answerId: 'tab-1', version: 0, timeTakenMs: 1000 }, NOW);

    await expect(answers.recordAnswer(userId, { cardId: id, grade: 1, answerId: 'tab-2', version: 0, timeTakenMs: 1000 }, NOW))
      .rejects.toBeInstanceOf(answers.StaleAnswerError);
    expect(await prisma.reviewLog.count({ where: { userId } })).toBe(1);
    const state = await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    expect(state).toMatchObject({ version: 1, repetitions: 1 });
  });

  it('an answer id used by another user is rejected', async () => {
    const first = await newUser();
    const second = await newUser();
    const id = await cardId('What is a DLQ?');
    await answers.recordAnswer(first, { cardId: id, grade: 4, answerId: 'shared-id', version: 0, timeTakenMs: 1000 }, NOW);

    await expect(answers.recordAnswer(second, { cardId: id, grade: 4, answerId: 'shared-id', version: 0, timeTakenMs: 1000 }, NOW))
      .rejects.toBeInstanceOf(answers.StaleAnswerError);
    expect(await prisma.reviewState.count({ where: { userId: second } })).toBe(0);
  });

  it('an answer for a card that does not exist is rejected', async () => {
    const userId = await newUser();
    await expect(answers.recordAnswer(userId, { cardId: 'no-such-card', grade: 4, answerId: 'ghost', version: 0, timeTakenMs: 1 }, NOW))
      .rejects.toBeInstanceOf(answers.CardNotFoundError);
  });
});

describe('a study session over several days', () => {
  it('a card answered "Again" comes back as a review after the next rollover', async () => {
    const userId = await newUser();
    const again = await answerNext(userId, 1, NOW);
    for (let i = 1; i < NOTE_ORDER.length; i++) await answerNext(userId, 4, NOW);

    expect(again.question).toBe('What is a cache?');
    const state = await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: again.cardId } } });
    expect(state).toMatchObject({ repetitions: 0, intervalDays: 1, due: TOMORROW_0400, lapses: 0, version: 1 });
    // The same day it is re-drilled until graded 4 or more; that leaves its schedule alone.
    const redrill = await answerNext(userId, 4, NOW);
    expect(redrill).toMatchObject({ cardId: again.cardId, queue: 'redrill' });
    expect(await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: again.cardId } } }))
      .toMatchObject({ repetitions: 0, intervalDays: 1, due: TOMORROW_0400, version: 2 });
    expect(await review.getNextReviewItem(userId, NOW)).toBeNull();

    // Two days later every card answered on day one is due; the "Again" card is among them.
    expect(await review.getDueSummary(userId, TWO_DAYS_LATER)).toEqual({ dueReviews: 5, newAvailable: 0, redrills: 0, total: 5, done: 0 });
    const shown: string[] = [];
    for (let i = 0; i < NOTE_ORDER.length; i++) {
      const item = await answerNext(userId, 4, TWO_DAYS_LATER);
      expect(item).toMatchObject({ queue: 'review', version: item.cardId === again.cardId ? 2 : 1 });
      shown.push(item.question);
    }
    expect(shown.sort()).toEqual([...NOTE_ORDER].sort());
    expect(await review.getNextReviewItem(userId, TWO_DAYS_LATER)).toBeNull();

    // Relearned: "Again" restarted its repetitions, so Good now gives 1 day, not 6.
    const relearned = await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: again.cardId } } });
    expect(relearned).toMatchObject({ repetitions: 1, intervalDays: 1, version: 3 });
    const other = await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: await cardId('What is LRU?') } } });
    expect(other).toMatchObject({ repetitions: 2, intervalDays: 6, version: 2 });
  });

  it('a due card is shown with what each grade would do', async () => {
    const userId = await newUser();
    await answerNext(userId, 4, NOW);
    const item = await review.getNextReviewItem(userId, TWO_DAYS_LATER);
    expect(item).toMatchObject({ question: 'What is a cache?', queue: 'review', version: 1 });
    expect(item!.outcomes.map((o) => [o.button.label, o.againToday, o.days])).toEqual([
      ['Again', true, 1], ['Hard', true, 6], ['Good', false, 6], ['Easy', false, 6],
    ]);
  });
});
