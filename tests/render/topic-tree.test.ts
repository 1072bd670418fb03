import { describe, expect, it } from 'vitest';
import { buildTopicTree, masteryOf, NO_CARDS } from '@/lib/render/topic-tree';

describe('masteryOf', () => {
  it.each([
    [{ cards: 0, due: 0, fresh: 0, known: 0 }, 'untested'],
    [{ cards: 4, due: 0, fresh: 4, known: 0 }, 'new'],
    [{ cards: 4, due: 1, fresh: 3, known: 0 }, 'learning'],
    [{ cards: 5, due: 0, fresh: 1, known: 3 }, 'learning'],
    [{ cards: 5, due: 0, fresh: 0, known: 4 }, 'known'],
    [{ cards: 1, due: 1, fresh: 0, known: 1 }, 'known'],
  ] as const)('%j is %s', (counts, expected) => {
    expect(masteryOf(counts)).toBe(expected);
  });
});

describe('buildTopicTree', () => {
  it('nests concepts under their parents per source, sums the cards, and keeps orphans at the top', () => {
    const sources = [
      { id: 's1', path: 'a.md', title: 'A' },
      { id: 's2', path: 'b.md', title: 'B' },
    ];
    const concepts = [
      { id: 'c1', title: 'Root', parentId: null, sourceId: 's1' },
      { id: 'c2', title: 'Child', parentId: 'c1', sourceId: 's1' },
      { id: 'c3', title: 'Orphan', parentId: 'retired', sourceId: 's1' },
    ];
    const counts = new Map([['c2', { cards: 2, due: 1, fresh: 1, known: 0 }]]);
    const tree = buildTopicTree(sources, concepts, counts);
    expect(tree.map((s) => [s.title, s.cards, s.due, s.topics.map((t) => t.title)])).toEqual([
      ['A', 2, 1, ['Root', 'Orphan']],
      ['B', 0, 0, []],
    ]);
    expect(tree[0].topics[0]).toMatchObject({ ...NO_CARDS, mastery: 'untested' });
    expect(tree[0].topics[0].children[0]).toMatchObject({ title: 'Child', cards: 2, mastery: 'learning' });
  });
});
