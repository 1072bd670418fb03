import type { NoteDeck } from './types';

/**
 * What makes a deck unwritable, as "file:line: message": a card or concept pointing at a concept
 * the note does not have, a child listed before its parent, or a key used twice. The deck writer
 * checks every deck of a run before its first write, so a run with one bad deck writes nothing.
 */
export function deckProblems(deck: NoteDeck): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const concept of deck.concepts) {
    if (seen.has(concept.key)) problems.push(`${deck.file}:${concept.startLine}: concept key ${concept.key} is used twice`);
    if (concept.parentKey !== null && !seen.has(concept.parentKey)) {
      problems.push(`${deck.file}:${concept.startLine}: concept ${concept.key} has no parent ${concept.parentKey} before it`);
    }
    seen.add(concept.key);
  }
  const cardKeys = new Set<string>();
  for (const card of deck.cards) {
    if (!seen.has(card.conceptKey)) {
      problems.push(
        `${deck.file}:${card.line}: card ${card.key} has no conceptId: concept ${card.conceptKey} is not part of the note`,
      );
    }
    if (cardKeys.has(card.key)) problems.push(`${deck.file}:${card.line}: card key ${card.key} is used twice`);
    cardKeys.add(card.key);
  }
  return problems;
}
