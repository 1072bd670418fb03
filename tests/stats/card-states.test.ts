import { describe, expect, it } from 'vitest';
import { NO_CARDS, stateTotals, topicMastery, type StateCounts } from '@/lib/stats/card-states';

const counts = (c: Partial<StateCounts>): StateCounts => ({ ...NO_CARDS, ...c });

describe('mastery per topic', () => {
  const concepts = [
    { id: 'caching', title: 'Caching', parentId: null },
    { id: 'eviction', title: 'Eviction', parentId: 'caching' },
    { id: 'lru', title: 'LRU', parentId: 'eviction' },
    { id: 'queues', title: 'Queues', parentId: null },
    { id: 'orphan', title: 'Orphan', parentId: 'retired-parent' },
    { id: 'empty', title: 'Empty', parentId: null },
  ];

  it.each([
    [
      'adds every subtopic into its top-level topic, in deck order',
      new Map([
        ['lru', counts({ mature: 3, young: 1 })],
        ['caching', counts({ new: 4 })],
        ['queues', counts({ learning: 2, mature: 2 })],
      ]),
      [
        { id: 'caching', cards: 8, mastery: 3 / 8 },
        { id: 'queues', cards: 4, mastery: 0.5 },
      ],
    ],
    [
      'hangs a concept whose parent is gone at the top, and leaves topics without cards out',
      new Map([['orphan', counts({ suspended: 1 })], ['empty', counts({})]]),
      [{ id: 'orphan', cards: 1, mastery: 0 }],
    ],
  ])('%s', (_, byConcept, expected) => {
    expect(topicMastery(concepts, byConcept).map(({ id, cards, mastery }) => ({ id, cards, mastery }))).toEqual(expected);
  });

  it('survives a cyclic parent chain', () => {
    const cyclic = [{ id: 'a', title: 'A', parentId: 'b' }, { id: 'b', title: 'B', parentId: 'a' }];
    expect(topicMastery(cyclic, new Map([['a', counts({ new: 1 })]]))).toHaveLength(1);
  });

  it('totals every state', () => {
    expect(stateTotals(new Map([['a', counts({ new: 1, mature: 2 })], ['b', counts({ new: 1, suspended: 3 })]]))).toEqual(
      counts({ new: 2, mature: 2, suspended: 3 }),
    );
  });
});
