import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport } from '@/lib/ingest/export';
import { deckOf } from './support';

/**
 * Golden files: each folder under fixtures/ holds input.md and expected.json, the deck export
 * of that note. Run with UPDATE_FIXTURES=1 to rewrite expected.json, then review the diff.
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('fixture notes', () => {
  it('has fixture cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('%s matches expected.json', (name) => {
    const dir = path.join(FIXTURES, name);
    // A fixed file name, so keys and source.file do not depend on where the repo lives.
    const deck = deckOf(readFileSync(path.join(dir, 'input.md'), 'utf8'), `${name}.md`);
    const actual = buildExport([deck]);
    const expectedFile = path.join(dir, 'expected.json');
    if (UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_FIXTURES=1`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    // Passages left unasked are reported (an open question, a row with no header to ask by); no card is refused.
    expect(deck.warnings.filter((w) => !w.message.startsWith('passage not studyable'))).toEqual([]);
  });
});
