import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckOf } from './support';

/** The study notes shipped in content/: every one must give a usable deck. */
const CONTENT = path.resolve(import.meta.dirname, '../../content');
const notes = readdirSync(CONTENT).filter((name) => name.endsWith('.md')).sort();

describe('shipped notes in content/', () => {
  it('ships at least 10 starter notes', () => {
    expect(notes.length).toBeGreaterThanOrEqual(10);
  });

  it.each(notes)('%s gives a titled deck with at least 5 clean cards', (name) => {
    const deck = deckOf(readFileSync(path.join(CONTENT, name), 'utf8'), `content/${name}`);
    const topLevel = deck.concepts.filter((c) => c.depth === 1);
    expect(topLevel.length, 'a "# Title" heading').toBeGreaterThanOrEqual(1);
    expect(topLevel[0].title).not.toBe('');
    expect(deck.cards.length).toBeGreaterThanOrEqual(5);
    expect(deck.warnings.filter((w) => /markup/.test(w.message))).toEqual([]);
  });
});
