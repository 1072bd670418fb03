import { describe, expect, it } from 'vitest';
import {
  CONCEPT_SIMILARITY,
  FILE_SIMILARITY,
  matchText,
  planKeyChanges,
  reconcileCards,
  similarity,
  type CardPlan,
  type ExistingCard,
} from '@/lib/ingest/reconcile';
import type { CardDraft } from '@/lib/ingest/types';

const draft = (key: string, question: string, answer: string, over: Partial<CardDraft> = {}): CardDraft => ({
  key, conceptKey: 'caching', kind: 'qa', question, answer, line: 3, ...over,
});

/** A card as stored after an earlier ingest of `d`. */
const stored = (d: CardDraft, over: Partial<ExistingCard> = {}): ExistingCard => ({
  id: `id-${d.key}`,
  key: d.key,
  question: d.question,
  answer: d.answer,
  explanation: d.explanation ?? null,
  kind: d.kind,
  conceptKey: d.conceptKey,
  sourceLine: d.line,
  status: 'active',
  ...over,
});

const cache = draft('k-cache', 'What is a cache?', 'A fast store that keeps copies of data close to where it is read.');
const ttl = draft('k-ttl', 'What is a TTL?', 'How long a cache entry lives before it expires.', { line: 4 });
const lru = draft('k-lru', 'What does LRU eviction remove first?', 'The entry that was read least recently.', { line: 8 });
const sharding = draft(
  'k-shard', 'What is sharding?', 'Splitting one data set across several databases by a shard key.',
  { conceptKey: 'partitioning', kind: 'definition', line: 20 },
);

/** The id of the existing card each incoming card was matched to, or "new". */
const matches = (plan: CardPlan, incoming: CardDraft[]) =>
  incoming.map((d) => plan.update.find((u) => u.draft === d)?.id ?? (plan.create.includes(d) ? 'new' : 'unchanged'));

describe('similarity', () => {
  it.each([
    ['identical', 'what is a cache', 'what is a cache', 1],
    ['both empty', '', '', 1],
    ['one edit in ten', 'abcdefghij', 'abcdefghiX', 0.9],
    ['nothing shared', 'aaaa', 'bbbb', 0],
  ])('%s', (_, a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 5);
  });

  it('compares normalised text: case, punctuation and spacing do not count', () => {
    expect(matchText('What is a CACHE?', 'A fast   store.')).toBe(matchText('what is a cache', 'a fast store'));
  });

  it('thresholds: stricter across the file than within a concept', () => {
    expect(CONCEPT_SIMILARITY).toBeGreaterThanOrEqual(0.75);
    expect(FILE_SIMILARITY).toBeGreaterThan(CONCEPT_SIMILARITY);
  });
});

describe('reconcileCards with similarity', () => {
  const reworded = { ...cache, key: 'k-cache2', question: 'What is a cache exactly?' };
  const typo = { ...ttl, key: 'k-ttl2', question: 'What is a TTL ?', answer: 'How long a cache entry lives before it expries.' };
  const replaced = draft('k-cdn', 'What is a CDN?', 'A network of edge servers that serve static files near users.');
  const renamed = { ...sharding, key: 'k-shard-moved', conceptKey: 'scaling-out', line: 30 };
  const renamedEdited = { ...renamed, answer: 'Splitting one data set across several databases by a shard key!!' };
  const lightlyEditedElsewhere = {
    ...sharding, key: 'k-shard-moved', conceptKey: 'scaling-out', answer: 'Splitting a data set across many databases using a key.',
  };

  it.each([
    {
      name: 'question reworded a little: same id, new key, reworded',
      existing: [stored(cache), stored(ttl)],
      incoming: [reworded, ttl],
      expected: ['id-k-cache', 'unchanged'],
    },
    {
      name: 'typo fixed in question and answer: same id',
      existing: [stored(cache), stored(ttl)],
      incoming: [cache, typo],
      expected: ['unchanged', 'id-k-ttl'],
    },
    {
      name: 'card replaced by a different fact: new card, old one retired',
      existing: [stored(cache), stored(ttl)],
      incoming: [replaced, ttl],
      expected: ['new', 'unchanged'],
      retire: ['id-k-cache'],
    },
    {
      name: 'short cards that differ only in their content words are different cards',
      existing: [stored(draft('k-b', 'Question b?', 'Answer b.'))],
      incoming: [draft('k-d', 'Question d?', 'Answer d.')],
      expected: ['new'],
      retire: ['id-k-b'],
    },
    {
      name: 'card moved to a renamed section, word for word: same id',
      existing: [stored(cache), stored(sharding)],
      incoming: [cache, renamed],
      expected: ['unchanged', 'id-k-shard'],
    },
    {
      name: 'card moved to a renamed section with a light edit: same id (file-wide, same kind)',
      existing: [stored(sharding)],
      incoming: [renamedEdited],
      expected: ['id-k-shard'],
    },
    {
      name: 'moved and reworded more than the file-wide threshold allows: new card',
      existing: [stored(sharding)],
      incoming: [lightlyEditedElsewhere],
      expected: ['new'],
      retire: ['id-k-shard'],
    },
    {
      name: 'file-wide matches need the same kind',
      existing: [stored(sharding)],
      incoming: [{ ...renamedEdited, kind: 'qa' as const }],
      expected: ['new'],
      retire: ['id-k-shard'],
    },
    {
      name: 'within a concept the kind may change (extractor reclassified the card)',
      existing: [stored(cache)],
      incoming: [{ ...cache, key: 'k-cache-def', kind: 'definition' as const }],
      expected: ['id-k-cache'],
    },
    {
      name: 'retired card back with a light rewording: revived with its history',
      existing: [stored(cache), stored(ttl, { status: 'retired' })],
      incoming: [cache, typo],
      expected: ['unchanged', 'id-k-ttl'],
      revived: ['id-k-ttl'],
    },
    {
      name: 'retired card back word for word in another section: revived',
      existing: [stored(sharding, { status: 'retired' })],
      incoming: [renamed],
      expected: ['id-k-shard'],
      revived: ['id-k-shard'],
    },
    {
      name: 'two repeats of one question swap places: each keeps its own history (keys swap)',
      existing: [
        stored(draft('k-q', 'What is it?', 'The first meaning.')),
        stored(draft('k-q1', 'What is it?', 'The second meaning.', { line: 5 })),
      ],
      incoming: [
        draft('k-q', 'What is it?', 'The second meaning.'),
        draft('k-q1', 'What is it?', 'The first meaning.', { line: 5 }),
      ],
      expected: ['id-k-q1', 'id-k-q'],
    },
    {
      name: 'greedy best-first: the closest rewording wins, the other becomes new',
      existing: [stored(cache)],
      incoming: [
        { ...cache, key: 'k-far', answer: 'A fast store that keeps copies of hot data close to where it is read often.' },
        { ...cache, key: 'k-near', answer: 'A fast store that keeps copies of data close to where they are read.' },
      ],
      expected: ['new', 'id-k-cache'],
    },
    {
      name: 'same key beats a similar text (the answer changed completely, the question did not)',
      existing: [stored(lru)],
      incoming: [{ ...lru, answer: 'Whatever was touched longest ago.' }],
      expected: ['id-k-lru'],
    },
  ])('$name', ({ existing, incoming, expected, retire = [], revived = [] }) => {
    const plan = reconcileCards(existing, incoming);
    expect(matches(plan, incoming)).toEqual(expected);
    expect(plan.retire).toEqual(retire);
    expect(plan.update.filter((u) => u.revived).map((u) => u.id)).toEqual(revived);
    // Every existing card is accounted for exactly once.
    const ids = [...plan.update.map((u) => u.id), ...plan.retire];
    expect(new Set(ids).size).toBe(ids.length);
    const active = existing.filter((c) => c.status === 'active').length;
    const updatedRetired = plan.update.filter((u) => u.revived).length;
    expect(plan.update.length - updatedRetired + plan.unchanged + plan.retire.length).toBe(active);
  });

  it('marks text changes as reworded and pure moves as not', () => {
    const plan = reconcileCards([stored(cache), stored(sharding)], [reworded, renamed]);
    expect(plan.update.map((u) => [u.id, u.reworded])).toEqual([
      ['id-k-cache', true],
      ['id-k-shard', false],
    ]);
  });

  it('is deterministic and independent of the order of existing cards', () => {
    const existing = [stored(cache), stored(ttl), stored(lru), stored(sharding)];
    const incoming = [reworded, typo, renamedEdited, replaced];
    const a = reconcileCards(existing, incoming);
    const b = reconcileCards([...existing].reverse(), incoming);
    expect(matches(b, incoming)).toEqual(matches(a, incoming));
    expect([...b.retire].sort()).toEqual([...a.retire].sort());
  });

  it('stays fast when a whole file is rewritten (2000 x 2000 unrelated cards)', () => {
    const words = (seed: number, n: number) =>
      Array.from({ length: n }, (_, i) => `w${(seed * 7919 + i * 104729) % 100003}`).join(' ');
    const existing = Array.from({ length: 2000 }, (_, i) =>
      stored(draft(`old-${i}`, `Q ${words(i, 6)}?`, words(i + 1, 25), { conceptKey: `c${i % 50}` })));
    const incoming = Array.from({ length: 2000 }, (_, i) =>
      draft(`new-${i}`, `Q ${words(i + 5000, 6)}?`, words(i + 7000, 25), { conceptKey: `c${i % 50}` }));
    const start = performance.now();
    const plan = reconcileCards(existing, incoming);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(plan.create).toHaveLength(2000);
    expect(plan.retire).toHaveLength(2000);
  });

  it('stays bounded when a table of near-identical rows is rewritten at once', () => {
    const existing = Array.from({ length: 3000 }, (_, i) =>
      stored(draft(`old-${i}`, `What is the latency of service ${i}?`, `About ${i} ms at p99.`, { kind: 'comparison' })));
    const incoming = Array.from({ length: 3000 }, (_, i) =>
      draft(`new-${i}`, `What is the p99 latency of service ${i} in ms?`, `Roughly ${i} ms.`, { kind: 'comparison' }));
    const start = performance.now();
    const plan = reconcileCards(existing, incoming);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(plan.create.length + plan.update.length).toBe(3000);
  });
});

describe('planKeyChanges', () => {
  it('two cards swapping keys both move (through temporary keys in the writer)', () => {
    const first = stored(draft('k-q', 'What is it?', 'The first meaning.'));
    const second = stored(draft('k-q1', 'What is it?', 'The second meaning.', { line: 5 }));
    const incoming = [
      draft('k-q', 'What is it?', 'The second meaning.'),
      draft('k-q1', 'What is it?', 'The first meaning.', { line: 5 }),
    ];
    const plan = reconcileCards([first, second], incoming);
    expect(planKeyChanges([first, second], plan)).toEqual({ park: [], moving: ['id-k-q', 'id-k-q1'] });
  });

  it('a retired card whose key a new card claims is parked on a key no draft can have', () => {
    // The first repeat is deleted: the second takes over its key, the first is retired.
    const first = stored(draft('k-q', 'What is it?', 'The first meaning.'));
    const second = stored(draft('k-q1', 'What is it?', 'The second meaning.', { line: 5 }));
    const plan = reconcileCards([first, second], [draft('k-q', 'What is it?', 'The second meaning.')]);
    expect(plan.retire).toEqual(['id-k-q']);
    expect(plan.update.map((u) => [u.id, u.draft.key])).toEqual([['id-k-q1', 'k-q']]);
    expect(planKeyChanges([first, second], plan)).toEqual({
      park: [{ id: 'id-k-q', key: 'k-q~id-k-q' }],
      moving: ['id-k-q', 'id-k-q1'],
    });
  });

  it('nothing moves when keys are stable', () => {
    const plan = reconcileCards([stored(cache), stored(ttl)], [cache, { ...ttl, line: 9 }]);
    expect(planKeyChanges([stored(cache), stored(ttl)], plan)).toEqual({ park: [], moving: [] });
  });
});
