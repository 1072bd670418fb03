import { describe, expect, it } from 'vitest';
import { ingestNote } from '@/lib/ingest/ingest-note';
import { rekeyDeck } from '@/lib/ingest/rekey';
import { deckProblems } from '@/lib/ingest/validate-deck';
import type { NoteDeck } from '@/lib/ingest/types';

/** Repeated headings and repeated questions: the keys that need a repeat index. */
const NOTE = [
  '# Caching',
  '',
  'What is a cache? :: A fast store of copies.',
  'What is a cache? :: Also: a hidden store of supplies.',
  '',
  '## Notes',
  '',
  'What is a TTL? :: How long an entry lives.',
  '',
  '## Notes',
  '',
  'What is a TTL? :: The time before an entry expires.',
  '',
  '### Deeper',
  '',
  'What is LRU? :: Least recently used.',
].join('\n');

const deckAt = (storedPath: string): NoteDeck => {
  const result = ingestNote({ path: 'any/where.md', storedPath, text: NOTE });
  if (!result.ok) throw new Error(result.error.message);
  return result.deck;
};

describe('rekeyDeck', () => {
  it.each([
    ['content/caching.md', 'content/renamed.md'],
    ['content/caching.md', 'user-1/notes/caching.md'],
    ['a.md', 'content/caching.md#2'],
  ])('a deck parsed as %s rekeyed to %s has the keys it would have been parsed with', (from, to) => {
    expect(rekeyDeck(deckAt(from), to)).toEqual(deckAt(to));
  });

  it('rekeying to the same identity changes nothing', () => {
    const deck = deckAt('content/caching.md');
    expect(rekeyDeck(deck, 'content/caching.md')).toEqual(deck);
  });

  it('keys differ between identities, and stay unique within the deck', () => {
    const a = deckAt('content/caching.md');
    const b = rekeyDeck(a, 'content/other.md');
    expect(new Set([...a.cards, ...b.cards].map((c) => c.key)).size).toBe(a.cards.length * 2);
    expect(deckProblems(b)).toEqual([]);
  });
});

describe('deckProblems', () => {
  it('names the file and line of a card whose concept is not in the note', () => {
    const deck = deckAt('content/caching.md');
    const broken = { ...deck, cards: [{ ...deck.cards[0], conceptKey: 'nowhere' }] };
    expect(deckProblems(broken)).toEqual([
      `any/where.md:3: card ${deck.cards[0].key} has no conceptId: concept nowhere is not part of the note`,
    ]);
  });

  it('finds a child listed before its parent and a key used twice', () => {
    const deck = deckAt('content/caching.md');
    const [root, ...rest] = deck.concepts;
    expect(deckProblems({ ...deck, concepts: [...rest, root] })[0]).toMatch(/has no parent .* before it/);
    expect(deckProblems({ ...deck, cards: [deck.cards[0], deck.cards[0]] })).toEqual([
      `any/where.md:3: card key ${deck.cards[0].key} is used twice`,
    ]);
  });
});
