import { describe, expect, it } from 'vitest';
import { unescapeListNumbers } from '@/lib/ingest/clean/escaped-numbers';
import { toLines } from '@/lib/ingest/lines';
import { deckOf, note } from './support';

const CACHING = note(
  '# Caching', //                 1
  '', //                          2
  'Caches keep copies.', //       3
  '', //                          4
  '## Why cache?', //             5
  '', //                          6
  'Because memory is fast.', //   7
  '', //                          8
  '### Latency numbers', //       9
  '', //                          10
  'RAM is 100 ns.', //            11
  '', //                          12
  '## Eviction', //               13
  '', //                          14
  'LRU drops old entries.', //    15
  '', //                          16
  '# Invalidation', //            17
  '', //                          18
  'Delete on write.', //          19
);

describe('concept tree from headings', () => {
  const deck = deckOf(CACHING);
  const byTitle = (title: string) => {
    const concept = deck.concepts.find((c) => c.title === title);
    if (!concept) throw new Error(`no concept titled ${title}`);
    return concept;
  };

  it('makes one concept per heading, in document order', () => {
    expect(deck.concepts.map((c) => c.title)).toEqual([
      'Caching', 'Why cache?', 'Latency numbers', 'Eviction', 'Invalidation',
    ]);
    expect(deck.concepts.map((c) => c.order)).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    ['Caching', ['Caching'], 1, null, 1, 4],
    ['Why cache?', ['Caching', 'Why cache?'], 2, 'Caching', 5, 8],
    ['Latency numbers', ['Caching', 'Why cache?', 'Latency numbers'], 3, 'Why cache?', 9, 12],
    ['Eviction', ['Caching', 'Eviction'], 2, 'Caching', 13, 16],
    ['Invalidation', ['Invalidation'], 1, null, 17, 19],
  ])('%s has path %j, depth %i, parent %s and lines %i-%i', (title, path, depth, parent, startLine, endLine) => {
    const concept = byTitle(title);
    expect(concept.path).toEqual(path);
    expect(concept.depth).toBe(depth);
    expect(concept.parentKey).toBe(parent === null ? null : byTitle(parent).key);
    expect([concept.startLine, concept.endLine]).toEqual([startLine, endLine]);
  });

  it("keeps a section's own markdown as its body, sub-sections excluded", () => {
    expect(byTitle('Why cache?').body).toBe('## Why cache?\n\nBecause memory is fast.');
    expect(byTitle('Caching').body).toBe('# Caching\n\nCaches keep copies.');
  });

  it('takes the deck title from the first top-level heading', () => {
    expect(deck.title).toBe('Caching');
  });

  it('gives every concept a distinct key', () => {
    expect(new Set(deck.concepts.map((c) => c.key)).size).toBe(deck.concepts.length);
  });
});

describe('heading variants', () => {
  it.each([
    ['outline numbering is dropped', '# 2.3. Caching\n\n## 2.3.1 Why cache?', [['Caching'], ['Caching', 'Why cache?']]],
    ['trailing colons are dropped', '# Caching:\n\n## Eviction:', [['Caching'], ['Caching', 'Eviction']]],
    ['setext headings count', 'Caching\n=======\n\nEviction\n--------', [['Caching'], ['Caching', 'Eviction']]],
    ['markup inside a heading is dropped', '# **Caching** and `Redis`', [['Caching and Redis']]],
    ['a skipped level attaches to the nearest shallower heading', '# A\n\n#### Deep\n\n## B', [['A'], ['A', 'Deep'], ['A', 'B']]],
    ['a note may start below level 1', '## Only h2\n\ntext\n\n# Then h1\n\n### h3', [['Only h2'], ['Then h1'], ['Then h1', 'h3']]],
  ])('%s', (_case, text, paths) => {
    expect(deckOf(text).concepts.map((c) => c.path)).toEqual(paths);
  });

  it.each([
    ['a lone number', '## 4'],
    ['a circled number', '## ④'],
    ['an enumerator', '## (ii)'],
    ['a page number', '## 12'],
  ])('a heading that is debris (%s) does not start a concept', (_case, heading) => {
    const deck = deckOf(note('# Caching', '', heading, '', 'Still in caching.'));
    expect(deck.concepts.map((c) => c.title)).toEqual(['Caching']);
  });

  it('a heading with no text left after cleaning does not start a concept', () => {
    const deck = deckOf('# Caching\n\n## ***\n\nStill in caching.');
    expect(deck.concepts.map((c) => c.title)).toEqual(['Caching']);
    expect(deck.concepts[0].endLine).toBe(5);
  });
});

describe('headings written as list items', () => {
  const deck = deckOf(note(
    '- ## Caching', //                                 1
    '  Caches keep copies of hot data close by.', //   2
    '  - LRU: evicts the least recently used entry', // 3
    '- ## Queues', //                                  4
    '  - FIFO: first in, first out', //                5
    '- a plain item', //                               6
    '', //                                             7
    '1. ### Ordering', //                              8
    '   - per key: events of one key stay in order', // 9
  ));

  it('each starts a concept, with the rest of its item and the items after it', () => {
    expect(deck.concepts.map((c) => [c.path, c.startLine, c.endLine])).toEqual([
      [['Caching'], 1, 3],
      [['Queues'], 4, 7],
      [['Queues', 'Ordering'], 8, 9],
    ]);
  });

  it('a lower-case "# of" in a list item counts, it does not head a topic', () => {
    const counted = deckOf(note('# Sizing', '', '- # of users: about ten million a day', '- # of writes: one per user a day'));
    expect(counted.concepts.map((c) => c.title)).toEqual(['Sizing']);
  });

  it('the lists under them still make cards in their concepts', () => {
    const conceptOf = (question: string) => deck.concepts.find((c) => c.key === deck.cards.find((card) => card.question === question)?.conceptKey)?.title;
    expect([conceptOf('What is LRU?'), conceptOf('What is FIFO?')]).toEqual(['Caching', 'Queues']);
  });
});

describe('escaped list numbers', () => {
  it.each([
    ['1\\. Round robin', '1. Round robin'],
    ['  12\\) Least connections', '  12) Least connections'],
    ['2.3\\. Sticky sessions', '2.3. Sticky sessions'],
    ['#### 1\\. Health checks', '#### 1. Health checks'],
    ['- 3\\. Draining', '- 3. Draining'],
    ['Costs 1\\. not a list', 'Costs 1\\. not a list'],
    ['1234\\. too long for a list number', '1234\\. too long for a list number'],
  ])('%j -> %j', (line, cleaned) => {
    expect(unescapeListNumbers(toLines(line)).map((l) => l.text)).toEqual([cleaned]);
  });

  it('leaves code alone and keeps line numbers', () => {
    const lines = unescapeListNumbers(toLines(note('```', '1\\. in code', '```', '1\\. out of code')));
    expect(lines).toEqual([
      { text: '```', origin: 1 }, { text: '1\\. in code', origin: 2 }, { text: '```', origin: 3 }, { text: '1. out of code', origin: 4 },
    ]);
  });

  it('an exported outline becomes topics instead of one paragraph', () => {
    const deck = deckOf(note('1\\. Balancing', 'Spreads requests over servers.', '1.1\\. Round robin', 'Each server in turn.', '1.2\\. Least connections', 'The least busy server.', '2\\. Caching', 'Keeps hot data close.', '2.1\\. Write through', 'Writes go to both.'), 'notes/exported.txt');
    expect(deck.concepts.map((c) => c.path)).toEqual([['Balancing'], ['Balancing', 'Round robin'], ['Balancing', 'Least connections'], ['Caching'], ['Caching', 'Write through']]);
  });
});

describe('text before the first heading', () => {
  it.each([
    ['notes/url-shortener_design.md', 'Url shortener design'],
    ['content/no-headings.md', 'No headings'],
  ])('a note without headings at %s becomes one concept titled %j', (path, title) => {
    const deck = deckOf('Some intro.\n\nWhat is a cache? :: A fast store.\n', path);
    expect(deck.concepts).toHaveLength(1);
    expect(deck.concepts[0]).toMatchObject({ title, path: [title], parentKey: null, startLine: 1, endLine: 4 });
    expect(deck.title).toBe(title);
    expect(deck.cards.map((c) => c.conceptKey)).toEqual([deck.concepts[0].key]);
  });

  it('a preamble before the first heading becomes its own concept named after the file', () => {
    const deck = deckOf('Intro line.\n\n# Caching\n\nText.', 'notes/my-caching-notes.md');
    expect(deck.concepts[0]).toMatchObject({ title: 'My caching notes', startLine: 1, endLine: 2, body: 'Intro line.' });
    expect(deck.concepts.map((c) => c.title)).toEqual(['My caching notes', 'Caching']);
    // The deck is still named after its top heading, not the file.
    expect(deck.title).toBe('Caching');
  });

  it('the preamble is a depth-0 sibling of the headings, never their parent', () => {
    const deck = deckOf('Intro line.\n\n# Caching\n\nText.\n\n## Eviction\n\nLRU.\n\n# Queues\n\nFIFO.', 'notes/my-caching-notes.md');
    const [preamble, caching, eviction, queues] = deck.concepts;
    expect(preamble).toMatchObject({ title: 'My caching notes', depth: 0, parentKey: null, path: ['My caching notes'] });
    expect(caching).toMatchObject({ depth: 1, parentKey: null, path: ['Caching'] });
    expect(eviction).toMatchObject({ depth: 2, parentKey: caching.key, path: ['Caching', 'Eviction'] });
    expect(queues).toMatchObject({ depth: 1, parentKey: null, path: ['Queues'] });
  });

  it('prose with no heading at all takes its topics from the named subjects its paragraphs open with', () => {
    const filler = 'It matters most when traffic is uneven across the day and the week, which is the common case for consumer products. Teams tune it after watching how their own load behaves over a few weeks of real use, then revisit the numbers after every large launch.';
    const text = [
      'Quorum reads ask several replicas and keep the newest answer they get back from them.', filler, '',
      'The coordinator waits for enough replies before it answers the client.', filler, '',
      'Hinted handoff stores writes for a replica that is down and replays them when it is back.', filler, '',
      'Read repair fixes a stale replica while serving a read that noticed the old version.', filler, '',
      'Merkle trees let two replicas compare whole key ranges by exchanging a few hashes.', filler,
    ].join('\n');
    const deck = deckOf(text, 'notes/export.md');
    expect(deck.concepts.map((c) => c.title)).toEqual(['Quorum reads', 'Hinted handoff', 'Read repair', 'Merkle trees']);
    // A paragraph opening on a generic subject ("The coordinator") stays in the topic before it.
    const quorum = deck.concepts[0];
    expect(deck.cards.filter((c) => c.conceptKey === quorum.key).map((c) => c.answer)).toContainEqual(expect.stringContaining('The coordinator waits'));
    // A short note, or one with any heading, keeps its one topic.
    expect(deckOf(text.split('\n').slice(0, 3).join('\n'), 'notes/export.md').concepts.map((c) => c.title)).toEqual(['Export']);
  });

  it('a short prose export gets topics too, a compound introduced by "A" opening one', () => {
    const text = [
      'Bloom filters answer set membership with no false negatives and a tunable share of false positives. They sit in front of disk lookups so that most misses never touch the disk at all.', '',
      'A write-ahead log records every change before the pages themselves are touched, so a crash can be replayed. Databases flush it on commit and write the pages later, in larger batches.', '',
      'Because the log is append-only, it is cheap to write even on slow disks, and one sequential write serves many small transactions at once.', '',
      'A server restarts by replaying the log from its last checkpoint, which bounds how long recovery takes.',
    ].join('\n');
    expect(deckOf(text, 'notes/export.html').concepts.map((c) => c.title)).toEqual(['Bloom filters', 'Write-ahead log']);
  });

  it("the preamble's cards belong to the preamble", () => {
    const deck = deckOf('What is a cache? :: A fast store.\n\n# Caching\n\nLRU :: Least recently used', 'notes/my-caching-notes.md');
    expect(deck.cards.map((c) => [c.question, c.conceptKey])).toEqual([
      ['What is a cache?', deck.concepts[0].key],
      ['LRU?', deck.concepts[1].key],
    ]);
  });
});

describe('line numbers refer to the note as written', () => {
  it('after front matter is blanked and a tab table gains a delimiter row', () => {
    const deck = deckOf(note(
      '---', //                               1
      'title: Latency', //                    2
      '---', //                               3
      '# Latency', //                         4
      'Operation\tLatency', //                5
      'SSD read\t150 us', //                  6
      'HDD seek\t10 ms', //                   7
      '', //                                  8
      'What is a cache? :: A fast store.', // 9
      '', //                                  10
      '## Eviction', //                       11
      '', //                                  12
      'LRU :: Least recently used', //        13
    ));
    expect(deck.cards.map((c) => [c.question, c.line])).toEqual([
      ['What is the latency of SSD read?', 6],
      ['What is the latency of HDD seek?', 7],
      ['What is a cache?', 9],
      ['LRU?', 13],
    ]);
    expect(deck.concepts.map((c) => [c.title, c.startLine, c.endLine])).toEqual([['Latency', 4, 10], ['Eviction', 11, 13]]);
  });

  it('after HTML is converted to markdown', () => {
    const deck = deckOf(note('# Caching', '<p>Caches keep <b>copies</b>.</p>', '<ul><li>one</li><li>two</li></ul>', '', 'What is a cache? :: A fast store.'));
    expect(deck.cards.map((c) => [c.question, c.line])).toEqual([['What is a cache?', 5]]);
  });
});

describe('repeated heading names', () => {
  const deck = deckOf(note(
    '# Caching', '', '## Notes', '', 'a', '', '## Notes', '', 'b',
    '', '# Queues', '', '## Notes', '', 'c',
  ));
  const notes = deck.concepts.filter((c) => c.title === 'Notes');

  it('each "Notes" section is its own concept with its own key', () => {
    expect(notes).toHaveLength(3);
    expect(new Set(notes.map((c) => c.key)).size).toBe(3);
    expect(notes.map((c) => c.path)).toEqual([['Caching', 'Notes'], ['Caching', 'Notes'], ['Queues', 'Notes']]);
  });

  it('the same note under another file name gets different concept keys', () => {
    const other = deckOf(note('# Caching', '', '## Notes', '', 'a'), 'notes/other.md');
    const keys = new Set(deck.concepts.map((c) => c.key));
    expect(other.concepts.some((c) => keys.has(c.key))).toBe(false);
  });
});
