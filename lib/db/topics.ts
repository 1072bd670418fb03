import 'server-only';
import {
  buildTopicTree,
  KNOWN_MIN_INTERVAL_DAYS,
  KNOWN_MIN_REPETITIONS,
  type CardCounts,
  type SourceTopics,
} from '../render/topic-tree';
import { z } from 'zod';
import { prisma } from './client';
import { readableConcepts, readableCards, readableSources, sourceIsReadable } from './readable';

/** How many notes, active concepts and active cards the user may study. */
export async function getDeckStats(userId: string) {
  const [sources, concepts, cards] = await Promise.all([
    prisma.source.count({ where: readableSources(userId) }),
    prisma.concept.count({ where: { status: 'active', ...readableConcepts(userId) } }),
    prisma.card.count({ where: { status: 'active', ...readableCards(userId) } }),
  ]);
  return { sources, concepts, cards };
}

/**
 * Per concept, the user's view of its active cards, in one grouped query over Card left-joined to
 * the user's ReviewState (primary key lookups), so the cost does not grow with queries per concept.
 */
async function cardCountsByConcept(userId: string, now: Date): Promise<Map<string, CardCounts>> {
  const rows = await prisma.$queryRaw<{ conceptId: string; cards: bigint | number; due: bigint | number; fresh: bigint | number; known: bigint | number }[]>`
    SELECT c."conceptId" AS "conceptId",
           COUNT(*) AS cards,
           COALESCE(SUM(rs."cardId" IS NOT NULL AND rs."suspended" = 0 AND rs."due" <= ${now}), 0) AS due,
           COALESCE(SUM(rs."cardId" IS NULL), 0) AS fresh,
           COALESCE(SUM(rs."repetitions" >= ${KNOWN_MIN_REPETITIONS} OR rs."intervalDays" >= ${KNOWN_MIN_INTERVAL_DAYS}), 0) AS known
    FROM "Source" s
    JOIN "Concept" co ON co."sourceId" = s."id"
    JOIN "Card" c ON c."conceptId" = co."id"
    LEFT JOIN "ReviewState" rs ON rs."cardId" = c."id" AND rs."userId" = ${userId}
    WHERE c."status" = 'active' AND ${sourceIsReadable(userId, 's')}
    GROUP BY c."conceptId"`;
  return new Map(
    rows.map((r) => [r.conceptId, { cards: Number(r.cards), due: Number(r.due), fresh: Number(r.fresh), known: Number(r.known) }]),
  );
}

/**
 * Every note the user may read with its active concepts as a tree (file -> headings), in note
 * order, with the user's card counts.
 */
export async function getTopicTree(userId: string, now: Date): Promise<SourceTopics[]> {
  const [sources, concepts, counts] = await Promise.all([
    prisma.source.findMany({
      where: readableSources(userId),
      orderBy: [{ path: 'asc' }, { id: 'asc' }],
      select: { id: true, path: true, title: true },
    }),
    prisma.concept.findMany({
      where: { status: 'active', ...readableConcepts(userId) },
      orderBy: [{ sourceId: 'asc' }, { order: 'asc' }],
      select: { id: true, title: true, parentId: true, sourceId: true },
    }),
    cardCountsByConcept(userId, now),
  ]);
  return buildTopicTree(sources, concepts, counts);
}

export interface ConceptLink {
  id: string;
  title: string;
}

export interface ConceptCard {
  id: string;
  kind: string;
  question: string;
  answer: string;
  sourceLine: number;
  /** The user's next review; null for a card never answered. */
  due: Date | null;
  suspended: boolean;
}

export interface ConceptPage {
  id: string;
  title: string;
  body: string;
  startLine: number;
  /** Note line of each body line; empty when they run on from startLine. */
  lineMap: number[];
  source: { path: string; title: string };
  /** From the outermost heading down to the parent. */
  ancestors: ConceptLink[];
  previous: ConceptLink | null;
  next: ConceptLink | null;
  children: (ConceptLink & { cardCount: number })[];
  cards: ConceptCard[];
}

/**
 * A concept with its note text, its place in the note, and its cards as the given user sees them;
 * null when there is no such active concept or the user may not read it.
 */
export async function getConceptPage(userId: string, conceptId: string): Promise<ConceptPage | null> {
  const concept = await prisma.concept.findFirst({
    where: { id: conceptId, status: 'active', ...readableConcepts(userId) },
    select: {
      id: true, title: true, body: true, startLine: true, lineMap: true, sourceId: true,
      source: { select: { path: true, title: true } },
      children: {
        where: { status: 'active' },
        orderBy: { order: 'asc' },
        select: { id: true, title: true, _count: { select: { cards: { where: { status: 'active' } } } } },
      },
      cards: {
        where: { status: 'active' },
        orderBy: { order: 'asc' },
        select: {
          id: true, kind: true, question: true, answer: true, sourceLine: true,
          reviewStates: { where: { userId }, select: { due: true, suspended: true } },
        },
      },
    },
  });
  if (!concept) return null;
  const outline = await prisma.concept.findMany({
    where: { sourceId: concept.sourceId, status: 'active' },
    orderBy: { order: 'asc' },
    select: { id: true, title: true, parentId: true },
  });
  const byId = new Map(outline.map((c) => [c.id, c]));
  const ancestors: ConceptLink[] = [];
  // The length bound keeps a corrupt (cyclic) parent chain from looping.
  for (let at = byId.get(concept.id)?.parentId; at && byId.has(at) && ancestors.length < outline.length; at = byId.get(at)!.parentId) {
    const { id, title } = byId.get(at)!;
    ancestors.unshift({ id, title });
  }
  const index = outline.findIndex((c) => c.id === concept.id);
  const link = (c: ConceptLink | undefined) => (c ? { id: c.id, title: c.title } : null);
  return {
    id: concept.id,
    title: concept.title,
    body: concept.body,
    startLine: concept.startLine,
    lineMap: parseLineMap(concept.lineMap),
    source: concept.source,
    ancestors,
    previous: link(outline[index - 1]),
    next: link(outline[index + 1]),
    children: concept.children.map(({ _count, ...child }) => ({ ...child, cardCount: _count.cards })),
    cards: concept.cards.map(({ reviewStates: [state], ...card }) => ({
      ...card,
      due: state?.due ?? null,
      suspended: state?.suspended ?? false,
    })),
  };
}

const LineMap = z.array(z.number().int().positive());

/** The stored line map; one that does not parse falls back to lines running on from startLine. */
function parseLineMap(json: string): number[] {
  try {
    const parsed = LineMap.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
