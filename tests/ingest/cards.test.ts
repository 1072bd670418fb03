import { describe, expect, it } from 'vitest';
import { cardsOf, deckOf, note } from './support';

/** A note with one section, so each case shows only the text that matters. */
const section = (...lines: string[]) => note('# Caching', '', ...lines);

describe('explicit "Question :: Answer" cards', () => {
  it.each([
    ['one card', ['What is a cache? :: A fast store of copies.'], [['What is a cache?', 'A fast store of copies.']]],
    ['one card per line', ['LRU :: Least recently used', 'LFU :: Least frequently used'], [
      ['LRU?', 'Least recently used'], ['LFU?', 'Least frequently used'],
    ]],
    ['plain lines between cards are ignored', ['TTL? :: Time to live', 'just a remark', 'RPS :: Requests per second'], [
      ['TTL?', 'Time to live'], ['RPS?', 'Requests per second'],
    ]],
    ['a prompt written as a statement gets a "?"', ['Capital of France :: Paris'], [['Capital of France?', 'Paris']]],
    ['a prompt that already ends in "?" gets no second one', ['Why cache? :: Memory is fast.'], [['Why cache?', 'Memory is fast.']]],
    ['markup is dropped from both sides', ['What is **Redis**? :: An [in-memory](https://redis.io) store.'], [
      ['What is Redis?', 'An in-memory store.'],
    ]],
    ['":::" makes a card both ways', ['What is a cache? ::: A fast store.'], [['What is a cache?', 'A fast store.'], ['A fast store.', 'What is a cache?']]],
    ['"::" needs no spaces', ['TTL::Time to live'], [['TTL?', 'Time to live']]],
    ['"::" in inline code is not a separator', ['`std::vector` is a C++ type'], []],
  ])('%s', (_case, lines, expected) => {
    expect(cardsOf(section(...lines)).filter(([kind]) => kind === 'explicit')).toEqual(expected.map(([q, a]) => ['explicit', q, a]));
  });

  it('each card points at its own line', () => {
    const deck = deckOf(section('LRU :: Least recently used', 'LFU :: Least frequently used'));
    expect(deck.cards.map((c) => c.line)).toEqual([3, 4]);
  });

  it('a line of explicit cards is not also read as a definition', () => {
    expect(cardsOf(section('**Cache** is fast :: A store of copies of data.'))).toEqual([
      ['explicit', 'Cache is fast?', 'A store of copies of data.'],
    ]);
  });
});

describe('definition cards', () => {
  // A definition written as a full sentence also gives its fill-in-the-blank twin.
  it.each([
    ['"**Term** is ..."', '**Cache** is a fast store of copies of data.', 'What is Cache?', 'Cache is a fast store of copies of data.',
      'Fill in the blank: ____ is a fast store of copies of data.', 'Cache'],
    ['"**Terms** are ..."', '**Caches** are fast stores of copies.', 'What are Caches?', 'Caches are fast stores of copies.',
      'Fill in the blank: ____ are fast stores of copies.', 'Caches'],
    ['"**Term** refers to ..."', '**Sharding** refers to splitting data across nodes.', 'What is Sharding?', 'Sharding refers to splitting data across nodes.',
      'Fill in the blank: ____ refers to splitting data across nodes.', 'Sharding'],
    ['"**Term** means ..."', '**Quorum** means a majority of replicas agree.', 'What is Quorum?', 'Quorum means a majority of replicas agree.',
      'Fill in the blank: ____ means a majority of replicas agree.', 'Quorum'],
    ['"A Term is ..." keeps its article in the blank', 'A CDN is a network of servers that deliver static content.', 'What is a CDN?',
      'A CDN is a network of servers that deliver static content.', 'Fill in the blank: A ____ is a network of servers that deliver static content.', 'CDN'],
  ])('%s gives a definition and a cloze card', (_case, line, question, answer, cloze, term) => {
    expect(cardsOf(section(line))).toEqual([['definition', question, answer], ['cloze', cloze, term]]);
  });

  // A "Term: text" definition is not a sentence, so it has no cloze twin.
  it.each([
    ['"**Term**: ..."', '**Cache-aside**: the application checks the cache first.', 'What is Cache-aside?', 'The application checks the cache first.'],
    ['"**Term:** ..." (colon inside the bold)', '**TTL:** the lifetime of a cache entry.', 'What is TTL?', 'The lifetime of a cache entry.'],
    ['"**Term** — ..."', '**Shard** — a horizontal partition of the data.', 'What is Shard?', 'A horizontal partition of the data.'],
    ['"- **Term**: ..." list item', '- **Write-back**: writes are acknowledged once cached.', 'What is Write-back?', 'Writes are acknowledged once cached.'],
    ['"1. **Term**: ..." numbered item', '1. **LRU**: drops the least recently used entry.', 'What is LRU?', 'Drops the least recently used entry.'],
    ['plural term with ":" asks "What are"', '- **Replicas**: copies of the same data.', 'What are Replicas?', 'Copies of the same data.'],
    ['a term ending in "ss" is singular', '**Consistent hashing loss**: keys that move on resize.', 'What is Consistent hashing loss?', 'Keys that move on resize.'],
  ])('%s gives one definition card', (_case, line, question, answer) => {
    expect(cardsOf(section(line))).toEqual([['definition', question, answer]]);
  });

  it('every bold item of a definition list becomes a card', () => {
    // The list also gives a list card; see known-bugs.test.ts for its question.
    expect(cardsOf(section(
      '- **Cache-aside**: the app reads the database on a miss.',
      '- **Read-through**: the cache loads missing entries itself.',
      '- plain item without a term',
    )).filter(([kind]) => kind === 'definition').map(([, question]) => question)).toEqual(['What is Cache-aside?', 'What is Read-through?']);
  });

  it.each([
    ['"**Note**: ..." is commentary', '**Note**: caches can serve stale data.'],
    ['"**Note:** ..." is commentary', '**Note:** caches can serve stale data.'],
    ['a long bold sentence is not a term', '**This is a long bold sentence that goes on and on** is wrong.'],
    ['a bold sentence ending in a full stop is not a term', '**Always invalidate on write.** Otherwise data goes stale.'],
    ['bold in the middle of a sentence is not a term', 'Some text with **bold** is not a definition.'],
    ['a term with no connector is not a definition', '**Cache** hits are cheap.'],
    ['a definition shorter than 8 characters is too thin', '**Cache** is tiny.'],
  ])('no definition: %s', (_case, line) => {
    expect(cardsOf(section(line)).filter(([kind]) => kind === 'definition')).toEqual([]);
  });

  it('"Definition: ..." and "**Example**: ..." say what kind of statement follows, about the section\'s topic', () => {
    expect(cardsOf(section('**Example**: a CDN caches images.'))).toEqual([['definition', 'What is an example of Caching?', 'A CDN caches images.']]);
    expect(cardsOf(section('Definition: keeping copies of data close to where it is read.'))).toEqual([['definition', 'What is Caching?', 'Keeping copies of data close to where it is read.']]);
    // A sentence naming its own subject after the label defines that subject.
    expect(cardsOf(section('**Def:** A cache line is a block of memory copied as one unit.')).map(([, q]) => q)).toEqual(['What is a cache line?']);
    // Also as the first item of a list, whose own card leaves the commentary item out.
    const listed = cardsOf(section('- **Def:** A cache line is a block of memory copied as one unit.', '- Eviction', '- Prefetching'));
    expect(listed.map(([, q]) => q)).toContain('What is a cache line?');
  });

  it('a facet label is asked of its section: "**Pros**: ..."', () => {
    expect(cardsOf(section('- **Pros**: fast reads and less database load.'))).toEqual([
      ['definition', 'What are the pros of Caching?', 'Fast reads and less database load.'],
    ]);
  });

  it('commentary still gets studied, without its label', () => {
    expect(cardsOf(section('**Note**: caches can serve stale data.'))).toEqual([['qa', 'In Caching, what can caches serve?', 'Caches can serve stale data.']]);
  });
});

describe('heading questions', () => {
  it.each([
    ['answered by a paragraph', ['## Why cache?', '', 'Memory is faster than disk.'], 'Memory is faster than disk.'],
    ['answered by a paragraph and a list', ['## Why cache?', '', 'Two reasons:', '', '- lower latency', '- less database load'],
      'Two reasons:\n- lower latency\n- less database load'],
    ['answered by a numbered list', ['## What are the eviction policies?', '', '1. LRU', '2. LFU'], '1. LRU\n2. LFU'],
    ['answered by a quote', ['## Why cache?', '', '> Because RAM is fast.'], 'Because RAM is fast.'],
    ['outline numbering is not part of the question', ['## 2.1 Why cache?', '', 'Memory is fast.'], 'Memory is fast.'],
  ])('a "?" heading %s is a card', (_case, lines, answer) => {
    const deck = deckOf(note('# Caching', '', ...lines));
    const qa = deck.cards.filter((c) => c.kind === 'qa');
    expect(qa).toHaveLength(1);
    expect(qa[0]).toMatchObject({ question: deck.concepts[1].title, answer, line: 3, conceptKey: deck.concepts[1].key });
  });

  it.each([
    ['nothing under it before the next heading', ['## Why cache?', '', '## Eviction', '', 'LRU.']],
    ['only a sub-section under it', ['## Why cache?', '', '### Latency', '', 'Memory is fast.']],
    ['only a table under it', ['## Why cache?', '', '| a | b |', '|---|---|', '| 1 | 2 |']],
    ['a heading that is not a question', ['## Cache basics', '', 'Memory is fast.']],
    ['a question shorter than 8 characters', ['## Why?', '', 'Memory is fast.']],
  ])('no card for a heading with %s', (_case, lines) => {
    expect(cardsOf(note('# Caching', '', ...lines)).filter(([kind]) => kind === 'qa')).toEqual([]);
  });

  it('a statement heading answered with a verdict is a true-or-false item', () => {
    const cards = cardsOf(note('# Indexes', '', '## B-tree indexes handle two-dimensional range queries.', '', '- False, use R-trees or quadtrees'));
    expect(cards).toContainEqual(['qa', 'True or false: B-tree indexes handle two-dimensional range queries?', '- False, use R-trees or quadtrees']);
  });

  it('a statement heading with an ordinary section is no true-or-false item', () => {
    const questions = cardsOf(note('# Indexes', '', '## B-tree indexes keep keys sorted on disk.', '', 'Pages split when they fill up, which keeps the tree balanced.')).map(([, q]) => q);
    expect(questions.some((q) => q.startsWith('True or false'))).toBe(false);
  });
});

describe('questions asked in a paragraph', () => {
  it.each([
    ['answered by the next paragraph', ['What is cache stampede?', '', 'Many requests miss at once.'],
      [['What is cache stampede?', 'Many requests miss at once.']]],
    ['answered by a list', ['What are the eviction policies?', '', '- LRU', '- LFU', '- FIFO'],
      [['What are the eviction policies?', '- LRU\n- LFU\n- FIFO']]],
    ['with "Q:" and "A:" labels, which are dropped', ['Q: What is cache stampede?', '', 'A: Many requests miss at once.'],
      [['What is cache stampede?', 'Many requests miss at once.']]],
    ['with "Q." and "Ans." labels on consecutive lines', ['Q. What does quorum write mean?', 'Ans. The write waits for a majority of replicas.'],
      [['What does quorum write mean?', 'The write waits for a majority of replicas.']]],
    ['two questions in a row, each answered', ['What is LRU?', '', 'Least recently used.', '', 'What is LFU?', '', 'Least frequently used.'],
      [['What is LRU?', 'Least recently used.'], ['What is LFU?', 'Least frequently used.']]],
    ['the answer stops at the next question', ['What is LRU?', '', 'Least recently used.', '', 'Drops old entries.', '', 'What is LFU?', '', 'Least frequently used.'],
      [['What is LRU?', 'Least recently used.\nDrops old entries.'], ['What is LFU?', 'Least frequently used.']]],
    ['with "Q4 -" and "A -" labels on consecutive lines', ['Q4 - What is cache stampede?', 'A - Many requests miss the same key at once.'],
      [['What is cache stampede?', 'Many requests miss the same key at once.']]],
    ['the answer stops at a paragraph that opens on a question of its own', ['When to flush the log?', '', '- When a txn commits', '', 'When to flush dirty pages? It depends.'],
      [['When to flush the log?', '- When a txn commits']]],
    ['the answer may open on a rhetorical question', ['Pull or push?', '', 'So, which one is better? Neither wins everywhere.'],
      [['Pull or push?', 'So, which one is better? Neither wins everywhere.']]],
    ['on the first line of its paragraph, the answer wrapped over the next lines', ['why do caches need a TTL?', 'so stale data expires even if nobody', 'invalidates it.'],
      [['Why do caches need a TTL?', 'So stale data expires even if nobody invalidates it.']]],
    ['after "Q:" without its "?", answered after "A:" over two lines', ['Q: what is a thundering herd', 'A: many clients miss the same key at once', 'and all hit the database together.'],
      [['What is a thundering herd?', 'Many clients miss the same key at once and all hit the database together.']]],
    ['after "Q:" with an empty "A:" and the answer in the list below', ['Q: Why is 2PC blocking?', 'A:', '', '- a crashed coordinator leaves participants holding locks', '- they cannot decide alone'],
      [['Why is 2PC blocking?', '- a crashed coordinator leaves participants holding locks\n- they cannot decide alone']]],
    ['set as a task, which keeps its full stop', ['Q: Walk through two-phase commit.', 'A:', '', '1. The coordinator sends PREPARE.', '2. Each participant votes.'],
      [['Walk through two-phase commit.', '1. The coordinator sends PREPARE.\n2. Each participant votes.']]],
  ])('a question %s is a card', (_case, lines, expected) => {
    expect(cardsOf(section(...lines))).toEqual(expected.map(([q, a]) => ['qa', q, a]));
  });

  it('numbered questions each answered on the lines under them are cards, not one list', () => {
    const cards = cardsOf(section('1. What is a consumer group?', '   Consumers that share the partitions of a topic.', '2. What happens when a broker fails?', '   A new leader is elected for each partition it led.'));
    expect(cards).toEqual([
      ['qa', 'What is a consumer group?', 'Consumers that share the partitions of a topic.'],
      ['qa', 'What happens when a broker fails?', 'A new leader is elected for each partition it led.'],
    ]);
  });

  it('a numbered task over its points is a card, as a numbered question is', () => {
    const cards = cardsOf(section('5. What is a vector clock?', '   A counter per replica.', '6. Name three ways to resolve write conflicts.', '   - last write wins', '   - merge values', '   - keep siblings'));
    expect(cards).toEqual([
      ['qa', 'What is a vector clock?', 'A counter per replica.'],
      ['qa', 'Name three ways to resolve write conflicts.', '- last write wins\n- merge values\n- keep siblings'],
    ]);
  });

  it('a question answered by a paragraph and a list is a card', () => {
    // "Two reasons:" also introduces a list card; see known-bugs.test.ts for its question.
    const qa = cardsOf(section('Why use a CDN?', '', 'Two reasons:', '', '- latency', '- offload')).filter(([kind]) => kind === 'qa');
    expect(qa).toEqual([['qa', 'Why use a CDN?', 'Two reasons:\n- latency\n- offload']]);
  });

  it.each([
    ['at the end of the note', ['What is cache stampede?']],
    ['right before the next heading', ['What is cache stampede?', '', '## Mitigations', '', 'Jitter on TTLs.']],
    ['followed only by a table', ['What is cache stampede?', '', '| a | b |', '|---|---|', '| 1 | 2 |']],
  ])('no card for a question %s', (_case, lines) => {
    expect(cardsOf(section(...lines))).toEqual([]);
  });

  it('a question with its answer on the same line is a card', () => {
    expect(cardsOf(section('Why is a cache fast? Because it is in memory.'))).toEqual([['qa', 'Why is a cache fast?', 'Because it is in memory.']]);
  });

  it('a question paragraph points at its own line', () => {
    const deck = deckOf(section('Intro.', '', 'What is cache stampede?', '', 'Many requests miss at once.'));
    expect(deck.cards.map((c) => c.line)).toEqual([5]);
  });
});

describe('cards of a whole section', () => {
  it('come in note order and belong to the concept they are written under', () => {
    const deck = deckOf(note(
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
    ));
    const [caching, eviction] = deck.concepts;
    expect(deck.cards.map((c) => [c.question, c.line, c.conceptKey])).toEqual([
      ['What is Cache?', 3, caching.key],
      ['Fill in the blank: ____ is a fast store of copies of data.', 3, caching.key],
      ['What is LRU?', 7, eviction.key],
      ['LFU?', 11, eviction.key],
    ]);
  });
});
