import { describe, expect, it } from 'vitest';
import { answerFace, comparisonAttribute, definedTerm } from '@/lib/quiz/cards';
import { chooseDistractors } from '@/lib/quiz/distractors';
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
