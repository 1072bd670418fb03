import { describe, expect, it } from 'vitest';
import { inferHeadings } from '@/lib/ingest/infer-headings';
import { toLines } from '@/lib/ingest/lines';
import { deckOf, note } from './support';

const headingsOf = (text: string) =>
  inferHeadings(toLines(text))
    .map((l) => l.text)
    .filter((t) => t.startsWith('#'));

describe('inferHeadings', () => {
  it.each([
    ['multi-level outline numbers', note('1. Bit-ly', '- short links', '2. Dropbox', '2.1. Upload File', '- chunks', '2.2. Download', '- cdn', '2.3. Sync', '- agent'), ['# 1. Bit-ly', '# 2. Dropbox', '## 2.1 Upload File', '## 2.2 Download', '## 2.3 Sync']],
    ['a chapter number on its own line before a title', note('05', '', 'Design A Rate Limiter', '', 'A rate limiter controls the rate of traffic sent by a client or a service, and it is used widely.'), ['# Design A Rate Limiter']],
    ['"Chapter N" titles', note('Chapter 3: Caching', 'Caching keeps hot data in memory so that repeated reads are served quickly and cheaply.'), ['# Chapter 3: Caching']],
    ['ALL-CAPS lines', note('CAP THEOREM', 'consistency, availability, partition tolerance: pick two when a partition happens'), ['# CAP THEOREM']],
    ['short labels ending in a colon', note('Pros:', '- easy to implement', '- memory efficient'), ['# Pros']],
    ['lines that are wholly bold', note('**Database choice**', '- SQL for transactions', '- NoSQL for scale'), ['# Database choice']],
    ['a short title between a blank line and a paragraph', note('Intro text that is long enough to be a paragraph of prose, not a title at all.', '', 'Stateless web tier', '', 'Now it is time to consider scaling the web tier horizontally by moving state out of it.'), ['# Stateless web tier']],
    ['a lower-case title over hand-wrapped short lines', note('caching notes', '', 'cache aside', 'app checks cache first,', 'on a miss reads the db', 'and fills the cache.'), ['# caching notes', '# cache aside']],
  ])('finds %s', (_, text, expected) => {
    expect(headingsOf(text)).toEqual(expected);
  });

  it.each([
    ['a short sentence', note('', 'It works well.', '', 'A long paragraph that follows the short sentence and goes on for quite a while.')],
    ['a decimal number starting prose', note('1.5 million users visit the site every day, which is about 17 requests per second.')],
    ['a numbered list in a note without outline numbers', note('Steps:', '', '1. Check the cache', '2. Query the database', '3. Store the result')],
    ['a lead-in sentence ending in a colon', note('Here are a few considerations for using a cache system:', '- expiration', '- consistency')],
    ['a sentence lead-in shaped like a label', note('Intro paragraph that is long enough to be prose and not a title at all, really.', '', 'It consists of the following components:', '- Client', '- CDN')],
    ['code', note('```', 'SELECT', 'FROM users', '```')],
  ])('leaves %s alone', (_, text) => {
    expect(headingsOf(text).filter((h) => h !== '# Steps')).toEqual([]);
  });

  it('does nothing to a note that already has markdown headings', () => {
    const text = note('# Caching', '', 'PROS:', '- fast', '', '## Eviction', '', 'LRU evicts the least recently used entry.');
    expect(headingsOf(text)).toEqual(['# Caching', '## Eviction']);
  });

  describe('only when a note has fewer than one markdown heading per 150 lines of text', () => {
    const prose = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i + 1} of prose about caching that is long enough to be content.`);
    const withLabel = (lines: number) => note('# Caching', '', 'PROS:', '- fast', '- cheap', '', ...prose(lines));

    it('a long note with a single heading gets headings inferred', () => {
      // Only which headings, not their depth: see known-bugs.test.ts.
      expect(headingsOf(withLabel(300)).map((h) => h.replace(/^#+\s*/, ''))).toEqual(['Caching', 'PROS']);
      expect(deckOf(withLabel(300)).concepts.map((c) => c.title)).toContain('PROS');
    });

    it('a note with one heading per 100 lines is left alone', () => {
      expect(headingsOf(withLabel(100))).toEqual(['# Caching']);
      expect(deckOf(withLabel(100)).concepts.map((c) => c.title)).toEqual(['Caching']);
    });

    it('blank lines and code do not count as text', () => {
      const padded = note('# Caching', '', 'PROS:', '- fast', '- cheap', '', ...Array<string>(400).fill(''), '```', ...prose(400), '```', 'The end.');
      expect(headingsOf(padded)).toEqual(['# Caching']);
    });
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
