import 'server-only';
import { answerCard, newCardSnapshot, previewIntervals, type ReviewSnapshot } from '../srs/answer';
import type { Grade } from '../srs/sm2';
import { studyDayStart } from '../srs/study-day';
import { prisma } from './client';
import type { ReviewState } from './generated/client';

/** A card ready to show on the review screen, with what each grade would schedule. */
export interface ReviewItem {
  cardId: string;
  kind: string;
  question: string;
  answer: string;
  explanation: string | null;
  conceptId: string;
  conceptPath: string[];
  isNew: boolean;
  /** The state version the answer must be computed against; a different one is stale. */
  version: number;
  intervals: Record<Grade, number>;
}

export interface DueSummary {
  dueReviews: number;
  newAvailable: number;
  total: number;
}

export class StaleAnswerError extends Error {}
export class CardNotFoundError extends Error {}

async function settingsFor(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { timeZone: true, rolloverHour: true, newPerDay: true, reviewsPerDay: true },
  });
}

/** How many new cards the user may still start today under the daily limit. */
async function newCardsLeft(userId: string, now: Date): Promise<number> {
  const s = await settingsFor(userId);
  const dayStart = studyDayStart(now, s.timeZone, s.rolloverHour);
  const startedToday = await prisma.reviewState.count({ where: { userId, introducedAt: { gte: dayStart } } });
  return Math.max(0, s.newPerDay - startedToday);
}

const activeCard = { status: 'active' } as const;

export async function getDueSummary(userId: string, now: Date): Promise<DueSummary> {
  const [dueReviews, unseen, left] = await Promise.all([
    prisma.reviewState.count({ where: { userId, due: { lte: now }, card: activeCard } }),
    prisma.card.count({ where: { ...activeCard, reviewStates: { none: { userId } } } }),
    newCardsLeft(userId, now),
  ]);
  const newAvailable = Math.min(unseen, left);
  return { dueReviews, newAvailable, total: dueReviews + newAvailable };
}

/** The next card to study: the most overdue review first, then new cards in note order. */
export async function getNextReviewItem(userId: string, now: Date): Promise<ReviewItem | null> {
  const due = await prisma.reviewState.findFirst({
    where: { userId, due: { lte: now }, card: activeCard },
    orderBy: [{ due: 'asc' }, { cardId: 'asc' }],
    select: { cardId: true },
  });
  if (due) return loadItem(userId, due.cardId, now);
  if ((await newCardsLeft(userId, now)) === 0) return null;
  const fresh = await prisma.card.findFirst({
    where: { ...activeCard, reviewStates: { none: { userId } } },
    orderBy: [{ concept: { source: { path: 'asc' } } }, { concept: { order: 'asc' } }, { order: 'asc' }],
    select: { id: true },
  });
  return fresh ? loadItem(userId, fresh.id, now) : null;
}

async function loadItem(userId: string, cardId: string, now: Date): Promise<ReviewItem> {
  const card = await prisma.card.findUniqueOrThrow({
    where: { id: cardId },
    include: { concept: { select: { id: true, headingPath: true } }, reviewStates: { where: { userId } } },
  });
  const state = card.reviewStates[0];
  return {
    cardId: card.id,
    kind: card.kind,
    question: card.question,
    answer: card.answer,
    explanation: card.explanation,
    conceptId: card.concept.id,
    conceptPath: JSON.parse(card.concept.headingPath) as string[],
    isNew: !state,
    version: state?.version ?? 0,
    intervals: previewIntervals(state ? toSnapshot(state) : newCardSnapshot(now)),
  };
}

function toSnapshot(state: ReviewState): ReviewSnapshot {
  return {
    repetitions: state.repetitions,
    intervalDays: state.intervalDays,
    easeFactor: state.easeFactor,
    due: state.due,
    lapses: state.lapses,
    lastReviewedAt: state.lastReviewedAt,
  };
}

export interface AnswerInput {
  cardId: string;
  grade: Grade;
  /** Client-made id of this answer: the same id twice records one answer. */
  answerId: string;
  version: number;
  timeTakenMs: number;
}

/**
 * Applies SM-2 to one answer and appends it to the review log, in one transaction. Answering
 * twice with the same answerId is a no-op; an answer computed against an older state version is
 * rejected with StaleAnswerError.
 */
export async function recordAnswer(userId: string, input: AnswerInput, now: Date): Promise<{ due: Date; intervalDays: number }> {
  const settings = await settingsFor(userId);
  return prisma.$transaction(async (tx) => {
    const already = await tx.reviewLog.findUnique({ where: { answerId: input.answerId } });
    if (already) {
      if (already.userId !== userId) throw new StaleAnswerError('This answer id was already used.');
      return { due: already.due, intervalDays: already.intervalDays };
    }
    const card = await tx.card.findFirst({ where: { id: input.cardId, ...activeCard }, select: { id: true } });
    if (!card) throw new CardNotFoundError('This card no longer exists in the deck.');
    const state = await tx.reviewState.findUnique({ where: { userId_cardId: { userId, cardId: input.cardId } } });
    if ((state?.version ?? 0) !== input.version) {
      throw new StaleAnswerError('This card was answered elsewhere in the meantime.');
    }
    const { before, next } = answerCard(state ? toSnapshot(state) : newCardSnapshot(now), input.grade, now, settings);
    const fields = {
      repetitions: next.repetitions,
      intervalDays: next.intervalDays,
      easeFactor: next.easeFactor,
      due: next.due,
      lapses: next.lapses,
    };
    await tx.reviewState.upsert({
      where: { userId_cardId: { userId, cardId: input.cardId } },
      create: { userId, cardId: input.cardId, ...fields, lastReviewedAt: now, introducedAt: now, version: 1 },
      update: { ...fields, lastReviewedAt: now, version: { increment: 1 } },
    });
    await tx.reviewLog.create({
      data: {
        userId,
        cardId: input.cardId,
        grade: input.grade,
        reviewedAt: now,
        timeTakenMs: input.timeTakenMs,
        answerId: input.answerId,
        prevRepetitions: before.repetitions,
        prevIntervalDays: before.intervalDays,
        prevEaseFactor: before.easeFactor,
        prevDue: before.due,
        prevLapses: before.lapses,
        ...fields,
      },
    });
    return { due: next.due, intervalDays: next.intervalDays };
  });
}
