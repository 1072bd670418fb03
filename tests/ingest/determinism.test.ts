import { describe, expect, it } from 'vitest';
import { deckOf, note } from './support';

const BASE = note(
  '# Caching',
  '',
  '**Cache** is a fast store of copies of data.',
  '',
  '## Eviction',
  '',
  'What is LRU?',
  '',
  'Least recently used.',
  '',
  'LFU :: Least frequently used',
  'FIFO :: First in, first out',
  '',
  '## Notes',
  '',
  'TTL :: Time to live',
  '',
  '## Notes',
  '',
  'RPS :: Requests per second',
);

const keysByQuestion = (text: string, path?: string) =>
  Object.fromEntries(deckOf(text, path).cards.map((c) => [c.question, c.key]));
const conceptKeys = (text: string) => deckOf(text).concepts.map((c) => c.key);

describe('ingest is deterministic', () => {
  it('the same note twice gives the same deck, keys included', () => {
    expect(deckOf(BASE)).toEqual(deckOf(BASE));
  });

  it('every card and concept key is unique', () => {
    const deck = deckOf(BASE);
    expect(new Set(deck.cards.map((c) => c.key)).size).toBe(deck.cards.length);
    expect(new Set(deck.concepts.map((c) => c.key)).size).toBe(deck.concepts.length);
  });

  it('the content hash changes with the text', () => {
    expect(deckOf(BASE).contentHash).toBe(deckOf(BASE).contentHash);
    expect(deckOf(`${BASE}\n`).contentHash).not.toBe(deckOf(BASE).contentHash);
  });
});

describe('edits keep the keys of untouched cards', () => {
  const before = keysByQuestion(BASE);

  it.each([
    ['rewording one answer', BASE.replace('Least frequently used', 'Evicts the least often read entry'), []],
    // The cloze twin asks the reworded sentence itself, so it is a new card; the definition keeps its key.
    ['rewording one definition', BASE.replace('a fast store of copies', 'an in-memory store of copies'),
      ['Fill in the blank: ____ is a fast store of copies of data.']],
    ['adding a paragraph at the top, which shifts every line', BASE.replace('# Caching\n', '# Caching\n\nIntro paragraph.\n'), []],
    ['changing whitespace and line ends', BASE.replace(/\n/g, '\r\n'), []],
    ['rewording one question', BASE.replace('FIFO ::', 'First-in-first-out ::'), ['FIFO?']],
    ['deleting one card', BASE.replace('LFU :: Least frequently used\n', ''), ['LFU?']],
  ])('%s', (_case, edited, changed: string[]) => {
    const after = keysByQuestion(edited);
    // Every question named as changed must be one the base note really has.
    for (const question of changed) expect(Object.keys(before)).toContain(question);
    for (const [question, key] of Object.entries(before)) {
      if (changed.includes(question)) expect(Object.values(after)).not.toContain(key);
      else expect(after[question], question).toBe(key);
    }
  });

  it('rewording an answer keeps that card key too', () => {
    const edited = deckOf(BASE.replace('Least frequently used', 'Evicts the least often read entry'));
    const card = edited.cards.find((c) => c.question === 'LFU?');
    expect(card?.answer).toBe('Evicts the least often read entry');
    expect(card?.key).toBe(before['LFU?']);
  });

  it('adding a section keeps the keys of the concepts around it', () => {
    const edited = BASE.replace('## Eviction', '## Sizing\n\nHow big?\n\n## Eviction');
    const kept = conceptKeys(edited);
    for (const key of conceptKeys(BASE)) expect(kept).toContain(key);
  });

  it('the keys of repeated "Notes" sections follow document order', () => {
    const deck = deckOf(BASE);
    const notes = deck.concepts.filter((c) => c.title === 'Notes').map((c) => c.key);
    const again = deckOf(BASE).concepts.filter((c) => c.title === 'Notes').map((c) => c.key);
    expect(again).toEqual(notes);
    expect(notes[0]).not.toBe(notes[1]);
  });

  it('moving a note to another path gives it new keys', () => {
    const moved = keysByQuestion(BASE, 'archive/caching.md');
    for (const key of Object.values(before)) expect(Object.values(moved)).not.toContain(key);
  });
});
