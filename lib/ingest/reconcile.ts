import type { CardDraft } from './types';

/** A card already in the deck, as the reconciler needs to see it. */
export interface ExistingCard {
  id: string;
  key: string;
  question: string;
  answer: string;
  explanation: string | null;
  kind: string;
  conceptKey: string;
  sourceLine: number;
  status: string;
}

export interface CardPlan {
  create: CardDraft[];
  /** Cards whose text, place or status changed; the id (and so the review history) is kept. */
  update: { id: string; draft: CardDraft; revived: boolean; reworded: boolean }[];
  unchanged: number;
  /** Ids of active cards whose source disappeared: retired, never deleted. */
  retire: string[];
}

/**
 * Matches a note's new cards against the cards it produced before. Invariant: no existing card
 * is ever dropped from the plan; each one is updated, counted unchanged or retired.
 */
export function reconcileCards(existing: ExistingCard[], incoming: CardDraft[]): CardPlan {
  const byKey = new Map(existing.map((card) => [card.key, card]));
  const plan: CardPlan = { create: [], update: [], unchanged: 0, retire: [] };
  const matched = new Set<string>();

  for (const draft of incoming) {
    const old = byKey.get(draft.key);
    if (!old) {
      plan.create.push(draft);
      continue;
    }
    matched.add(old.id);
    const revived = old.status !== 'active';
    const reworded =
      old.question !== draft.question ||
      old.answer !== draft.answer ||
      (old.explanation ?? undefined) !== draft.explanation;
    const moved = old.sourceLine !== draft.line || old.conceptKey !== draft.conceptKey || old.kind !== draft.kind;
    if (revived || reworded || moved) plan.update.push({ id: old.id, draft, revived, reworded });
    else plan.unchanged++;
  }
  for (const card of existing) {
    if (!matched.has(card.id) && card.status === 'active') plan.retire.push(card.id);
  }
  return plan;
}
