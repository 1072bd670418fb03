import { KeyAllocator, normaliseForKey } from './identity';
import type { NoteDeck } from './types';

/**
 * The deck with every concept and card key derived from `identity` instead of the path the note
 * was parsed under. Keys are stableKey(identity, ...headingPath) for concepts and
 * stableKey(conceptKey, kind, normalisedQuestion) for cards, each with a repeat index handed out
 * in document order (lib/ingest/segment, lib/ingest/ingest-note); the allocation depends only on
 * which keys repeat, so replaying it in deck order gives exactly the keys ingestNote would have
 * given under `identity`. Pure; rekeying twice with the same identity is a no-op.
 *
 * The deck writer calls it with the Source's stored key, so a renamed or moved note (a new path,
 * the same Source) keeps its concept and card keys.
 */
export function rekeyDeck(deck: NoteDeck, identity: string): NoteDeck {
  const conceptKeys = new KeyAllocator();
  const conceptKeyOf = new Map<string, string>();
  for (const concept of deck.concepts) conceptKeyOf.set(concept.key, conceptKeys.next(identity, ...concept.path));
  const mapped = (key: string) => {
    const next = conceptKeyOf.get(key);
    if (next === undefined) throw new Error(`${deck.file}: concept ${key} is not part of the note`);
    return next;
  };
  const cardKeys = new KeyAllocator();
  return {
    ...deck,
    concepts: deck.concepts.map((concept) => ({
      ...concept,
      key: mapped(concept.key),
      parentKey: concept.parentKey === null ? null : mapped(concept.parentKey),
    })),
    cards: deck.cards.map((card) => {
      const conceptKey = mapped(card.conceptKey);
      return { ...card, conceptKey, key: cardKeys.next(conceptKey, card.kind, normaliseForKey(card.question)) };
    }),
  };
}
