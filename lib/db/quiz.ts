import 'server-only';
import { createHash } from 'node:crypto';
import type { QuizCard } from '../quiz/cards';
import { prisma } from './client';
import { readableConcepts } from './readable';
import { CardNotFoundError, recordAnswer, StaleAnswerError } from './review-answer';

export interface QuizTopic {
  id: string;
  title: string;
  children: { id: string; title: string }[];
}

/** The quiz builder's choices: every readable note's root concept with its sections, in note order. */
export async function getQuizTopics(userId: string): Promise<QuizTopic[]> {
  const concepts = await prisma.concept.findMany({
    where: { status: 'active', depth: { lte: 2 }, ...readableConcepts(userId) },
    orderBy: [{ source: { path: 'asc' } }, { sourceId: 'asc' }, { order: 'asc' }],
    select: { id: true, title: true, parentId: true, depth: true },
  });
  const roots = concepts.filter((c) => c.depth === 1).map((c) => ({ id: c.id, title: c.title, children: [] as QuizTopic['children'] }));
  const byId = new Map(roots.map((r) => [r.id, r]));
  for (const c of concepts) if (c.depth === 2 && c.parentId) byId.get(c.parentId)?.children.push({ id: c.id, title: c.title });
  return roots;
}

export interface QuizDeck {
  /** Titles of the chosen topics (empty when the whole deck is chosen). */
  topics: { id: string; title: string }[];
  /** Active cards inside the chosen subtrees. */
  cards: QuizCard[];
  /** Every active card: where distractors come from. */
  pool: QuizCard[];
}

/**
 * The cards of the chosen concept subtrees (all of the user's readable deck for no topics) and the
 * deck they sit in; null if a chosen topic does not exist or the user may not read it. Each card's
 * group is its nearest ancestor directly below a chosen topic (the note for a whole-deck quiz), or
 * the chosen topic itself.
 */
export async function getQuizDeck(userId: string, topicIds: readonly string[]): Promise<QuizDeck | null> {
  const [concepts, cards] = await Promise.all([
    prisma.concept.findMany({ where: { status: 'active', ...readableConcepts(userId) }, select: { id: true, title: true, parentId: true } }),
    prisma.card.findMany({
      where: { status: 'active', concept: { status: 'active', ...readableConcepts(userId) } },
      select: { id: true, conceptId: true, kind: true, question: true, answer: true, sourceLine: true },
    }),
  ]);
  const byId = new Map(concepts.map((c) => [c.id, c]));
  if (topicIds.some((id) => !byId.has(id))) return null;
  const chosen = new Set(topicIds);
  const paths = new Map<string, string[]>();
  const pathOf = (id: string): string[] => {
    let path = paths.get(id);
    if (!path) {
      path = [];
      // The length bound keeps a corrupt (cyclic) parent chain from looping.
      for (let at: string | null | undefined = id; at && byId.has(at) && path.length <= concepts.length; at = byId.get(at)!.parentId) path.unshift(at);
      paths.set(id, path);
    }
    return path;
  };
  const pool: QuizCard[] = [];
  const selected: QuizCard[] = [];
  for (const card of cards) {
    const path = pathOf(card.conceptId);
    const at = chosen.size === 0 ? -1 : path.findIndex((id) => chosen.has(id));
    const groupId = path[at + 1] ?? path[path.length - 1];
    const quizCard = { ...card, path, group: { id: groupId, title: byId.get(groupId)!.title } };
    pool.push(quizCard);
    if (chosen.size === 0 || at >= 0) selected.push(quizCard);
  }
  return { topics: topicIds.map((id) => ({ id, title: byId.get(id)!.title })), cards: selected, pool };
}

/** A stable answer id per (source, attempt, card), so a resubmitted attempt records each miss once. */
function missAnswerId(source: string, attemptId: string, cardId: string): string {
  return createHash('sha256').update(`${source}\u0000${attemptId}\u0000${cardId}`).digest('hex').slice(0, 32);
}

/**
 * Records each card the user failed to recall in a quiz or drill as a failed review (grade 1, log
 * kind = source) through recordAnswer, the daily review's answering path, so it is due again at
 * the next study day. Cards retired or suspended meanwhile are skipped; returns how many were recorded.
 */
export async function recordFailedRecall(
  userId: string, source: 'quiz' | 'drill', attemptId: string, cardIds: readonly string[], now: Date,
): Promise<number> {
  let recorded = 0;
  for (const cardId of new Set(cardIds)) {
    const state = await prisma.reviewState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { version: true } });
    try {
      await recordAnswer(userId, {
        cardId, grade: 1, answerId: missAnswerId(source, attemptId, cardId), version: state?.version ?? 0, timeTakenMs: 0, source,
      }, now);
      recorded++;
    } catch (error) {
      if (!(error instanceof StaleAnswerError || error instanceof CardNotFoundError)) throw error;
    }
  }
  return recorded;
}
