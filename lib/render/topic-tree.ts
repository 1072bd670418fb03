/**
 * The topic tree of the reading views, built from flat rows. Pure: the counts come from one
 * grouped query (lib/db/topics), whatever the size of the deck.
 */

/** A card counts as known once SM-2 has spaced it out this far (either condition). */
export const KNOWN_MIN_REPETITIONS = 3;
export const KNOWN_MIN_INTERVAL_DAYS = 21;
/** Share of a concept's cards that must be known for the concept to show as known. */
export const KNOWN_SHARE = 0.8;

/** "untested": the section produced no card, so the deck does not test it yet. */
export type Mastery = 'untested' | 'new' | 'learning' | 'known';

/** One user's view of a concept's active cards. */
export interface CardCounts {
  cards: number;
  /** Reviewed before, not suspended, due now or earlier. */
  due: number;
  /** Never answered (no review state). */
  fresh: number;
  known: number;
}

export const NO_CARDS: CardCounts = { cards: 0, due: 0, fresh: 0, known: 0 };

export function masteryOf({ cards, fresh, known }: CardCounts): Mastery {
  if (cards === 0) return 'untested';
  if (known >= cards * KNOWN_SHARE) return 'known';
  return fresh < cards ? 'learning' : 'new';
}

export interface TopicNode extends CardCounts {
  id: string;
  title: string;
  mastery: Mastery;
  children: TopicNode[];
}

export interface SourceTopics {
  id: string;
  path: string;
  title: string;
  cards: number;
  due: number;
  topics: TopicNode[];
}

export interface ConceptRow {
  id: string;
  title: string;
  parentId: string | null;
  sourceId: string;
}

/**
 * Sources in the given order, each with its concepts as a tree. `concepts` must be in note order;
 * a concept whose parent is not among them (retired) hangs at the top of its source.
 */
export function buildTopicTree(
  sources: { id: string; path: string; title: string }[],
  concepts: ConceptRow[],
  counts: Map<string, CardCounts>,
): SourceTopics[] {
  const nodes = new Map<string, TopicNode>();
  for (const c of concepts) {
    const stats = counts.get(c.id) ?? NO_CARDS;
    nodes.set(c.id, { id: c.id, title: c.title, ...stats, mastery: masteryOf(stats), children: [] });
  }
  const bySource = new Map(sources.map((s) => [s.id, { ...s, cards: 0, due: 0, topics: [] as TopicNode[] }]));
  for (const c of concepts) {
    const node = nodes.get(c.id)!;
    const source = bySource.get(c.sourceId);
    if (!source) continue;
    source.cards += node.cards;
    source.due += node.due;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : source.topics).push(node);
  }
  return [...bySource.values()];
}
