import { describe, expect, it } from 'vitest';
import { type Block, CardIndex, contentTokens, measureCoverage, noteBlocks, wordCount } from '@/bench/coverage';
import { parseMarkdown } from '@/lib/ingest/parse';

const card = (question: string, answer: string) => ({ question, answer });
const block = (text: string): Block => ({ kind: 'paragraph', line: 1, text, excluded: null });
const blocksOf = (markdown: string) => noteBlocks(parseMarkdown(markdown)).map((b) => [b.kind, b.text, b.excluded]);

describe('noteBlocks', () => {
  const LONG = 'Replicas apply the same writes in the same order';
  it.each([
    ['a paragraph', `${LONG}.`, [['paragraph', `${LONG}.`, null]]],
    ['a heading is left out', '## Replication basics', [['heading', 'Replication basics', 'heading']]],
    ['a question heading is a block', '## Why do followers redirect clients to the leader?', [['heading', 'Why do followers redirect clients to the leader?', null]]],
    ['a full-width question mark', '## 为什么需要选举领导者来协调所有的副本写入操作？', [['heading', '为什么需要选举领导者来协调所有的副本写入操作？', null]]],
    ['a code block', '```\nSET key value NX\n```', [['code', 'SET key value NX', 'code']]],
    ['a paragraph of inline code', '`SET key value NX PX 30000`', [['paragraph', 'SET key value NX PX 30000', 'code']]],
    ['a bold label', '**Step two and its cost**', [['paragraph', 'Step two and its cost', 'heading']]],
    ['a bold sentence is prose', '**Writes go to the leader first.**', [['paragraph', 'Writes go to the leader first.', null]]],
    ['a link', '[The Raft paper, extended version](https://raft.github.io/raft.pdf)', [['paragraph', 'The Raft paper, extended version', 'links']]],
    ['a bare URL', 'See https://raft.github.io/raft.pdf', [['paragraph', 'See https://raft.github.io/raft.pdf', 'links']]],
    ['an image', '![Leader election timeline diagram](a.png)', [['paragraph', 'Leader election timeline diagram', 'links']]],
    ['prose with a link stays', `${LONG}, as [Raft](https://raft.github.io) says.`, [['paragraph', `${LONG}, as Raft says.`, null]]],
    [
      'a table of contents',
      '1. Introduction\n2. A Storage Service Interface\n3. Chain Replication Protocol\n4. Concluding Remarks',
      ['Introduction', 'A Storage Service Interface', 'Chain Replication Protocol', 'Concluding Remarks'].map((text) => ['list-item', text, 'contents']),
    ],
    [
      'a list of short statements is no table of contents',
      '- Reads are served by the tail\n- Writes always enter at the head\n- Failures need an outside master\n- Chains grow with more replicas',
      ['Reads are served by the tail', 'Writes always enter at the head', 'Failures need an outside master', 'Chains grow with more replicas'].map((text) => ['list-item', text, null]),
    ],
    ['three words', 'Random election timeouts', [['paragraph', 'Random election timeouts', 'short']]],
    ['four short words', 'a b c d', [['paragraph', 'a b c d', 'short']]],
    ['no letter', '2 + 2 = 4 → 16 / 4 = 4', [['paragraph', '2 + 2 = 4 → 16 / 4 = 4', 'no-letter']]],
    ['a CJK sentence counts characters as words', '使用数据库的唯一索引来实现分布式锁的方法', [['paragraph', '使用数据库的唯一索引来实现分布式锁的方法', null]]],
    ['a blockquote paragraph', `> ${LONG}.`, [['quote', `${LONG}.`, null]]],
  ])('%s', (_name, markdown, expected) => {
    expect(blocksOf(markdown)).toEqual(expected);
  });

  it('takes a list item’s own text, not its sub-list', () => {
    const md = `- ${LONG}:\n  - followers copy the leader log\n  - entries commit on a majority of nodes\n- Short item`;
    expect(blocksOf(md)).toEqual([
      ['list-item', `${LONG}:`, null],
      ['list-item', 'followers copy the leader log', null],
      ['list-item', 'entries commit on a majority of nodes', null],
      ['list-item', 'Short item', 'short'],
    ]);
  });

  it('takes table body rows, not the header', () => {
    const md = '| model | guarantee |\n|---|---|\n| linearizable | reads see the latest write |\n| eventual | replicas converge later on |';
    expect(blocksOf(md)).toEqual([
      ['table-row', 'linearizable | reads see the latest write', null],
      ['table-row', 'eventual | replicas converge later on', null],
    ]);
  });

  it('keeps start lines', () => {
    const lines = noteBlocks(parseMarkdown(`# Title\n\n${LONG}.\n\n- ${LONG}\n- ${LONG} again`)).map((b) => b.line);
    expect(lines).toEqual([1, 3, 5, 6]);
  });
});

describe('wordCount', () => {
  it.each([
    ['three plain words', 3],
    ['O(log n) — fast', 3],
    ['分布式锁', 4],
    ['Redis 的 SETNX 指令', 5],
    ['', 0],
  ])('%j → %i', (text, n) => {
    expect(wordCount(text)).toBe(n);
  });
});

describe('contentTokens', () => {
  it.each([
    ['The leader sends heartbeats to all followers', ['leader', 'sends', 'heartbeats', 'followers']],
    ['It is in a DB of 2PC', []], // function words and words under 3 letters
    ['Bit-ly: base62 IDs', ['bit', 'base62', 'ids']], // letters are counted, not characters: 'ly' is out
    ['分布式锁', ['分布', '布式', '式锁']],
    ['锁 的', ['锁']], // a lone character is a token unless it is a particle
    ['Redis 的 SETNX 指令', ['redis', 'setnx', '指令']],
  ])('%j', (text, expected) => {
    expect([...contentTokens(text).keys()]).toEqual(expected);
  });

  it('weighs words by length and CJK bigrams by one', () => {
    expect(Object.fromEntries(contentTokens('Leader 选举'))).toEqual({ leader: 6, 选举: 1 });
  });
});

describe('CardIndex.measure', () => {
  const cards = [
    card('How does Raft elect a leader?', 'A follower whose election timeout fires becomes a candidate and asks for votes.'),
    card('What is a quorum?', 'A majority of the nodes.'),
    card('分布式锁如何实现？', '使用数据库的唯一索引。'),
  ];
  const index = new CardIndex(cards);
  it.each([
    ['all tokens on one card', 'A follower becomes a candidate when its election timeout fires.', true, 1],
    ['tokens split over two cards do not add up', 'Candidate asks for votes from a majority of nodes and quorum.', false, 0.5],
    ['60% is enough', 'candidate votes follower quorum timeout', true, 0.8],
    ['below 60% is not', 'candidate votes snapshot compaction', false, 0.5],
    ['CJK by bigrams', '分布式锁可以使用数据库的唯一索引', true, 12 / 15],
    ['CJK below 60%', '分布式锁需要租约和心跳', false, 3 / 10],
    ['nothing shared', 'Snapshots bound the log length.', false, 0],
  ])('%s', (_name, text, covered, share) => {
    const m = index.measure(block(text));
    expect(m.covered).toBe(covered);
    expect(m.share).toBeCloseTo(share, 10);
  });

  it('a block cut into focused cards is covered by the cards made from it together', () => {
    const focused = new CardIndex([
      card('What does IANA allocate?', 'IANA allocates address blocks.'),
      card('What do registries delegate?', 'Registries delegate smaller ranges to providers.'),
      card('What is a quorum?', 'A majority of the nodes.'),
    ]);
    const m = focused.measure(block('IANA allocates address blocks. Registries delegate smaller ranges to providers.'));
    expect(m.covered).toBe(true);
    expect(m.share).toBe(1);
  });

  it('a block without content tokens is covered when a card contains it whole', () => {
    expect(index.measure(block('of the')).covered).toBe(true);
    expect(index.measure(block('to the')).covered).toBe(false);
  });

  it('counts characters on the best card by weight', () => {
    const m = index.measure(block('candidate snapshot'));
    expect(m.chars).toBe('candidate'.length + 'snapshot'.length);
    expect(m.coveredChars).toBe('candidate'.length);
  });
});

describe('measureCoverage', () => {
  it('counts informative blocks and characters, and lists what is lost', () => {
    const blocks = noteBlocks(
      parseMarkdown(
        [
          '# Raft',
          '',
          'A follower whose election timeout fires becomes a candidate.',
          '',
          'Snapshots bound the length of the replicated log.',
          '',
          '```',
          'code here',
          '```',
          '',
          '- Short item',
        ].join('\n'),
      ),
    );
    const summary = measureCoverage(blocks, [card('What happens when the election timeout fires?', 'The follower becomes a candidate.')]);
    expect(summary).toMatchObject({ blocks: 5, informative: 2, covered: 1, excluded: { heading: 1, code: 1, short: 1, links: 0, 'no-letter': 0 } });
    expect(summary.uncovered.map((b) => b.line)).toEqual([5]);
    const first = 'follower election timeout fires becomes candidate'.replace(/ /g, '').length;
    expect(summary.coveredChars).toBe(first);
    expect(summary.chars).toBe(first + 'snapshotsboundlengthreplicatedlog'.length);
  });

  it('no cards cover nothing', () => {
    const summary = measureCoverage([block('Replicas apply the same writes in order.')], []);
    expect(summary).toMatchObject({ informative: 1, covered: 0, coveredChars: 0 });
  });

  it('measures 20,000 blocks against 4,000 cards in under 5 s (cards indexed by token)', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i.toString(36)}x`);
    const pick = (i: number, k: number) => words[(i * 7919 + k * 104729) % words.length];
    const many = Array.from({ length: 4000 }, (_, i) => card(`What is ${pick(i, 0)} ${pick(i, 1)}?`, Array.from({ length: 12 }, (_, k) => pick(i, k + 2)).join(' ')));
    const blocks = Array.from({ length: 20000 }, (_, i) => block(Array.from({ length: 15 }, (_, k) => pick(i, k)).join(' ')));
    const start = performance.now();
    const summary = measureCoverage(blocks, many);
    expect(summary.informative).toBe(20000);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
