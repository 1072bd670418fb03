import { describe, expect, it } from 'vitest';
import { answerFace, comparisonAttribute, definedTerm } from '@/lib/quiz/cards';
import { chooseDistractors } from '@/lib/quiz/distractors';
import { answerForm, sameForm } from '@/lib/quiz/form';
import { mulberry32 } from '@/lib/quiz/random';
import { nearlyEqual } from '@/lib/quiz/text';
import { byId, deck } from './fixture';

const kindFamily = (kind: string) => (kind === 'explicit' ? 'qa' : kind);

describe('chooseDistractors', () => {
  it.each(deck.map((c) => [c.id]))('for %s: never the right answer, no duplicates, same kind', (id) => {
    const target = byId(id);
    for (let seed = 0; seed < 20; seed++) {
      const chosen = chooseDistractors(target, deck, mulberry32(seed));
      const right = answerFace(target);
      for (const d of chosen) expect(nearlyEqual(d, right)).toBe(false);
      for (let i = 0; i < chosen.length; i++) for (let j = i + 1; j < chosen.length; j++) expect(nearlyEqual(chosen[i], chosen[j])).toBe(false);
      const sources = chosen.map((face) => deck.find((c) => c.id !== id && (answerFace(c) === face || definedTerm(c) === face))!);
      for (const s of sources) {
        if (target.kind === 'cloze' && s.kind === 'definition') continue; // a definition's term is a cloze answer
        expect(kindFamily(s.kind)).toBe(kindFamily(target.kind));
        if (target.kind === 'comparison') expect(comparisonAttribute(s)).toBe(comparisonAttribute(target));
      }
    }
  });

  it('draws a comparison from the same column, skipping a near-equal cell ("1 ns." for "1 ns")', () => {
    const chosen = chooseDistractors(byId('t1'), deck, mulberry32(1));
    expect(chosen.sort()).toEqual(['10 ms', '100 ns', '150 microseconds']);
    expect(chosen).not.toContain('10,000,000x');
    const attributes = chosen.map((face) => comparisonAttribute(deck.find((c) => answerFace(c) === face)!));
    expect(new Set(attributes)).toEqual(new Set(['approximate time']));
  });

  it('offers definitions\' terms for a cloze, never the blank\'s own term', () => {
    const chosen = chooseDistractors(byId('c1'), deck, mulberry32(2));
    expect(chosen).toHaveLength(3);
    expect(chosen).not.toContain('Replication lag');
    expect(chosen.some((d) => ['Split brain', 'Failover'].includes(d))).toBe(true);
  });

  it('never offers "CAP theorem" against "CAP", nor two of them together', () => {
    for (let seed = 0; seed < 20; seed++) {
      expect(chooseDistractors(byId('c2'), deck, mulberry32(seed))).not.toContain('CAP theorem');
    }
  });

  it('shows definitions without their term, so the question does not give the option away', () => {
    expect(answerFace(byId('d1'))).toBe('The delay between a write on the leader and its visibility on a follower.');
    expect(answerFace(byId('d5'))).toBe('Every write goes to the cache and the database before it is acknowledged.');
    const chosen = chooseDistractors(byId('d1'), deck, mulberry32(3));
    expect(chosen).toHaveLength(3);
    for (const d of chosen) expect(d).not.toMatch(/^(Split brain|Failover|Cache-aside|Write-through)\b/);
  });

  it('prefers neighbours: replication definitions before cache ones for a replication term', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 50; seed++) {
      for (const d of chooseDistractors(byId('d2'), deck, mulberry32(seed), 2)) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    expect(counts.get(answerFace(byId('d1')))).toBe(50);
    expect(counts.get(answerFace(byId('d3')))).toBe(50);
  });

  it('returns fewer than asked rather than reaching for another kind', () => {
    expect(chooseDistractors(byId('q2'), deck.filter((c) => c.kind !== 'qa'), mulberry32(1))).toEqual([]);
  });
});

describe('answerForm / sameForm', () => {
  it.each<[string, string, { items: number; plural: boolean | null }]>([
    ['Load balancers', 'qa', { items: 1, plural: true }],
    ['Consistent hashing', 'cloze', { items: 1, plural: false }],
    ['Paxos', 'cloze', { items: 1, plural: false }],
    ['Access logs', 'qa', { items: 1, plural: true }],
    ['3 replicas', 'qa', { items: 1, plural: null }],
    ['To check a design is feasible before building it.', 'qa', { items: 1, plural: null }],
    ['LRU; LFU; FIFO', 'list', { items: 3, plural: null }],
  ])('%j (%s)', (face, kind, expected) => {
    expect(answerForm(face, kind)).toMatchObject(expected);
  });

  it.each<[string, string, string, boolean]>([
    ['list', 'LRU; LFU; FIFO', 'Single leader; Multi leader; Leaderless', true],
    ['list', 'LRU; LFU; FIFO', 'Cache stampede; Hot keys', false],
    ['cloze', 'Load balancers', 'Reverse proxies', true],
    ['cloze', 'Load balancers', 'Sharding', false],
    ['qa', 'To serve repeated reads faster and cheaper than the database can.', 'Lost writes and two leaders at once, if fencing is missing.', true],
    ['qa', 'To serve repeated reads faster and cheaper than the database can.', 'Sharding', false],
  ])('%s: %j beside %j: %s', (kind, right, option, same) => {
    expect(sameForm(answerForm(right, kind), answerForm(option, kind))).toBe(same);
  });
});

describe('chooseDistractors keeps to the right answer\'s form', () => {
  const plus = (id: string, kind: string, answer: string, path = ['cache', 'patterns']) =>
    ({ id, conceptId: path[1], kind, question: `Q ${id}?`, answer, sourceLine: 1, path, group: { id: path[0], title: path[0] } });

  it('offers only lists with as many items as the answer', () => {
    const pool = [...deck, plus('l5', 'list', '- Cache stampede\n- Hot keys'), plus('l6', 'list', '- A1\n- B2\n- C3\n- D4\n- E5')];
    for (let seed = 0; seed < 20; seed++) {
      for (const d of chooseDistractors(byId('l1'), pool, mulberry32(seed))) expect(d.split('; ')).toHaveLength(3);
    }
  });

  it('offers only plural terms for a plural answer', () => {
    const target = plus('p0', 'cloze', 'Load balancers');
    const pool = [target, plus('p1', 'cloze', 'Reverse proxies'), plus('p2', 'cloze', 'Message queues'), plus('p3', 'cloze', 'Bloom filters'),
      plus('p4', 'cloze', 'Sharding'), plus('p5', 'cloze', 'Gossip protocol'), plus('p6', 'cloze', 'Quorum')];
    for (let seed = 0; seed < 20; seed++) {
      expect(chooseDistractors(target, pool, mulberry32(seed)).sort()).toEqual(['Bloom filters', 'Message queues', 'Reverse proxies']);
    }
  });

  it('never puts a one-word option beside a sentence', () => {
    const pool = [...deck, plus('q5', 'qa', 'Sharding'), plus('q6', 'qa', 'Quorums')];
    for (let seed = 0; seed < 20; seed++) {
      for (const d of chooseDistractors(byId('q1'), pool, mulberry32(seed))) expect(d.split(' ').length).toBeGreaterThan(4);
    }
  });
});
