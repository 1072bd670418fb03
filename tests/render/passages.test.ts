import { describe, expect, it } from 'vitest';
import { lineFromHash, passagesForLine } from '@/lib/render/passages';

// A heading (1), a paragraph (3-4), a list (6-9) of two items (6-7, 8-9), a paragraph (12).
const PASSAGES = [
  { start: 1, end: 1 },
  { start: 3, end: 4 },
  { start: 6, end: 9 },
  { start: 6, end: 7 },
  { start: 8, end: 9 },
  { start: 12, end: 12 },
];

describe('passagesForLine', () => {
  it.each([
    [1, [0]],
    [4, [1]],
    [6, [3]],
    [9, [4]],
    [12, [5]],
  ])('line %i is shown by the narrowest passage containing it', (line, expected) => {
    expect(passagesForLine(PASSAGES, line)).toEqual(expected);
  });

  it.each([
    [2, [1]],
    [10, [5]],
    [5, [3]],
    [30, [5]],
  ])('line %i, inside no passage, goes to the next passage, else the last', (line, expected) => {
    expect(passagesForLine(PASSAGES, line)).toEqual(expected);
  });

  it('matches nothing without passages', () => {
    expect(passagesForLine([], 3)).toEqual([]);
  });
});

describe('lineFromHash', () => {
  it.each([
    ['#line-12', 12],
    ['#line-x', null],
    ['#card-abc', null],
    ['', null],
    ['#line-12345678901', null],
  ])('%j -> %s', (hash, expected) => {
    expect(lineFromHash(hash)).toBe(expected);
  });
});
