import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { Highlighted } from '@/lib/render/snippets';
import { ingestTestNotes, openAppDatabase } from './support';

const NOTES: Record<string, string> = {
  'notes/caching.md': [
    '# Caching',
    '',
    'A **write-through cache** writes to the cache and the store together.',
    '',
    '## Eviction',
    '',
    'What is LRU? :: Least recently used: evict the entry untouched the longest.',
    '',
    '## Café tricks',
    '',
    'The Café pattern keeps a `<script>alert(1)</script>` warm copy near the reader.',
  ].join('\n'),
  'notes/queues.md': ['# Queues', '', 'What is a DLQ? :: A dead-letter queue for messages that keep failing.'].join('\n'),
};

let prisma: PrismaClient;
let close: () => Promise<void>;
let search: typeof import('@/lib/db/search');
let userId: string;

beforeAll(async () => {
  ({ prisma, close } = await openAppDatabase());
  search = await import('@/lib/db/search');
  await ingestTestNotes(NOTES);
  ({ id: userId } = await prisma.user.create({ data: { email: 'reader@example.com', passwordHash: 'x' } }));
});

afterAll(async () => {
  await close?.();
});

const plain = (runs: Highlighted) => runs.map((r) => r.text).join('');
const marked = (runs: Highlighted) => runs.filter((r) => r.mark).map((r) => r.text.toLowerCase());

describe('toFtsQuery', () => {
  it.each([
    ['cache', '"cache"*'],
    ['  Write-Through   cache ', '"Write Through" "cache"*'],
    ['LRU?', '"LRU"*'],
    ['"quoted" OR NEAR(a b) -x col:val', '"quoted" "OR" "NEAR a" "b" "x" "col val"*'],
    ['café', '"café"*'],
    ['p99.9 latency', '"p99 9" "latency"*'],
  ])('%j -> %s', (input, expected) => {
    expect(search.toFtsQuery(input)).toBe(expected);
  });

  it.each(['', '   ', '***', '"', '-- ::', '()', '^'])('%j has nothing to search', (input) => {
    expect(search.toFtsQuery(input)).toBeNull();
  });

  it('keeps at most MAX_QUERY_WORDS words', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(search.toFtsQuery(words)?.split(' ')).toHaveLength(search.MAX_QUERY_WORDS);
  });
});

describe('searchNotes', () => {
  it('finds concepts and cards by a prefix, ignoring case, and links each hit to its concept', async () => {
    const hits = await search.searchNotes(userId, 'EVIC');
    const concept = hits.find((h) => h.kind === 'concept');
    expect(concept?.trail).toEqual(['Caching', 'Eviction']);
    expect(marked(concept!.title)).toEqual(['eviction']);
    const card = hits.find((h) => h.kind === 'card');
    expect(card?.href).toBe(`/topics/${card?.conceptId}#card-${card?.id}`);
    expect(concept?.href).toBe(`/topics/${concept?.conceptId}`);
  });

  it('treats punctuation inside a word as adjacency and ignores it elsewhere', async () => {
    const hits = await search.searchNotes(userId, 'write-through,');
    expect(hits.map((h) => plain(h.title))).toContain('Caching');
    expect(hits.flatMap((h) => marked(h.snippet))).toContain('write-through');
  });

  it('folds diacritics both ways', async () => {
    expect((await search.searchNotes(userId, 'cafe')).length).toBeGreaterThan(0);
    expect((await search.searchNotes(userId, 'CAFÉ tri')).map((h) => plain(h.title))).toContain('Café tricks');
  });

  it('ANDs the words of a query', async () => {
    const hits = await search.searchNotes(userId, 'dead letter');
    expect(hits.map((h) => h.kind).sort()).toEqual(['card', 'concept']);
    expect(await search.searchNotes(userId, 'dead eviction')).toEqual([]);
  });

  it('returns nothing, without an error, for garbage and FTS5 syntax', async () => {
    for (const query of ['', '***', '"', 'NEAR(', 'a OR', '-x', 'title:cache', '(((', 'zzzzqqq']) {
      await expect(search.searchNotes(userId, query)).resolves.toSatisfy((hits: unknown[]) => Array.isArray(hits));
    }
    expect(await search.searchNotes(userId, 'zzzzqqq')).toEqual([]);
    expect(await search.searchNotes(userId, '"')).toEqual([]);
  });

  it('gives note text back as text: markup in a note is never turned into HTML', async () => {
    const [hit] = await search.searchNotes(userId, 'warm copy');
    expect(plain(hit.snippet)).toContain('<script>alert(1)</script>');
    expect(hit.snippet.every((run) => typeof run.text === 'string')).toBe(true);
  });

  it('ranks a title hit above a body mention and respects the limit', async () => {
    const hits = await search.searchNotes(userId, 'queue');
    expect(hits[0].kind).toBe('concept');
    expect(plain(hits[0].title)).toBe('Queues');
    expect(await search.searchNotes(userId, 'c', 2)).toHaveLength(2);
  });

  it('leaves out a snippet that would only repeat the title', async () => {
    await prisma.concept.updateMany({ where: { title: 'Eviction' }, data: { body: '## Eviction' } });
    const [hit] = await search.searchNotes(userId, 'eviction');
    expect(hit).toMatchObject({ kind: 'concept', snippet: [] });
  });

  it('drops retired cards from the results', async () => {
    await prisma.card.updateMany({ where: { question: { contains: 'DLQ' } }, data: { status: 'retired' } });
    expect((await search.searchNotes(userId, 'dead letter')).filter((h) => h.kind === 'card')).toEqual([]);
  });
});
