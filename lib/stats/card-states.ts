/**
 * Cards by state, and mastery per topic, pure. lib/db/stats.ts counts the user's active cards per
 * concept and state (from ConceptStateCount, which the triggers of migration 0012 keep by these
 * same rules and thresholds: changing either needs a migration that recreates them); this module
 * adds them up the topic tree.
 *
 * States of a card for one user, first match wins (the SQL applies the same order):
 * - suspended: suspended by the user or as a leech, whatever its interval;
 * - new: never answered (no review state);
 * - mature: interval >= MATURE_INTERVAL_DAYS (21 days, Anki's definition);
 * - learning: fewer than LEARNING_REPETITIONS passes in a row, i.e. still on SM-2's fixed first
 *   intervals (1 day, then 6 days) or just failed;
 * - young: every other reviewed card.
 */

/** SM-2's first two passes use fixed intervals; the ease factor applies from the third on. */
export const LEARNING_REPETITIONS = 2;

export const CARD_STATES = ['new', 'learning', 'young', 'mature', 'suspended'] as const;
export type CardState = (typeof CARD_STATES)[number];
export type StateCounts = Record<CardState, number>;

export const NO_CARDS: StateCounts = { new: 0, learning: 0, young: 0, mature: 0, suspended: 0 };

export function addCounts(a: StateCounts, b: StateCounts): StateCounts {
  return {
    new: a.new + b.new,
    learning: a.learning + b.learning,
    young: a.young + b.young,
    mature: a.mature + b.mature,
    suspended: a.suspended + b.suspended,
  };
}

export function totalCards(c: StateCounts): number {
  return c.new + c.learning + c.young + c.mature + c.suspended;
}

export interface TopicConcept {
  id: string;
  title: string;
  parentId: string | null;
}

export interface TopicMastery {
  id: string;
  title: string;
  counts: StateCounts;
  cards: number;
  /** Share of the topic's cards that are mature (0 for a topic without cards). */
  mastery: number;
}

/**
 * Per top-level topic (a concept without an active parent: a note's title or its top headings),
 * the states of every card under it, in the order of `concepts` (deck order). Topics without
 * cards are left out.
 */
export function topicMastery(concepts: readonly TopicConcept[], counts: ReadonlyMap<string, StateCounts>): TopicMastery[] {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const rootOf = (id: string): string => {
    let at = byId.get(id)!;
    // The length bound keeps a corrupt (cyclic) parent chain from looping.
    for (let steps = 0; at.parentId && byId.has(at.parentId) && steps < concepts.length; steps++) at = byId.get(at.parentId)!;
    return at.id;
  };
  const topics = new Map<string, StateCounts>();
  for (const c of concepts) {
    const own = counts.get(c.id);
    if (!own) continue;
    const root = rootOf(c.id);
    topics.set(root, addCounts(topics.get(root) ?? NO_CARDS, own));
  }
  return concepts
    .filter((c) => topics.has(c.id) && totalCards(topics.get(c.id)!) > 0)
    .map((c) => {
      const stateCounts = topics.get(c.id)!;
      const cards = totalCards(stateCounts);
      return { id: c.id, title: c.title, counts: stateCounts, cards, mastery: stateCounts.mature / cards };
    });
}

/** Every card's state added up. */
export function stateTotals(counts: ReadonlyMap<string, StateCounts>): StateCounts {
  let total = NO_CARDS;
  for (const c of counts.values()) total = addCounts(total, c);
  return total;
}
