import { describe, expect, it } from 'vitest';
import { inferHeadings } from '@/lib/ingest/infer-headings';
import { toLines } from '@/lib/ingest/lines';
import { deckOf, note } from './support';

const headingsOf = (text: string) =>
  inferHeadings(toLines(text))
    .map((l) => l.text)
    .filter((t) => t.startsWith('#'));

describe('inferHeadings', () => {
  it('moves an outline heading\'s nested lines left, so they read as its list, not as code', () => {
    const text = note('# Storage outline', '', '1. Caching', '   1.1 Read-through', '       - the cache loads misses itself', '       - callers never touch the store', '   1.2 Write-behind', '       - writes reach the store later', '   1.3 Refresh-ahead', '       - hot keys reload before expiry');
    expect(deckOf(text).cards.map((card) => card.answer)).toContainEqual('- the cache loads misses itself\n- callers never touch the store');
  });

  it.each([
    ['multi-level outline numbers', note('1. Bit-ly', '- short links', '2. Dropbox', '2.1. Upload File', '- chunks', '2.2. Download', '- cdn', '2.3. Sync', '- agent'), ['# 1. Bit-ly', '# 2. Dropbox', '## 2.1 Upload File', '## 2.2 Download', '## 2.3 Sync']],
    ['a chapter number on its own line before a title', note('05', '', 'Design A Rate Limiter', '', 'A rate limiter controls the rate of traffic sent by a client or a service, and it is used widely.'), ['# Design A Rate Limiter']],
    ['"Chapter N" titles', note('Chapter 3: Caching', 'Caching keeps hot data in memory so that repeated reads are served quickly and cheaply.'), ['# Chapter 3: Caching']],
    ['ALL-CAPS lines', note('CAP THEOREM', 'consistency, availability, partition tolerance: pick two when a partition happens'), ['# CAP THEOREM']],
    ['short labels ending in a colon', note('Pros:', '- easy to implement', '- memory efficient'), ['# Pros']],
    ['lines that are wholly bold', note('**Database choice**', '- SQL for transactions', '- NoSQL for scale'), ['# Database choice']],
    ['a title with its course bookkeeping', note('DNS + CDN - lec 7', 'dns maps names to addresses and every resolver caches the answers it gets'), ['# DNS + CDN - lec 7']],
    [
      "an export's bold title above its first written heading",
      note('**Message queues**', '', 'A message queue sits between a producer and a consumer so that neither waits for the other.', '', '## Kafka', '', 'A topic is split into partitions.'),
      ['# Message queues', '## Kafka'],
    ],
    [
      'a numbered item over a long nested outline heads a topic; one over a short list does not',
      note(
        '# Outline', '', '1. Crawler', '   a. Goals', '      i. Scale', '      ii. Politeness', '   b. Core loop', '      i. Seed URLs', '      ii. Frontier', '      iii. Fetcher', '   c. Storage',
        '2. Sharding', '   - why: data too big', '   - hash or range', '3. Indexes', ...Array.from({ length: 10 }, (_, k) => `   - point ${k}`),
      ),
      ['# Outline', '## 1. Crawler', '## 3. Indexes'],
    ],
    [
      'a hand-written "title - subtitle" line over a numbered list',
      note('Kafka notes', '1. a topic is split into partitions and each', '   partition is an append-only log', '2. consumers track their own offsets', '', 'Payments - idempotency', '1. problem: a client times out and retries', '   and gets charged twice by the server'),
      ['# Kafka notes', '# Payments - idempotency'],
    ],
    ['a short title between a blank line and a paragraph', note('Intro text that is long enough to be a paragraph of prose, not a title at all.', '', 'Stateless web tier', '', 'Now it is time to consider scaling the web tier horizontally by moving state out of it.'), ['# Stateless web tier']],
    ['a title holding a relative clause', note('Intro text that is long enough to be a paragraph of prose, not a title at all.', '', 'Numbers every engineer should know', '', 'Reading one megabyte from memory takes a fraction of the time a disk seek does.'), ['# Numbers every engineer should know']],
    ['a lower-case title over hand-wrapped short lines', note('caching notes', '', 'cache aside', 'app checks cache first,', 'on a miss reads the db', 'and fills the cache.'), ['# caching notes', '# cache aside']],
    [
      'capitalised titles over hand-wrapped short lines, a statement under one staying its content',
      note('Replication', 'leader takes all writes', 'followers replay its log in order', '', 'Partitioning', 'key choice matters most', 'hash of the key picks a shard', 'ranges keep scans cheap'),
      ['# Replication', '# Partitioning'],
    ],
    [
      'a name on a line of its own among hand-written records, no blank line around it',
      note('Queues - lecture 6', 'at-least-once: retry until ack, may duplicate', 'Kafka', 'topic split into partitions, each an ordered log', 'offset = position in the log', 'RabbitMQ', 'broker pushes to consumers, msgs deleted after ack'),
      ['# Queues - lecture 6', '# Kafka', '# RabbitMQ'],
    ],
    [
      'a note\'s first line standing alone as its title, though it reads like a record',
      note('CS 4xx - distributed systems - notes 10/14', '', '2PC: the coordinator sends prepare, then commit or abort to every participant.'),
      ['# CS 4xx - distributed systems - notes 10/14'],
    ],
    [
      "a note's first line, a capitalised name straight over lower-case notes",
      note('CAP theorem', 'in a partition you pick C or A', 'CP -> refuse some requests', 'AP -> answer with maybe stale data', '', 'Replication', 'leader-follower: all writes go to the leader', 'multi-leader: writes in two or more datacenters'),
      ['# CAP theorem', '# Replication'],
    ],
    [
      'an indented outline under a written heading, however short',
      note('# Storage outline', '', '1. Caching', '   1.1 Read-through', '       - the cache loads misses itself', '   1.2 Write-behind', '       - writes reach the store later', '2. Queues', '   2.1 Work queues', '       - one consumer per message'),
      ['# Storage outline', '## 1. Caching', '### 1.1 Read-through', '### 1.2 Write-behind', '## 2. Queues', '### 2.1 Work queues'],
    ],
    [
      'the next top number of an outline with no sub-numbers of its own',
      note('# Storage outline', '', '1. Caching', '   1.1 Read-through', '   1.2 Write-behind', '2. Queues', '   2.1 Work queues', '3. Indexes', '   - B-tree: balanced'),
      ['# Storage outline', '## 1. Caching', '### 1.1 Read-through', '### 1.2 Write-behind', '## 2. Queues', '### 2.1 Work queues', '## 3. Indexes'],
    ],
  ])('finds %s', (_, text, expected) => {
    expect(headingsOf(text)).toEqual(expected);
  });

  it.each([
    ['a short sentence', note('', 'It works well.', '', 'A long paragraph that follows the short sentence and goes on for quite a while.')],
    ['a decimal number starting prose', note('1.5 million users visit the site every day, which is about 17 requests per second.')],
    ['a numbered list in a note without outline numbers', note('Steps:', '', '1. Check the cache', '2. Query the database', '3. Store the result')],
    ['a lead-in sentence ending in a colon', note('Here are some things to weigh when adding a cache layer:', '- expiration', '- consistency')],
    ['a sentence lead-in shaped like a label', note('Intro paragraph that is long enough to be prose and not a title at all, really.', '', 'It is made of these parts:', '- Client', '- CDN')],
    ['code', note('```', 'SELECT', 'FROM users', '```')],
    ['a statement standing alone', note('Intro paragraph that is long enough to be prose and not a title at all, really.', '', 'Registries and brokers govern most of the routing tables', '', 'A long paragraph that follows the statement and goes on for quite a while.')],
  ])('leaves %s alone', (_, text) => {
    expect(headingsOf(text).filter((h) => h !== '# Steps')).toEqual([]);
  });

  it('does nothing to a note that already has markdown headings', () => {
    const text = note('# Caching', '', 'PROS:', '- fast', '', '## Eviction', '', 'LRU evicts the least recently used entry.');
    expect(headingsOf(text)).toEqual(['# Caching', '## Eviction']);
  });

  describe('per stretch of text without a written heading', () => {
    const prose = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i + 1} of prose about caching that is long enough to be content.`);
    const withLabel = (lines: number) => note('# Caching', '', 'PROS:', '- fast', '- cheap', '', ...prose(lines));

    it('a long stretch under a heading gets headings inferred, one level below it', () => {
      expect(headingsOf(withLabel(300))).toEqual(['# Caching', '## PROS']);
      expect(deckOf(withLabel(300)).concepts.map((c) => c.path)).toEqual([['Caching'], ['Caching', 'PROS']]);
    });

    it('so does a stretch long in characters but not in lines', () => {
      const paragraphs = Array.from({ length: 8 }, () => [prose(6).join(' '), '']).flat();
      expect(headingsOf(note('## Caching', '', 'Eviction:', ...paragraphs))).toEqual(['## Caching', '### Eviction']);
    });

    it('short stretches between written headings are left alone', () => {
      const section = (title: string) => [`## ${title}`, '', 'PROS:', '- fast', '- cheap', '', ...prose(30)];
      expect(headingsOf(note('# Caching', ...section('Reads'), ...section('Writes')))).toEqual(['# Caching', '## Reads', '## Writes']);
    });

    it('only the long stretch of a note gets headings', () => {
      const text = note('# Caching', '', 'PROS:', '- fast', '', '## Eviction', '', 'PROS:', '- simple', '', ...prose(60), '## Sizing', '', 'PROS:', '- cheap');
      expect(headingsOf(text)).toEqual(['# Caching', '## Eviction', '### PROS', '## Sizing']);
    });

    it('a note without any written heading is inferred however short', () => {
      expect(headingsOf(note('PROS:', '- fast', '- cheap'))).toEqual(['# PROS']);
    });

    it('blank lines, code and table rows do not count as text', () => {
      const padded = note('# Caching', '', 'PROS:', '- fast', '- cheap', '', ...Array<string>(400).fill(''), '```', ...prose(400), '```', ...Array<string>(50).fill('| a | b |'), 'The end.');
      expect(headingsOf(padded)).toEqual(['# Caching']);
    });

    it.each([
      ['setext headings', ['Reads', '-----']],
      ['headings written as list items', ['- ## Reads']],
    ])('%s end a stretch and anchor its depth', (_, heading) => {
      const text = note('# Caching', '', ...heading, '', 'PROS:', '- fast', '', ...prose(60));
      const lines = inferHeadings(toLines(text)).map((l) => l.text);
      expect(lines.filter((t) => t.startsWith('#'))).toEqual(['# Caching', '### PROS']);
      expect(lines.slice(2, 2 + heading.length)).toEqual(heading);
    });

    it('headings inferred before the first written heading sit beside it, not above it', () => {
      const text = note('PROS:', '- fast', '', ...prose(60), '## Sizing', 'Plan for the peak.');
      expect(headingsOf(text)).toEqual(['## PROS', '## Sizing']);
    });

    it('outline numbers under a written heading start one level below it', () => {
      const text = note('## Storage', '', '3.1 Object stores', ...prose(25), '3.1.1 Buckets', ...prose(25), '3.2 Block stores', 'Disks attached to one machine.');
      expect(headingsOf(text)).toEqual(['## Storage', '### 3.1 Object stores', '#### 3.1.1 Buckets', '### 3.2 Block stores']);
    });
  });

  describe('decorated titles', () => {
    const body = 'Requests go to each server in turn, so the load spreads evenly.';
    it.each([
      ['an arrow before a title after a break', note('', '⇒ Round robin :-', body), ['# Round robin']],
      ['"(i)" enumerators', note('(i) Round robin :-', body, '(ii) Least connections :-', body), ['# Round robin', '# Least connections']],
      ['a circled number', note('① Round robin', body, '② Least connections', body), ['# Round robin', '# Least connections']],
      ['a bracketed letter', note('[A] Round robin', body, '[B] Least connections', body), ['# Round robin', '# Least connections']],
      ['a list number with ":-"', note('1) Round robin :-', body, '2) Least connections :-', body), ['# Round robin', '# Least connections']],
      ['a lower-case label with ":-"', note('round robin:-', body), ['# round robin']],
      ['an arrow alone on its line', note('Intro text that is long enough to be a paragraph of prose.', '', '→ Round robin', '', body), ['# Round robin']],
      ['a CJK enumerator', note('一、负载均衡', body), ['# 负载均衡']],
    ])('finds %s, with its decoration dropped', (_, text, expected) => {
      expect(headingsOf(text)).toEqual(expected);
    });

    it('nests styles under the one seen first, and returns to a style seen before', () => {
      const text = note('Balancing :-', body, '(i) Round robin :-', body, '(ii) Least connections :-', body, 'Caching :-', body, '(i) Write through :-', body);
      expect(headingsOf(text)).toEqual(['# Balancing', '## Round robin', '## Least connections', '# Caching', '## Write through']);
    });

    it('nests labels and enumerators under the last title', () => {
      const text = note('', 'LOAD BALANCING', body, 'Pros:', '- even load', '① Sticky sessions', body, 'Cons:', '- none');
      expect(headingsOf(text)).toEqual(['# LOAD BALANCING', '## Pros', '### Sticky sessions', '## Cons']);
    });

    it.each([
      ['an arrow leading a conclusion', note('Cache the result in memory for the next reader of the page', '=> Lower latency', 'Some more text that follows and is long enough.')],
      ['a run of enumerated items', note('There are a few ways to spread the load across servers.', '(i) Round robin', '(ii) Least connections', '(iii) Random choice', '', body)],
      ['a list number without ":-"', note('1) Round robin', body, '2) Least connections', body)],
      ['a citation', note('[1] Round robin scheduling:', '', '<https://example.com/round-robin>', '', '[2] Least connections:', '', 'https://example.com/least')],
      ['an enumerated sentence', note('(i) Requests go to each server in turn.', body)],
      ['an enumerated statement', note('① Requests are spread evenly', body)],
      ['a title followed by no content', note('(i) Round robin :-', '## Written')],
    ])('leaves %s alone', (_, text) => {
      expect(headingsOf(text).filter((h) => h !== '## Written')).toEqual([]);
    });
  });

  describe('in long prose without headings', () => {
    /** Hand-wrapped lines: each paragraph ends a sentence on its last line. */
    const paragraph = (n: number) => [
      ...Array.from({ length: n - 1 }, () => 'copies of the data sit on several machines so a crash'),
      'of any one of them loses nothing at all.',
    ];
    const prose = (...titles: string[]) => titles.flatMap((title) => [title, ...paragraph(12)]);

    it('a short line after a finished sentence starts a topic, in any case', () => {
      expect(headingsOf(note(...paragraph(3), ...prose('leader election', 'Quorum reads', 'fencing tokens')))).toEqual(['# leader election', '# Quorum reads', '# fencing tokens']);
    });

    it.each([
      ['a line inside a sentence', ['the data sits on several machines so', 'a crash']],
      ['a line too long for a title in a run of lines', ['the leader then takes writes']],
      ['a statement', ['writes are slow']],
      ['a line ending in punctuation', ['leader election:']],
      ['code', ['leader_id = 3']],
    ])('but not %s', (_, lines) => {
      const text = note(...prose('leader election').slice(0, 6), 'of any one of them loses nothing at all.', ...lines, ...paragraph(40));
      expect(headingsOf(text)).toEqual(['# leader election']);
    });

    it('short prose keeps to the stricter rules', () => {
      expect(headingsOf(note(...paragraph(3), 'leader election', ...paragraph(3)))).toEqual([]);
    });
  });

  it('leaves a short statement between blank lines alone', () => {
    const text = note('Intro text that is long enough to be a paragraph of prose, not a title.', '', 'Followers are read only', '', 'Reads from followers may return data that is a little behind the leader.');
    expect(headingsOf(text)).toEqual([]);
  });

  it.each([
    ['a lone number', note('', '4', '', 'Some content that is long enough to be a paragraph of text here.')],
    ['a circled number', note('', '④', '', 'Some content that is long enough to be a paragraph of text here.')],
    ['an enumerator alone', note('', '(ii)', '', 'Some content that is long enough to be a paragraph of text here.')],
    ['a page footer', note('', 'Page 12', '', 'Some content that is long enough to be a paragraph of text here.')],
    ['a bold number', note('**42**', 'Some content that is long enough to be a paragraph of text here.')],
    ['numbers in a table exported as lines', note('', '100 200', '', 'Some content that is long enough to be a paragraph of text here.')],
  ])('never makes a heading of debris: %s', (_, text) => {
    expect(headingsOf(text)).toEqual([]);
  });

  it('nests weak headings one level below the last outline heading', () => {
    const deck = deckOf(note('1.1. Token bucket', 'A token bucket refills tokens at a fixed rate and spends one per request.', '', 'Pros:', '', '- easy to implement', '- memory efficient', '2.1. Leaky bucket', 'A queue drained at a fixed rate.'), 'notes/rate.txt');
    expect(deck.concepts.map((c) => c.path.join(' › '))).toEqual(['Token bucket', 'Token bucket › Pros', 'Leaky bucket']);
  });

  it('keeps line numbers of the note as written', () => {
    const deck = deckOf(note('1. Bit-ly', '-', 'Pre-signed URL: gives temporary access to a private object without credentials.', '2. Dropbox', '2.1. Upload', '- chunks'), 'notes/n.txt');
    const card = deck.cards.find((c) => c.question === 'What is Pre-signed URL?');
    expect(card?.line).toBe(3);
    expect(deck.concepts.find((c) => c.title === 'Upload')?.startLine).toBe(5);
  });
});
