import { describe, expect, it } from 'vitest';
import { cleanTitle, splitDecoration, titleFromPath } from '@/lib/ingest/titles';

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
    // Decoration before and after a title goes.
    ['⇒ Round robin :-', 'Round robin'],
    ['(i) Round robin :-', 'Round robin'],
    ['Round robin:-', 'Round robin'],
    ['① Round robin', 'Round robin'],
    ['❸ Round robin –', 'Round robin'],
    ['1) Round robin :-', 'Round robin'],
    ['[A] Round robin', 'Round robin'],
    ['(b). Round robin', 'Round robin'],
    ['iv. Round robin', 'Round robin'],
    ['=> Round robin ->', 'Round robin'],
    ['二、负载均衡', '负载均衡'],
    // Brackets and quotes that open the title stay.
    ['(Optional) Round robin', '(Optional) Round robin'],
    ['"Exactly once" delivery', '"Exactly once" delivery'],
    ['X.509 certificates', 'X.509 certificates'],
    ['A', 'A'],
    // A title needs a letter: debris is no title.
    ['4', ''],
    ['④', ''],
    ['(ii)', ''],
    ['*', ''],
    ['2024', ''],
    ['12 / 300', ''],
  ])('%j -> %j', (raw, title) => {
    expect(cleanTitle(raw)).toBe(title);
  });
});

describe('splitDecoration', () => {
  it.each([
    ['(iv) Round robin :-', { style: '(i)', kind: 'enumerator', title: 'Round robin', closer: ':-' }],
    ['③ Round robin', { style: '①', kind: 'enumerator', title: 'Round robin', closer: '' }],
    ['[C] Round robin:', { style: '[A]', kind: 'enumerator', title: 'Round robin', closer: ':' }],
    ['12) Round robin :–', { style: '1)', kind: 'list', title: 'Round robin', closer: ':-' }],
    ['==> Round robin', { style: '=>', kind: 'arrow', title: 'Round robin', closer: '' }],
    ['round robin :-', { style: null, kind: null, title: 'round robin', closer: ':-' }],
    ['Round robin: each server in turn', { style: null, kind: null, title: 'Round robin: each server in turn', closer: '' }],
  ])('%j', (line, decoration) => {
    expect(splitDecoration(line)).toEqual(decoration);
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
