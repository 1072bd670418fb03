import { describe, expect, it } from 'vitest';
import { MARK_CLOSE as C, MARK_OPEN as O, parseMarked } from '@/lib/render/snippets';

describe('parseMarked', () => {
  it('splits FTS5 output into plain and marked runs', () => {
    expect(parseMarked(`A ${O}write${C} and ${O}read${C}`)).toEqual([
      { text: 'A ', mark: false },
      { text: 'write', mark: true },
      { text: ' and ', mark: false },
      { text: 'read', mark: true },
    ]);
  });

  it('keeps markup as text: it is rendered by React, never as HTML', () => {
    expect(parseMarked(`<img src=x onerror=alert(1)> ${O}<b>${C}`)).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: '<b>', mark: true },
    ]);
  });

  it('drops stray sentinels from note text, so marks never nest or dangle', () => {
    expect(parseMarked(`${C}a ${O}b ${O}c${C}${C} d ${O}e`)).toEqual([
      { text: 'a ', mark: false },
      { text: 'b c', mark: true },
      { text: ' d ', mark: false },
      { text: 'e', mark: true },
    ]);
  });

  it('strips markdown noise and folds whitespace', () => {
    const runs = parseMarked(`## Title\n\n- **${O}Term${C}**: \`code\` | cell |\n> quote`);
    expect(runs.map((r) => r.text).join('')).toBe('Title Term: code cell quote');
    expect(runs.find((r) => r.mark)?.text).toBe('Term');
  });
});
