import { describe, expect, it } from 'vitest';
import { cardProblem } from '@/lib/ingest/card-checks';
import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS } from '@/lib/ingest/limits';
import { deckOf, note } from './support';

const MARKUP = /\*\*|__|<\/?[a-z][^>]*>|\]\(|!\[/i;
/** The one "____" blank of a cloze card is not markup; any other "__" still is. */
const withoutBlank = (card: { kind: string; question: string }) =>
  card.kind === 'cloze' ? card.question.replace('____', '') : card.question;

/** Notes written to tempt the extractor into bad cards. */
const NASTY_NOTES: [string, string][] = [
  ['links, images and HTML in every kind of card', note(
    '# Caching <small>(draft)</small>',
    '',
    '**Cache** is a [fast](https://x.io) store <em>of</em> copies ![img](a.png) of data.',
    '',
    '- **TTL**: see [the docs](https://redis.io) for <b>details</b>.',
    '',
    'What is a **hot key**? :: A key with _far_ more traffic than <i>others</i>.',
    '',
    '## Why use a [CDN](https://cdn.io)?',
    '',
    'It puts **content** near <abbr>users</abbr>.',
  )],
  ['very long questions and answers', note(
    '# Limits',
    '',
    `Why ${'is this so long '.repeat(25)}?`,
    '',
    'Short answer.',
    '',
    'Why is the answer long?',
    '',
    'Word word word. '.repeat(120).trim(),
    '',
    `${'q'.repeat(MAX_QUESTION_CHARS + 1)} :: too long a question`,
    '',
    `Short question :: ${'a'.repeat(MAX_ANSWER_CHARS + 1)}`,
    '',
    `**Huge** is ${'very '.repeat(300)}big.`,
  )],
  ['empty sides', note('# Empty', '', '**Blank**:', '', 'What is empty?', '', '---', '', 'Q :: ', '', ' :: A')],
];

describe('every card is fit to study', () => {
  it.each(NASTY_NOTES)('%s', (_case, text) => {
    for (const card of deckOf(text).cards) {
      expect(card.question.trim(), card.question).not.toBe('');
      expect(card.answer.trim(), card.question).not.toBe('');
      expect(card.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
      expect(card.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
      expect(withoutBlank(card)).not.toMatch(MARKUP);
      expect(card.question, 'a question ends in "?" or has a blank').toMatch(/\?$|____/);
      expect(card.answer).not.toMatch(MARKUP);
    }
  });

  it('keeps the clean text of cards written with links and HTML', () => {
    const cards = deckOf(NASTY_NOTES[0][1]).cards.map((c) => [c.question, c.answer]);
    expect(cards).toEqual([
      ['What is Cache?', 'Cache is a fast store of copies of data.'],
      ['Fill in the blank: ____ is a fast store of copies of data.', 'Cache'],
      ['What is TTL?', 'See the docs for details.'],
      ['What is a hot key?', 'A key with far more traffic than others.'],
      ['Why use a CDN?', 'It puts content near users.'],
    ]);
  });

  it('cuts a long answer at a whole sentence, never mid-sentence', () => {
    const card = deckOf(NASTY_NOTES[1][1]).cards.find((c) => c.question === 'Why is the answer long?');
    expect(card).toBeDefined();
    expect(card!.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(card!.answer.length).toBeGreaterThan(MAX_ANSWER_CHARS - 'Word word word. '.length);
    expect(card!.answer).toMatch(/^Word word word\.( Word word word\.)+$/);
  });
});

describe('cards that cannot be fixed are skipped with a warning', () => {
  it.each([
    ['a question over the limit', `${'q'.repeat(MAX_QUESTION_CHARS + 1)} :: answer`, /question longer than 300/],
    ['an answer over the limit', `Question :: ${'a'.repeat(MAX_ANSWER_CHARS + 1)}`, /answer longer than 1200/],
  ])('%s', (_case, line, message) => {
    const deck = deckOf(note('# Caching', '', line));
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([{ file: 'notes/caching.md', line: 3, message: expect.stringMatching(message) }]);
  });

  // A question the note asks, answered by the paragraph after it.
  it.each([
    ['markup kept verbatim in inline code', 'What does `<div>` mean?', 'A block element.', /markup/],
    ['escaped bold markers', 'What is \\*\\*x\\*\\*?', 'A bold thing.', /markup/],
    ['an answer that repeats the question', 'Same thing again?', 'Same thing again!', /repeats the question/],
    ['an answer that is a link', 'Where are the docs?', 'At https://redis.io/docs for reference.', /link/],
    ['an answer about a figure', 'What does the flow look like?', 'It goes the way Figure 4 draws it.', /figure/],
    ['an answer ending in "and"', 'Why shard at all?', 'Because one node cannot hold all the data and', /mid-sentence/],
    ['an answer ending in a comma', 'Why shard at all?', 'Because one node cannot hold all the data,', /mid-sentence/],
    ['an answer with an unclosed parenthesis', 'Why shard at all?', 'Because one node (the primary', /mid-sentence/],
    ['an answer that lost its end with a figure', 'What is the sending flow?', 'The sending flow is.', /mid-sentence/],
    ['an answer ending on the colon of a lead-in', 'What does the service do?', 'It supports the following APIs:', /mid-sentence/],
    ['LaTeX left in an answer', 'How much is replicated?', 'About \\frac{1}{3} of the data.', /markup/],
    ['a question pointing at the page', 'What is sharding as shown above?', 'Splitting data across nodes.', /page around it/],
  ])('%s', (_case, question, answer, message) => {
    const deck = deckOf(note('# Caching', '', question, '', answer));
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([{ file: 'notes/caching.md', line: 3, message: expect.stringMatching(message) }]);
  });

  it.each([
    ['markup in inline code', 'What does `<div>` mean? :: A block element.'],
    ['a URL', 'Where are the docs? :: At https://redis.io/docs for reference.'],
    ['an answer that repeats the question', 'Same thing :: same thing!'],
    ['a statement as the prompt', 'Capital of France :: Paris'],
  ])('an author card with %s is kept as written', (_case, line) => {
    expect(deckOf(note('# Caching', '', line)).cards).toHaveLength(1);
  });

  it('a figure reference that can be cut out is removed instead', () => {
    const deck = deckOf(note('# Caching', '', 'Why retry? :: As shown in Figure 4, the client retries.'));
    expect(deck.cards.map((c) => [c.question, c.answer])).toEqual([['Why retry?', 'The client retries.']]);
    expect(deck.warnings).toEqual([]);
  });

  it('a definition whose answer is a link is skipped with a warning', () => {
    const deck = deckOf(note('# Caching', '', '**Redis** is an in-memory store, see https://redis.io for details.'));
    expect(deck.cards.filter((c) => c.kind === 'definition')).toEqual([]);
    expect(deck.warnings).toContainEqual({ file: 'notes/caching.md', line: 3, message: expect.stringMatching(/link/) });
  });

  it.each([
    ['a statement', 'Caching'],
    ['a question mark in the middle', 'Why? Caching'],
  ])('a question that is %s is not a question', (_case, question) => {
    expect(cardProblem({ question, answer: 'Memory is fast.' })).toMatch(/not a question/);
  });

  it.each([
    ['ends in "?"', 'Why cache?'],
    ['ends in a full-width "？"', 'Why cache？'],
    ['has a cloze blank', 'Fill in the blank: ____ is fast.'],
  ])('a question that %s is a question', (_case, question) => {
    expect(cardProblem({ question, answer: 'Memory is fast.' })).toBeNull();
  });

  it('a question paragraph too long to be a question is not a card and not a warning', () => {
    const deck = deckOf(note('# Caching', '', `Why ${'x'.repeat(MAX_QUESTION_CHARS)}?`, '', 'Answer.'));
    expect(deck.cards).toEqual([]);
    expect(deck.warnings).toEqual([]);
  });

  it('an answer with no whole sentence under the limit gives no card', () => {
    const deck = deckOf(note('# Caching', '', 'Why is it long?', '', `${'word '.repeat(300).trim()}.`));
    expect(deck.cards).toEqual([]);
  });
});

describe('duplicates', () => {
  it.each([
    ['the same card twice', ['What is a cache? :: A fast store.', '', 'What is a cache? :: A fast store.']],
    ['differing only in case and punctuation', ['What is a cache? :: A fast store.', '', 'what is a CACHE :: a fast store!']],
    ['in two different sections', ['What is a cache? :: A fast store.', '', '## Again', '', 'What is a cache? :: A fast store.']],
  ])('%s are merged into the first', (_case, lines) => {
    const deck = deckOf(note('# Caching', '', ...lines));
    expect(deck.cards).toHaveLength(1);
    expect(deck.cards[0].line).toBe(3);
    expect(deck.warnings).toEqual([]);
  });

  it('the same definition written twice is merged into the first, cloze twin included', () => {
    const deck = deckOf(note('# Caching', '', '**Cache** is a fast store of data.', '', '- **Cache** is a fast store of data.'));
    expect(deck.cards.map((c) => [c.kind, c.line])).toEqual([['definition', 3], ['cloze', 3]]);
    expect(deck.warnings).toEqual([]);
  });

  it('the same question with a different answer is kept as two cards with distinct keys', () => {
    const deck = deckOf(note('# Caching', '', 'What is a cache? :: A fast store.', '', 'What is a cache? :: A copy of data.'));
    expect(deck.cards.map((c) => c.answer)).toEqual(['A fast store.', 'A copy of data.']);
    expect(new Set(deck.cards.map((c) => c.key)).size).toBe(2);
  });
});
