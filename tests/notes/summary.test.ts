import { describe, expect, it } from 'vitest';
import { describeSummary, type NoteSummary } from '@/lib/notes/summary';

const base: NoteSummary = { file: 'notes/caching.md', status: 'new', concepts: 3, created: 5, changed: 0, unchanged: 0, retired: 0 };

describe('describeSummary (the CLI line, also shown by the upload page)', () => {
  it.each<[string, Partial<NoteSummary>, string]>([
    ['a new note', {}, 'notes/caching.md: new, 3 concepts; cards 5 new, 0 changed, 0 unchanged, 0 retired'],
    ['one concept', { concepts: 1 }, 'notes/caching.md: new, 1 concept; cards 5 new, 0 changed, 0 unchanged, 0 retired'],
    ['an unchanged file', { status: 'unchanged', created: 0, unchanged: 7 }, 'notes/caching.md: unchanged file; cards 0 new, 0 changed, 7 unchanged, 0 retired'],
    ['a removed note', { status: 'removed', created: 0, retired: 4 }, 'notes/caching.md: removed from its folder; cards 0 new, 0 changed, 0 unchanged, 4 retired'],
    ['a moved note', { status: 'updated', created: 1, changed: 2, movedFrom: 'old/caching.md' }, 'notes/caching.md: updated, 3 concepts, moved from old/caching.md; cards 1 new, 2 changed, 0 unchanged, 0 retired'],
  ])('%s', (_case, change, line) => {
    expect(describeSummary({ ...base, ...change })).toBe(line);
  });
});
