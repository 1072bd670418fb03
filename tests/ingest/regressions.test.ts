import { describe, expect, it } from 'vitest';
import { cardsOf, deckOf, note } from './support';

/** Cards the extractor once got wrong, pinned as the behaviour a learner needs. */

const questions = (text: string, kind: string, path?: string) => cardsOf(text, path).filter(([k]) => k === kind).map(([, q]) => q);

describe('regression: list cards', () => {
  it('a "**Note**:" commentary item is not one of the things a list enumerates', () => {
    const text = note(
      '# Rate Limiting', '', '## Algorithms', '',
      '- **Token bucket**: tokens refill at a fixed rate and each request spends one.',
      '- **Leaky bucket**: requests queue and drain at a constant rate.',
      '- **Fixed window**: a counter per client resets at the start of every window.',
      '- **Note**: sliding windows fix the burst at window edges.',
    );
    // Today: ['What are the 4 algorithms of Rate Limiting?', '- Token bucket\n- Leaky bucket\n- Fixed window\n- Note']
    for (const [kind, , answer] of cardsOf(text)) if (kind === 'list') expect(answer).not.toMatch(/\bNote\b/);
  });

  it('a lead-in that already names its subject is not qualified by the section title', () => {
    const text = note('# Rate Limiting', '', '## Where to enforce', '', 'Common places to enforce limits:', '', '1. The API gateway.', '2. A shared store such as Redis.');
    // Today: 'What are the 2 common places to enforce limits of Where to enforce?'
    expect(questions(text, 'list')).toEqual(['What are the 2 common places to enforce limits?']);
  });

  it.each([
    ['a number word after the count', ['# Caching', '', 'Why use a CDN?', '', 'Two reasons:', '', '- latency', '- offload'], 'What are the 2 two reasons of Caching?'],
    ['a singular section title as the subject', ['# Caching', '', '- **Cache-aside**: the app reads the database on a miss.', '- **Read-through**: the cache loads missing entries itself.', '- plain item without a term'], 'What are the 3 caching?'],
    ['a bold-line title as the subject', ['Intro paragraph that is long enough to be prose and not a title at all, really.', '', '**Database choice**', '- SQL for transactions', '- NoSQL for scale'], 'What are the 2 database choice?'],
    ['"Here is how it works"', ['# Idempotency', '', 'A unique key makes retries safe. Here is how it works:', '', '1. Insert a row.', '2. A duplicate insert fails.'], 'What are the 2 how it works?'],
    ['an adverb before the count', ['# Replicas', '', 'There are generally two options to solve this:', '', '1. Read from the primary.', '2. Keep replicas in sync.'], 'What are the 2 generally two options to solve this?'],
    ['a pronoun as the subject', ['# Video', '', 'Intro paragraph that is long enough to be prose and not a title at all, really.', '', 'It is made of these parts:', '', '- Client', '- CDN'], 'What are the 2 It?'],
    ['a sentence as the lead-in', ['# Caching', '', 'Caches appear at many layers:', '', '- The browser', '- A CDN'], 'What are the 2 caches appear at many layers?'],
    ['a clause as the lead-in', ['# Rate limiter', '', 'Primarily, we want to make sure:', '', '- The algorithm is effective.', '- The rules are effective.'], 'What are the 2 primarily, we want to make sure?'],
  ])('no garbled list question from %s', (_, lines, garbled) => {
    expect(questions(note(...lines), 'list')).not.toContain(garbled);
  });
});

describe('regression: lists of structural labels', () => {
  it('no list card of bare labels when each item titles its own sub-list', () => {
    const text = note('# Token bucket', '', 'Trade-offs:', '', '- Pros', '  - allows bursts', '  - cheap', '- Cons', '  - tuning two knobs');
    expect(questions(text, 'list')).not.toContain('What are the 2 trade-offs of Token bucket?');
  });

  it('no list card of "✅ Pros: ..." and "❌ Cons: ..." items', () => {
    const text = note('# CDN', '', 'Origin only:', '', '- ✅ Pros: simple, nothing to invalidate', '- ❌ Cons: high latency for far users');
    expect(questions(text, 'list')).toEqual([]);
  });

  it('no list card of generic terms ("How it works: ...") under an algorithm', () => {
    const text = note('# Balancing', '', '## IP hash', '', '- How it works: hash the client IP to pick a server', '- Best for: sessions that must stick', '- Formula: hash(ip) % servers');
    expect(questions(text, 'list')).toEqual([]);
    expect(questions(text, 'definition')).toContain('What is the formula of IP hash?');
  });

  it('"Redis" is singular', () => {
    expect(questions(note('# Stores', '', '- Redis: an in-memory key-value store with rich data types'), 'definition')).toEqual(['What is Redis?']);
  });
});

describe('regression: one question, several answers', () => {
  it('attribute cards that ask the same of a topic with different answers are dropped', () => {
    const text = note('# Rate limiting', '', '## Algorithms', '', '- Mechanism: tokens refill at a fixed rate', '', 'Leaky bucket:', '', '- Mechanism: requests leak out at a constant rate');
    expect(questions(text, 'definition')).not.toContain('What is the mechanism of Algorithms?');
  });

  it('of two definitions of one term, the one that names the term is kept', () => {
    const text = note('# Search', '', '## Index', '', '- Inverted index: maps each term to the documents holding it', '', 'An inverted index is a map from words to posting lists, built at indexing time.');
    const cards = cardsOf(text).filter(([kind]) => kind === 'definition');
    expect(cards.map(([, , answer]) => answer)).toEqual(['An inverted index is a map from words to posting lists, built at indexing time.']);
  });
});

describe('regression: answers that are not answers', () => {
  it.each([
    ['a defining sentence that leans on the one before', ['# CAP', '', 'Replicated systems must answer an awkward question about partitions. CAP is the classic framing of that question.']],
    ['"Everything is ..." as a defining sentence', ['# Lake', '', 'Everything is a distributed file system behind a SQL engine that users query.']],
    ['"Let\'s ..." as a topic summary', ['# Chat', '', '## Back-of-the-envelope estimation', '', "Let's do a back-of-the-envelope estimation to find the scale our design needs to handle."]],
  ])('no definition from %s', (_case, lines) => {
    expect(questions(note(...lines), 'definition')).toEqual([]);
    expect(questions(note(...lines), 'cloze').filter((q) => q.includes('____ is'))).toEqual([]);
  });
});

describe('regression: passages of converted HTML', () => {
  it('a concept maps its body lines to the note lines they came from', () => {
    const deck = deckOf(note('<h1>Queues</h1><ul><li>Kafka is a log</li><li>RabbitMQ is a broker</li></ul>', '', 'Plain closing line.'));
    const [concept] = deck.concepts;
    const bodyLines = concept.body.split('\n');
    expect(concept.lineMap.length).toBeGreaterThanOrEqual(bodyLines.length);
    expect(concept.lineMap[bodyLines.indexOf('Plain closing line.')]).toBe(3);
    expect(concept.lineMap[bodyLines.findIndex((line) => line.includes('RabbitMQ'))]).toBe(1);
  });

  it('a note cleaned line for line needs no map', () => {
    expect(deckOf(note('# Queues', '', 'Kafka is a log.')).concepts[0].lineMap).toEqual([]);
  });
});

describe('regression: HTML in markdown guides', () => {
  it('a <details> block whose <summary> asks a question becomes a question card', () => {
    const text = note('# Latency', '', '<details>', '<summary>Why does latency matter?</summary>', '', 'Users notice slow pages first.', '', '</details>');
    expect(cardsOf(text).filter(([k]) => k === 'qa')).toEqual([['qa', 'Why does latency matter?', 'Users notice slow pages first.']]);
  });
});

describe('regression: list questions in context', () => {
  it('a list question naming only a bare noun gets its section title', () => {
    const text = note('# Locking', '', '## Why is counting hard?', '', 'Challenges:', '', '- Race condition', '- Synchronization issue');
    expect(questions(text, 'list')).toEqual(['In Locking, what are the 2 challenges?']);
  });
});

describe('regression: question cards', () => {
  it('the answer to a question stops at the next explicit "Q :: A" line', () => {
    const text = note('# Caching', '', '## Eviction', '', 'What is LRU?', '', 'Least recently used.', '', 'LFU :: Least frequently used');
    // Today: 'Least recently used.\nLFU:: Least frequently used'
    expect(cardsOf(text).filter(([k]) => k === 'qa')).toEqual([['qa', 'What is LRU?', 'Least recently used.']]);
  });

  it('a question answered by a code block is still a card', () => {
    const text = note('# Caching', '', 'How do you read user 42?', '', '```', 'GET user:42', '```');
    // Today: no card (the code block no longer counts as an answer).
    expect(cardsOf(text)).toEqual([['qa', 'How do you read user 42?', 'GET user:42']]);
  });
});

describe('regression: definitions and topic summaries', () => {
  it('a section "CDN" defined by "A CDN is ..." gets one definition card, not two', () => {
    const text = note('# Net', '', '## CDN', '', 'A CDN is a network of servers that deliver static content close to users. It caches images. It cuts latency.');
    // Today: 'What is a CDN?' and 'What is CDN?' with the same answer.
    expect(questions(text, 'definition')).toEqual(['What is a CDN?']);
  });

  it('a plural section title defined in the singular gets one definition card, not two', () => {
    const text = note('# Async', '', '## Message Queues', '', 'A message queue is a buffer that stores messages between a producer and a consumer.');
    expect(questions(text, 'definition')).toEqual(['What is a message queue?']);
  });

  it('a one-word technical title such as "Geohash" gets its topic summary', () => {
    const text = note('# Maps', '', '## Geohash', '', 'Geohash encodes a latitude and longitude into a short string of letters and digits. Nearby places share a prefix.');
    // Today: no card; one-word titles under 8 letters are skipped although the rule's own example is "Geohash".
    expect(questions(text, 'definition')).toEqual(['What is Geohash?']);
  });

  it('an emoji between the bold term and "is" does not lose the definition', () => {
    const text = note('# Caching', '', '**LRU** 🎯 is the policy that drops the least recently used entry.');
    // Today: no card at all.
    expect(questions(text, 'definition')).toEqual(['What is LRU?']);
  });
});

describe('regression: cards with a URL are dropped with a warning', () => {
  it('a URL in a question the author wrote is kept: author cards are studied as written', () => {
    const deck = deckOf(note('# Web', '', 'What is https://example.com? :: A site for examples.'));
    expect(deck.cards.map((c) => c.question)).toEqual(['What is https://example.com?']);
    expect(deck.warnings).toEqual([]);
  });

  it('the cloze twin of a definition dropped for its URL', () => {
    const deck = deckOf(note('# Caching', '', '**Redis** is an in-memory store, see https://redis.io for details.'));
    // Today: 'Fill in the blank: ____ is an in-memory store, see https://redis.io for details.' is kept.
    expect(deck.cards).toEqual([]);
  });
});

describe('regression: comparison cards', () => {
  it('"vs" in the section title does not turn a table whose first column lists the things inside out', () => {
    const text = note(
      '# CDN', '', '## Pull vs push', '',
      '| Model | How content arrives | Best for |', '| --- | --- | --- |',
      '| Pull | Fetched from origin on first miss | Websites with many assets |',
      '| Push | Uploaded in advance by the owner | Large files like video |',
    );
    // Today: 'How do How content arrives and Best for differ in pull?'
    for (const question of questions(text, 'comparison')) expect(question).not.toMatch(/^How do How content arrives/);
    expect(questions(text, 'comparison').length).toBeGreaterThan(0);
  });

  it('a "How ..." column header still makes a question', () => {
    const text = note('# URL shortener', '', '| Approach | How it works |', '| --- | --- |', '| Hash and truncate | Take the first 7 base62 characters of a hash of the URL |');
    // Today: 'How it works Hash and truncate?'
    expect(questions(text, 'comparison')).not.toContain('How it works Hash and truncate?');
  });
});

describe('regression: inferred headings', () => {
  it('a question line in a note without headings is a question, not the deck title', () => {
    const deck = deckOf(note('Some intro about caches.', '', 'What is a cache?', '', 'A cache keeps copies of data close to the reader so reads are fast.'));
    // Today: the question is inferred as a heading, so the deck is titled 'What is a cache?'.
    expect(deck.title).toBe('Caching');
    expect(deck.cards.map((c) => [c.kind, c.question])).toContainEqual(['qa', 'What is a cache?']);
  });

  it('an inferred heading nests under the markdown heading above it', () => {
    const prose = Array.from({ length: 150 }, (_, i) => `Line ${i + 1} of prose about caching that is long enough to be content.`);
    const deck = deckOf(note('# Caching', '', 'PROS:', '- fast', '- cheap', '', ...prose, '## More', ...prose));
    // Today: PROS is a top-level sibling of Caching and the written "## More" becomes a child of PROS.
    expect(deck.concepts.map((c) => c.path)).toEqual([['Caching'], ['Caching', 'PROS'], ['Caching', 'More']]);
  });
});
