import 'server-only';
import type { ExportCard, ExportLog, ProgressRows } from '../export/progress';
import { prisma } from './client';
import { readableCards } from './readable';
import { getStudySettings } from './study-settings';

/**
 * Which cards an export holds: every active card the user may read (the starter deck and their
 * own notes; retired cards are hidden everywhere else too), in deck order (note path, topic order,
 * card order). This is the one place that decides it; both exports (JSON and Anki) follow. Each
 * card comes with this user's SM-2 state only: `due` is SM-2's even while FSRS schedules the card.
 */
async function exportedCards(userId: string) {
  const cards = await prisma.card.findMany({
    where: { status: 'active', ...readableCards(userId) },
    orderBy: [{ concept: { source: { path: 'asc' } } }, { concept: { order: 'asc' } }, { order: 'asc' }],
    select: {
      id: true, key: true, kind: true, question: true, answer: true, explanation: true, sourceLine: true,
      concept: { select: { key: true, title: true, headingPath: true, startLine: true, source: { select: { path: true } } } },
      reviewStates: {
        where: { userId },
        select: {
          repetitions: true, intervalDays: true, easeFactor: true, due: true, sm2Due: true, lapses: true, lastReviewedAt: true,
          introducedAt: true, suspended: true, leech: true,
        },
      },
    },
  });
  // sm2Due is null only for states written before FSRS existed, when `due` was SM-2's.
  return cards.map(({ reviewStates, ...card }) => ({
    ...card,
    reviewStates: reviewStates.map(({ sm2Due, due, ...state }) => ({ ...state, due: sm2Due ?? due })),
  }));
}

/** The signed-in user's deck, review states and review log (of the exported cards, oldest first). */
export async function getProgressRows(userId: string): Promise<ProgressRows> {
  const [settings, cards, logs] = await Promise.all([
    getStudySettings(userId),
    exportedCards(userId),
    prisma.reviewLog.findMany({
      where: { userId },
      orderBy: [{ reviewedAt: 'asc' }, { id: 'asc' }],
      select: {
        cardId: true, grade: true, kind: true, reviewedAt: true, timeTakenMs: true, undoneAt: true,
        prevIntervalDays: true, prevEaseFactor: true, intervalDays: true, easeFactor: true, due: true, wasNew: true,
      },
    }),
  ]);
  const keyOf = new Map(cards.map((c) => [c.id, c.key]));
  return {
    settings: {
      timeZone: settings.timeZone,
      rolloverHour: settings.rolloverHour,
      newPerDay: settings.newPerDay,
      reviewsPerDay: settings.reviewsPerDay,
      leechLapses: settings.leechLapses,
    },
    cards: cards.map(({ reviewStates: [state], concept, ...card }): ExportCard => ({
      key: card.key,
      kind: card.kind,
      question: card.question,
      answer: card.answer,
      explanation: card.explanation,
      line: card.sourceLine,
      concept: {
        key: concept.key,
        title: concept.title,
        path: JSON.parse(concept.headingPath) as string[],
        file: concept.source.path,
        line: concept.startLine,
      },
      state: state ?? null,
    })),
    logs: logs.flatMap(({ cardId, ...log }): ExportLog[] => {
      const cardKey = keyOf.get(cardId);
      return cardKey === undefined ? [] : [{ cardKey, ...log }];
    }),
  };
}
