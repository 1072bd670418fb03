import 'server-only';
import { prisma } from './client';
import { readableCards } from './readable';

export class LeechNotFoundError extends Error {}

export interface Leech {
  cardId: string;
  question: string;
  conceptId: string;
  conceptPath: string[];
  /** Line of the card's passage: /topics/<conceptId>#line-<sourceLine>. */
  sourceLine: number;
  lapses: number;
  suspended: boolean;
}

/** The user's leeches (cards flagged as needing a rewrite) in notes they may read, most lapsed first. */
export async function listLeeches(userId: string): Promise<Leech[]> {
  const states = await prisma.reviewState.findMany({
    where: { userId, leech: true, card: readableCards(userId) },
    orderBy: [{ lapses: 'desc' }, { cardId: 'asc' }],
    select: {
      lapses: true,
      suspended: true,
      card: { select: { id: true, question: true, sourceLine: true, concept: { select: { id: true, headingPath: true } } } },
    },
  });
  return states.map(({ lapses, suspended, card }) => ({
    cardId: card.id,
    question: card.question,
    conceptId: card.concept.id,
    conceptPath: JSON.parse(card.concept.headingPath) as string[],
    sourceLine: card.sourceLine,
    lapses,
    suspended,
  }));
}

/**
 * Puts a leech back into review: clears both flags and bumps the version (an answer computed
 * while it was suspended is stale). Its lapse count stays, so a further half threshold of lapses
 * flags it again (see lib/srs/leech.ts).
 */
export async function unsuspendLeech(userId: string, cardId: string): Promise<void> {
  const { count } = await prisma.reviewState.updateMany({
    where: { userId, cardId, leech: true },
    data: { suspended: false, leech: false, version: { increment: 1 } },
  });
  if (count !== 1) throw new LeechNotFoundError('This card is not on your leech list.');
}
