import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@/lib/quiz/random';
import {
  containsKeyword,
  duplicateCount,
  duplicateRate,
  factRecall,
  type GarbageReason,
  garbageReasons,
  garbageSummary,
  type GoldFile,
  namesSubject,
  normaliseText,
  sampleIndices,
  subjectSummary,
  subjectWords,
  topicRecall,
} from '@/bench/quality';

const card = (question: string, answer: string) => ({ question, answer });
const OK_Q = 'What is a cache?';
const OK_A = 'A fast store of copies.';

describe('normaliseText / containsKeyword', () => {
  it.each([
    ['Bit-ly', 'bit ly'],
    ['  Dropbox   File\tSystem ', 'dropbox file system'],
    ['READ_COMMITTED (default)', 'read committed default'],
    ['150 µs', '150 μs'], // micro sign folds to Greek mu
    ['Không là nó scan DB.', 'không là nó scan db'],
    ['O(log(n))', 'o log n'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it.each([
    ['Design A Rate Limiter', 'rate limiter', true],
    ['Design A Rate Limiter', 'RATE-LIMITER', true],
    ['3. NoSQL Design', 'sql design', false], // whole words only
    ['4. SQL Design', 'sql design', true],
    ['Bloom filters', 'bloom filter', false],
    ['Redis: O(log(n)) to execute', 'o(log(n))', true],
    ['anything', '', false],
    ['anything', '***', false],
  ])('%j contains %j → %s', (text, keyword, expected) => {
    expect(containsKeyword(text, keyword)).toBe(expected);
  });
});

describe('garbageReasons', () => {
  const cases: [string, { question: string; answer: string }, GarbageReason[]][] = [
    ['a clean question card', card(OK_Q, OK_A), []],
    ['a clean cloze card', card('A ____ stores copies of data.', 'cache'), []],
    ['bold with asterisks', card('What is **Redis**?', OK_A), ['markup']],
    ['bold with underscores', card(OK_Q, 'A __fast__ store.'), ['markup']],
    ['a markdown link', card(OK_Q, 'See [docs](https://x.io).'), ['markup']],
    ['an image', card(OK_Q, '![diagram](a.png) A store.'), ['markup']],
    ['an HTML tag', card(OK_Q, 'A <small>fast</small> store.'), ['markup']],
    ['a self-closing tag', card(OK_Q, 'Fast<br/>store.'), ['markup']],
    ['an attribute-laden tag', card(OK_Q, '<ul style="x"> • Full data set'), ['markup']],
    ['an autolink', card(OK_Q, 'Join at <http://bit.ly/x>.'), ['markup']],
    ['a line starting with #', card(OK_Q, 'Copies.\n## Next section'), ['markup']],
    ['an escaped list number', card(OK_Q, '1\\. First step.'), ['markup']],
    ['an escaped asterisk', card(OK_Q, 'Use \\* for all.'), ['markup']],
    ['an escaped percent (LaTeX)', card(OK_Q, 'hash \\% 4 picks a server.'), ['markup']],
    ['generic type is not a tag', card(OK_Q, 'A List<String> of keys.'), []],
    ['comparison is not a tag', card('Is 3 < 4 and 5 > 2?', 'Yes.'), []],
    ['&amp;', card(OK_Q, 'Read &amp; write.'), ['html-entity']],
    ['&#39;', card('What&#39;s a cache?', OK_A), ['html-entity']],
    ['&nbsp;', card(OK_Q, 'A&nbsp;store.'), ['html-entity']],
    ['a bare ampersand is fine', card('Read & write?', 'Both.'), []],
    ['cp1252 Ã©', card(OK_Q, 'A cachÃ© store.'), ['mojibake']],
    ['cp1252 â€™', card(OK_Q, 'It doesnâ€™t persist.'), ['mojibake']],
    ['Mac Roman ‚Ä (bullet)', card(OK_Q, '‚Ä¢ Geographically distributed cache.'), ['mojibake']],
    ['Mac Roman üé (emoji)', card('What is üéØ RPC?', OK_A), ['mojibake']],
    ['Mac Roman Œº (mu)', card(OK_Q, 'About 150 Œºs.'), ['mojibake']],
    ['Mac Roman → arrow', card(OK_Q, 'Client ‚Üí server.'), ['mojibake']],
    ['UTF-8 replacement as cp1252', card(OK_Q, 'Broken ï¿½ text.'), ['mojibake']],
    ['U+FFFD', card(OK_Q, 'Broken \uFFFD text.'), ['mojibake']],
    ['stray U+F8FF', card(OK_Q, 'Apple \uF8FF logo.'), ['mojibake']],
    ['real accents are fine', card('Qu’est-ce qu’un café?', 'Không là nó scan DB — µs, é, ü.'), []],
    ['Figure N', card(OK_Q, 'Figure 3 shows the flow.'), ['figure-reference']],
    ['Fig. N-M', card(OK_Q, 'See Fig. 4-2.'), ['figure-reference']],
    ['as shown in the figure', card(OK_Q, 'As shown in the figure below, requests flow.'), ['figure-reference']],
    ['the word "figure out" is fine', card('How to figure out the next URL?', 'Increment the ID.'), []],
    ['empty question', card('  ', OK_A), ['empty-question']],
    ['empty answer', card(OK_Q, '\n'), ['empty-answer']],
    ['question too long', card(`${'x'.repeat(300)}?`, OK_A), ['question-too-long']],
    ['question at the limit', card(`${'x'.repeat(299)}?`, OK_A), []],
    ['answer too long', card(OK_Q, `${'y'.repeat(1200)}.`), ['answer-too-long']],
    ['answer at the limit', card(OK_Q, `${'y'.repeat(1199)}.`), []],
    ['not a question', card('Caching', OK_A), ['not-a-question']],
    ['two underscores are not a blank', card('A __ store', 'cache'), ['markup', 'not-a-question']],
    ['answer ends with a comma', card(OK_Q, 'Fast, cheap,'), ['answer-cut-off']],
    ['answer ends with "and"', card(OK_Q, 'Fast and'), ['answer-cut-off']],
    ['answer ends with "or"', card(OK_Q, 'Fast or'), ['answer-cut-off']],
    ['answer ends with "the"', card(OK_Q, 'It stores the'), ['answer-cut-off']],
    ['answer ends with "of"', card(OK_Q, 'A copy of'), ['answer-cut-off']],
    ['answer ends with "to"', card(OK_Q, 'It is used to  '), ['answer-cut-off']],
    ['answer with an unclosed parenthesis', card(OK_Q, 'A store (in memory, usually.'), ['answer-cut-off']],
    ['"Oregon" does not end with "or"', card(OK_Q, 'Based in Oregon'), []],
    ['a closed parenthesis is fine', card(OK_Q, 'A store (in memory).'), []],
    ['several reasons at once', card('**Figure 2**', 'Copies &amp;'), ['markup', 'html-entity', 'figure-reference', 'not-a-question']],
  ];
  it.each(cases)('%s', (_name, c, expected) => {
    expect(garbageReasons(c)).toEqual(expected);
  });

  it('summarises reasons over cards', () => {
    const summary = garbageSummary([card(OK_Q, OK_A), card('Caching', 'Fast,'), card('**X**?', OK_A)]);
    expect(summary.garbage).toBe(2);
    expect(summary.byReason['not-a-question']).toBe(1);
    expect(summary.byReason['answer-cut-off']).toBe(1);
    expect(summary.byReason.markup).toBe(1);
    expect(summary.byReason.mojibake).toBe(0);
  });
});

describe('duplicateRate', () => {
  it.each([
    ['no cards', [], 0, 0],
    ['all distinct', [card('A?', '1'), card('B?', '2')], 0, 0],
    ['one exact repeat', [card('A?', '1'), card('A?', '1')], 1, 0.5],
    ['repeat after normalising case, punctuation and spaces', [card('What is  a Cache?', 'Fast store.'), card('what is a cache', 'fast   store'), card('X?', 'y')], 1, 1 / 3],
    ['same question, different answer is not a duplicate', [card('A?', '1'), card('A?', '2')], 0, 0],
    ['three copies count twice', [card('A?', '1'), card('A?', '1'), card('A?', '1'), card('B?', '2')], 2, 0.5],
  ])('%s', (_name, cards, count, rate) => {
    expect(duplicateCount(cards)).toBe(count);
    expect(duplicateRate(cards)).toBeCloseTo(rate, 10);
  });
});

describe('namesSubject', () => {
  const cases: [string, string, string, boolean][] = [
    ['a named term', 'What is consistent hashing?', 'A ring of hash values.', true],
    ['a named system', 'How does Raft elect a leader?', 'By votes.', true],
    ['the notification system', 'What does the notification system send?', 'Push, SMS and email.', true],
    ['a label with its topic', 'What are the advantages of Redis?', 'Speed.', true],
    ['a cloze sentence', 'A ______ stores copies of data close to the reader.', 'cache', true],
    ['a CJK subject', '什么是分布式锁？', '互斥访问共享资源的锁。', true],
    ['a two-character Chinese word is not short', '什么是缓存？', '存放副本的地方。', true],
    ['a 3-letter acronym', 'What is 2PC?', 'Two-phase commit.', true],
    ['a pronoun', 'What is it?', 'A cache.', false],
    ['a pronoun with a frame verb', 'How does it work?', 'Through hashing.', false],
    ['"this"', 'Why is this important?', 'It saves time.', false],
    ['"the system"', 'What does the system do?', 'Retries.', false],
    ['"the service"', 'What does the service do?', 'Sends mail.', false],
    ['"the above"', 'Which of the above is used?', 'The first.', false],
    ['"they"', 'Why are they used?', 'Speed.', false],
    ['known limit: a content verb after a pronoun passes', 'Where are they stored?', 'On disk.', true],
    ['a lone short token', 'What is X?', 'A variable.', false],
    ['a lone short token after a frame', 'What is x used for?', 'Storage.', false],
    ['a two-letter acronym', 'What is DB used for?', 'Storage.', true],
    ['a fill-in frame only', 'Fill in the blank: ____', 'cache', false],
    ['a lone generic label', 'What is the approach?', 'Shard by user id.', false],
    ['a label and an ordinal', 'What is Step 2?', 'Write to the log.', false],
    ['a number is a subject', 'What is the name of 2^10?', 'Kilo.', true],
    ['labels only', 'What are the pros and cons?', 'Fast; costly.', false],
    ['a label with a pronoun', 'What is the purpose of it?', 'Speed.', false],
    ['a label the answer explains', 'What is the approach?', 'The approach is to shard by user id.', true],
    ['a Chinese pronoun', '它是什么？', '一个缓存。', false],
  ];
  it.each(cases)('%s: %j', (_name, question, answer, expected) => {
    expect(namesSubject(card(question, answer))).toBe(expected);
  });

  it.each([
    ['What is the purpose of consistent hashing?', ['purpose', 'consistent', 'hashing']],
    ['How does it work?', []],
    ['What is Step 2?', ['step', '2']],
    ['什么是分布式锁？', ['分布式锁']],
  ])('subjectWords(%j) → %j', (question, words) => {
    expect(subjectWords(question)).toEqual(words);
  });

  it('summarises a deck', () => {
    const cards = [card('What is Raft?', 'A consensus protocol.'), card('How does it work?', 'Votes.'), card('What is a quorum?', 'A majority.')];
    const summary = subjectSummary(cards);
    expect(summary).toMatchObject({ questions: 3, named: 2 });
    expect(summary.unnamed).toEqual([cards[1]]);
  });
});

describe('topicRecall', () => {
  const gold = {
    topics: [{ title: ['rate limiter'] }, { title: ['dropbox', 'file system'] }, { title: ['sql design'] }, { title: ['bit-ly'] }],
  };
  it.each([
    ['nothing found', [], 0, ['rate limiter', 'dropbox', 'sql design', 'bit-ly']],
    ['exact and case-insensitive titles', [{ title: 'Design A Rate Limiter' }, { title: 'Bit-ly' }], 2, ['dropbox', 'sql design']],
    ['all keywords must be in the same title', [{ title: 'Dropbox' }, { title: 'File System' }], 0, ['rate limiter', 'dropbox', 'sql design', 'bit-ly']],
    ['keywords in one title, any order, punctuation ignored', [{ title: 'File-system (Dropbox)' }, { title: 'bit ly' }], 2, ['rate limiter', 'sql design']],
    ['whole words: NoSQL Design is not SQL Design', [{ title: 'NoSQL Design' }], 0, ['rate limiter', 'dropbox', 'sql design', 'bit-ly']],
    ['everything', [{ title: 'rate limiter' }, { title: '2. Dropbox File System' }, { title: '4. SQL Design' }, { title: 'Bit-ly' }], 4, []],
  ])('%s', (_name, concepts, recalled, missedFirstKeywords) => {
    const r = topicRecall(gold, concepts);
    expect(r.recalled).toBe(recalled);
    expect(r.total).toBe(4);
    expect(r.rate).toBeCloseTo(recalled / 4, 10);
    expect(r.missed.map((t) => t.title[0])).toEqual(missedFirstKeywords);
  });

  it('an empty gold has rate 1', () => {
    expect(topicRecall({ topics: [] }, [{ title: 'x' }])).toEqual({ recalled: 0, total: 0, rate: 1, missed: [] });
  });
});

describe('factRecall', () => {
  const gold = {
    facts: [
      { question: ['dirty read'], answer: ['without commit'], note: 'dirty read' },
      { question: ['types of locks'], answer: ['shared lock', 'exclusive lock'], note: 'lock types' },
    ],
  };
  it.each([
    ['no cards', [], 0, ['dirty read', 'lock types']],
    ['a definition card', [card('What is a Dirty Read?', 'Read without commit.')], 1, ['lock types']],
    ['keywords split over two cards do not count', [card('Types of locks?', 'Shared lock (read).'), card('Types of locks?', 'Exclusive lock.')], 0, ['dirty read', 'lock types']],
    ['a list card with both items', [card('What are the types of locks?', '- Read Lock (Shared Lock)\n- Write Lock (Exclusive Lock)')], 1, ['dirty read']],
    ['question keyword only in the answer does not count', [card('What is it?', 'A dirty read is a read without commit.')], 0, ['dirty read', 'lock types']],
    ['answer keyword only in the question does not count', [card('Dirty read without commit?', 'Yes.')], 0, ['dirty read', 'lock types']],
  ])('%s', (_name, cards, recalled, missedNotes) => {
    const r = factRecall(gold, cards);
    expect(r.recalled).toBe(recalled);
    expect(r.total).toBe(2);
    expect(r.missed.map((f) => f.note)).toEqual(missedNotes);
  });
});

describe('seeded sampling', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it.each([
    [10, 3, 1],
    [10, 10, 7],
    [5, 20, 3],
    [0, 4, 1],
    [100, 0, 1],
  ])('sampleIndices(%i, %i, seed %i) gives distinct in-range indices', (length, n, seed) => {
    const picks = sampleIndices(length, n, seed);
    expect(picks).toHaveLength(Math.min(n, length));
    expect(new Set(picks).size).toBe(picks.length);
    expect(picks.every((i) => Number.isInteger(i) && i >= 0 && i < length)).toBe(true);
    expect(sampleIndices(length, n, seed)).toEqual(picks);
  });
});

describe('gold files', () => {
  const goldDir = path.resolve(import.meta.dirname, '../../bench/gold');
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.json'));

  it('there is one per note', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s is well-formed', (name) => {
    const gold = JSON.parse(readFileSync(path.join(goldDir, name), 'utf8')) as GoldFile;
    expect(`${gold.file}.json`).toBe(name);
    expect(gold.topics.length).toBeGreaterThanOrEqual(30);
    expect(gold.topics.length).toBeLessThanOrEqual(50);
    expect(gold.facts.length).toBeGreaterThanOrEqual(40);
    expect(gold.facts.length).toBeLessThanOrEqual(60);
    const keywords = [...gold.topics.flatMap((t) => t.title), ...gold.facts.flatMap((f) => [...f.question, ...f.answer])];
    for (const k of keywords) {
      expect(normaliseText(k), `keyword ${JSON.stringify(k)}`).not.toBe('');
      expect(k, 'keywords are lowercase').toBe(k.toLowerCase());
      expect(k.split(/\s+/).length, `keyword ${JSON.stringify(k)} has 1–3 words`).toBeLessThanOrEqual(3);
    }
    for (const t of gold.topics) expect(t.title.length).toBeGreaterThan(0);
    for (const f of gold.facts) {
      expect(f.question.length).toBeGreaterThan(0);
      expect(f.answer.length).toBeGreaterThan(0);
      expect(f.question.length + f.answer.length).toBeLessThanOrEqual(6);
    }
    // No emoji and no mojibake in the keywords themselves.
    expect(garbageReasons({ question: `${keywords.join(' ')}?`, answer: 'x.' }).filter((r) => r === 'mojibake')).toEqual([]);
    expect(/\p{Extended_Pictographic}/u.test(keywords.join(' '))).toBe(false);
  });
});
