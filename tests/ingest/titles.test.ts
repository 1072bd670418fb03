import { describe, expect, it } from 'vitest';
import { cleanTitle, titleFromPath } from '@/lib/ingest/titles';

describe('cleanTitle', () => {
  it.each([
    ['2.3. Caching', 'Caching'],
    ['1.4.1 SQL vs NoSQL', 'SQL vs NoSQL'],
    ['1) Load balancing', 'Load balancing'],
    ['3. Replication', 'Replication'],
    ['Caching:', 'Caching'],
    ['Caching strategies :', 'Caching strategies'],
    ['Sharding ##', 'Sharding'],
    ['Consistency —', 'Consistency'],
    ['→ Write-through', 'Write-through'],
    ['• Rate limiting', 'Rate limiting'],
    ['* Queues', 'Queues'],
    ['  Extra   inner   spaces  ', 'Extra inner spaces'],
    ['Why cache?', 'Why cache?'],
    // Numbers that are part of the title are kept.
    ['3 ways to shard', '3 ways to shard'],
    ['100 ms latency budget', '100 ms latency budget'],
    ['CAP theorem: C vs A', 'CAP theorem: C vs A'],
    ['Databases: SQL vs NoSQL', 'Databases: SQL vs NoSQL'],
    ['---', ''],
    // Emoji go, wherever they sit; so does outline numbering behind them.
    ['🚀 Caching 🎯', 'Caching'],
    ['Rate 🔥 limiting', 'Rate limiting'],
    ['✅ 2.1 Why cache? 🤔', 'Why cache?'],
    ['2.3. 🚀 Caching', 'Caching'],
    ['Caching \uFFFD', 'Caching'],
  ])('%j -> %j', (raw, title) => {
    expect(cleanTitle(raw)).toBe(title);
  });
});

describe('titleFromPath', () => {
  it.each([
    ['notes/url-shortener_design.md', 'Url shortener design'],
    ['caching-strategies.md', 'Caching strategies'],
    ['content/cap-theorem.markdown', 'Cap theorem'],
    ['C:\\notes\\rate_limiting.MD', 'Rate limiting'],
    ['notes/Sharding.txt', 'Sharding'],
    ['notes/README', 'README'],
    ['notes/.md', 'Untitled'],
    ['notes/--.md', 'Untitled'],
  ])('%s -> %j', (file, title) => {
    expect(titleFromPath(file)).toBe(title);
  });
});
