import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFsrs, replayFsrs, type FsrsSettings } from '@/lib/srs/fsrs';
import type { SchedulerName } from '@/lib/srs/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '@/lib/srs/study-settings';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

/** Users here study in UTC with the day starting at 04:00, and siblings are not buried. */
const DAY1 = new Date('2024-03-10T12:00:00Z');
const DAY1_LATER = new Date('2024-03-10T12:05:00Z');
const DAY4 = new Date('2024-03-13T12:00:00Z');
const DAY20 = new Date('2024-03-29T12:00:00Z');
const UTC4: FsrsSettings = { timeZone: 'UTC', rolloverHour: 4 };

let f: ReviewFixture;
let settingsDb: typeof import('@/lib/db/study-settings');
beforeAll(async () => {
  f = await openReviewFixture();
  settingsDb = await import('@/lib/db/study-settings');
});
afterAll(async () => {
  await f?.close();
});

const newUser = () => f.newUser({ burySiblings: false });
const useScheduler = async (userId: string, scheduler: SchedulerName) =>
  settingsDb.updateStudySettings(userId, { ...(await settingsDb.getStudySettings(userId)), scheduler });
const stateOf = (userId: string, cardId: string) =>
  f.prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });

let ids = 0;
async function answer(userId: string, cardId: string, grade: 1 | 3 | 4 | 5, now: Date, answerId = `s-${++ids}`) {
  const state = await f.prisma.reviewState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  return f.answers.recordAnswer(userId, { cardId, grade, answerId, version: state?.version ?? 0, timeTakenMs: 1000 }, now);
}

describe('choosing FSRS or SM-2', () => {
  it('new users schedule with SM-2', async () => {
    const userId = await newUser();
    expect((await settingsDb.getStudySettings(userId)).scheduler).toBe('sm2');
    expect(DEFAULT_STUDY_SETTINGS.scheduler).toBe('sm2');
  });

  it('every answer updates both models; the queue and the buttons follow the active one', async () => {
    const userId = await newUser();
    const card = await f.cardId('What is a cache?');
    expect(await answer(userId, card, 5, DAY1)).toMatchObject({ kind: 'review', intervalDays: 1 });
    const state = await stateOf(userId, card);
    // SM-2: Easy on a new card is 1 day; FSRS (defaults): 8 days. Both are kept.
    expect(state).toMatchObject({ intervalDays: 1, fsrsScheduledDays: 8 });
    expect(state.due).toEqual(new Date('2024-03-11T04:00:00Z'));
    expect(state.sm2Due).toEqual(state.due);
    expect(state.fsrsDue).toEqual(new Date('2024-03-18T04:00:00Z'));

    await useScheduler(userId, 'fsrs');
    expect((await stateOf(userId, card)).due).toEqual(new Date('2024-03-18T04:00:00Z'));
    expect(await f.review.getDueSummary(userId, new Date('2024-03-12T12:00:00Z'))).toMatchObject({ dueReviews: 0 });
    const next = await f.review.getNextReviewItem(userId, DAY1_LATER);
    expect(next?.outcomes.map((o) => [o.button.label, o.days])).toEqual([['Again', 1], ['Hard', 2], ['Good', 3], ['Easy', 8]]);

    // Under FSRS an answer's outcome and due date are FSRS's; SM-2 still learns from it.
    const lru = await f.cardId('What is LRU?');
    expect(await answer(userId, lru, 4, DAY1)).toMatchObject({ intervalDays: 3, due: new Date('2024-03-13T04:00:00Z') });
    expect(await stateOf(userId, lru)).toMatchObject({ intervalDays: 1, sm2Due: new Date('2024-03-11T04:00:00Z'), due: new Date('2024-03-13T04:00:00Z') });

    await useScheduler(userId, 'sm2');
    expect((await stateOf(userId, card)).due).toEqual(new Date('2024-03-11T04:00:00Z'));
    expect((await stateOf(userId, lru)).due).toEqual(new Date('2024-03-11T04:00:00Z'));
    expect((await f.review.getNextReviewItem(userId, DAY1_LATER))?.outcomes.map((o) => o.days)).toEqual([1, 1, 1, 1]);
  });

  it('the first switch replays the review log of cards answered before FSRS existed, leaving out undone answers and re-drills', async () => {
    const userId = await newUser();
    const card = await f.cardId('What is LFU?');
    await answer(userId, card, 4, DAY1);
    await answer(userId, card, 1, DAY4); // a lapse: re-drilled the same day
    await answer(userId, card, 4, new Date('2024-03-13T12:10:00Z')); // the re-drill: schedule unchanged
    await answer(userId, card, 5, DAY20, 'to-undo');
    await f.answers.undoAnswer(userId, 'to-undo', DAY20);
    const live = await stateOf(userId, card);
    expect(live.fsrsStability).not.toBeNull();

    // As if these answers predated migration 0011: SM-2 state only.
    await f.prisma.reviewState.update({
      where: { userId_cardId: { userId, cardId: card } },
      data: { fsrsStability: null, fsrsDifficulty: null, fsrsScheduledDays: null, fsrsDue: null, sm2Due: null },
    });
    await useScheduler(userId, 'fsrs');
    const replayed = await stateOf(userId, card);
    const expected = replayFsrs([{ grade: 4, at: DAY1 }, { grade: 1, at: DAY4 }], UTC4)!;
    expect(replayed).toMatchObject({
      fsrsStability: expected.stability,
      fsrsDifficulty: expected.difficulty,
      fsrsScheduledDays: expected.scheduledDays,
      fsrsDue: expected.due,
      due: expected.due,
      sm2Due: live.due,
    });
    expect(replayed.fsrsStability).toBe(live.fsrsStability);
    // Stored as text in the same form as every other date, so the queue's comparisons hold.
    const [raw] = await f.prisma.$queryRaw<{ fsrsDue: string; lastReviewedAt: string }[]>`
      SELECT ("fsrsDue" || '') AS "fsrsDue", ("lastReviewedAt" || '') AS "lastReviewedAt" FROM "ReviewState" WHERE "userId" = ${userId} AND "cardId" = ${card}`;
    expect(raw.fsrsDue.replace(/[\d]/g, '0')).toBe(raw.lastReviewedAt.replace(/[\d]/g, '0'));

    await useScheduler(userId, 'sm2');
    expect((await stateOf(userId, card)).due).toEqual(live.due);
  });

  it('a card FSRS has not seen gets its memory from its log when it is next answered', async () => {
    const userId = await newUser();
    const card = await f.cardId('What is a DLQ?');
    await answer(userId, card, 4, DAY1);
    await f.prisma.reviewState.update({
      where: { userId_cardId: { userId, cardId: card } },
      data: { fsrsStability: null, fsrsDifficulty: null, fsrsScheduledDays: null, fsrsDue: null },
    });
    await answer(userId, card, 4, DAY4);
    const first = answerFsrs(null, null, 4, DAY1, UTC4);
    expect((await stateOf(userId, card)).fsrsStability).toBe(answerFsrs(first, DAY1, 4, DAY4, UTC4).stability);
  });

  it('undo under FSRS restores both models and the FSRS due date', async () => {
    const userId = await newUser();
    const card = await f.cardId('What is backpressure?');
    await useScheduler(userId, 'fsrs');
    await answer(userId, card, 4, DAY1);
    const before = await stateOf(userId, card);
    await answer(userId, card, 5, DAY4, 'undo-me');
    expect((await stateOf(userId, card)).fsrsScheduledDays).not.toBe(before.fsrsScheduledDays);
    await f.answers.undoAnswer(userId, 'undo-me', DAY4);
    const after = await stateOf(userId, card);
    const { version: _v1, ...was } = before;
    const { version: _v2, ...is } = after;
    expect(is).toEqual(was);
    expect(after.due).toEqual(before.fsrsDue);
  });

  it('a repeated submit under FSRS reports the FSRS outcome it first recorded', async () => {
    const userId = await newUser();
    const card = await f.cardId('What is a cache?');
    await useScheduler(userId, 'fsrs');
    const first = await answer(userId, card, 5, DAY1, 'twice');
    const again = await f.answers.recordAnswer(userId, { cardId: card, grade: 5, answerId: 'twice', version: 0, timeTakenMs: 1000 }, DAY1);
    expect(first).toMatchObject({ intervalDays: 8 });
    expect(again).toEqual(first);
  });
});
