import 'server-only';
import { prisma } from './client';

export interface TopicNode {
  id: string;
  title: string;
  cardCount: number;
  children: TopicNode[];
}

export interface SourceTopics {
  id: string;
  path: string;
  title: string;
  topics: TopicNode[];
}

export async function getDeckStats() {
  const [sources, concepts, cards] = await Promise.all([
    prisma.source.count(),
    prisma.concept.count({ where: { status: 'active' } }),
    prisma.card.count({ where: { status: 'active' } }),
  ]);
  return { sources, concepts, cards };
}

/** Every note with its active concepts as a tree (file -> headings), in note order. */
export async function getTopicTree(): Promise<SourceTopics[]> {
  const [sources, concepts, counts] = await Promise.all([
    prisma.source.findMany({ orderBy: { path: 'asc' }, select: { id: true, path: true, title: true } }),
    prisma.concept.findMany({
      where: { status: 'active' },
      orderBy: [{ sourceId: 'asc' }, { order: 'asc' }],
      select: { id: true, title: true, parentId: true, sourceId: true },
    }),
    prisma.card.groupBy({ by: ['conceptId'], where: { status: 'active' }, _count: { _all: true } }),
  ]);
  const cardCount = new Map(counts.map((c) => [c.conceptId, c._count._all]));
  const nodes = new Map<string, TopicNode>(
    concepts.map((c) => [c.id, { id: c.id, title: c.title, cardCount: cardCount.get(c.id) ?? 0, children: [] }]),
  );
  const roots = new Map<string, TopicNode[]>(sources.map((s) => [s.id, []]));
  for (const c of concepts) {
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots.get(c.sourceId))?.push(nodes.get(c.id)!);
  }
  return sources.map((s) => ({ ...s, topics: roots.get(s.id) ?? [] }));
}

export interface ConceptPage {
  id: string;
  title: string;
  path: string[];
  body: string;
  source: { path: string; title: string };
  startLine: number;
  children: { id: string; title: string }[];
  cards: { id: string; kind: string; question: string; answer: string; sourceLine: number; due: Date | null }[];
}

/** A concept with its note text and cards; `due` is the given user's next review of each card. */
export async function getConceptPage(userId: string, conceptId: string): Promise<ConceptPage | null> {
  const concept = await prisma.concept.findFirst({
    where: { id: conceptId, status: 'active' },
    include: {
      source: { select: { path: true, title: true } },
      children: { where: { status: 'active' }, orderBy: { order: 'asc' }, select: { id: true, title: true } },
      cards: {
        where: { status: 'active' },
        orderBy: { order: 'asc' },
        select: {
          id: true, kind: true, question: true, answer: true, sourceLine: true,
          reviewStates: { where: { userId }, select: { due: true } },
        },
      },
    },
  });
  if (!concept) return null;
  return {
    id: concept.id,
    title: concept.title,
    path: JSON.parse(concept.headingPath) as string[],
    body: concept.body,
    source: concept.source,
    startLine: concept.startLine,
    children: concept.children,
    cards: concept.cards.map(({ reviewStates, ...card }) => ({ ...card, due: reviewStates[0]?.due ?? null })),
  };
}
