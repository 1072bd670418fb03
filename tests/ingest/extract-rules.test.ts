import { describe, expect, it } from 'vitest';
import { cardsOf, deckOf, note } from './support';

const kinds = (text: string, kind: string) => cardsOf(text).filter(([k]) => k === kind).map(([, q, a]) => [q, a]);

describe('list cards', () => {
  it.each([
    ['a lead-in sentence', note('# Cache', '', 'Here are some things to weigh when adding a cache layer:', '', '- Expiration policy.', '- Consistency.', '- Mitigating failures.'), [['What are the 3 things to weigh when adding a cache layer?', '- Expiration policy.\n- Consistency.\n- Mitigating failures.']]],
    ['a short Chinese label, asked in its topic', note('# Raft', '', '日志复制：', '', '- 领导者接收全部写入。', '- 领导者把日志发给追随者。'), [['What are the 2 points about 日志复制 in Raft?', '- 领导者接收全部写入。\n- 领导者把日志发给追随者。']]],
    ['a lead-in saying what something takes', note('# Rate limiting', '', 'The token bucket algorithm takes two parameters:', '', '- bucket size', '- refill rate'), [['What are the 2 parameters of token bucket algorithm?', '- bucket size\n- refill rate']]],
    ['a section titled with a term, asked in its parent', note('# Raft', '', '## Safety', '', '- Election restriction', '- Commit rule for older terms'), [['What are the 2 points about safety in Raft?', '- Election restriction\n- Commit rule for older terms']]],
    ['a label under a topic', note('# Token bucket', '', '## Pros', '', '- Easy to implement.', '- Memory efficient.'), [['What are the 2 pros of Token bucket?', '- Easy to implement.\n- Memory efficient.']]],
    ['a plural label the lexicon lists only in the singular', note('# Linearizability', '', 'Downsides:', '', '- Performance cost', '- Availability problems'), [['What are the 2 downsides of Linearizability?', '- Performance cost\n- Availability problems']]],
    ['a lead-in that counts its items', note('# Shadow paging', '', 'Keep two separate copies of the page table:', '', '- the current one', '- the shadow one'), [['In Shadow paging, what are the 2 separate copies of the page table?', '- the current one\n- the shadow one']]],
    ['a section title under its parent', note('# Search systems', '', '## Index sharding', '', '- by document', '- by term'), [['What are the 2 points about index sharding in Search systems?', '- by document\n- by term']]],
    ['a lead-in saying what someone does', note('# Cache-aside', '', 'The application does the following:', '', '- look in the cache', '- load from the database on a miss'), [['What are the 2 things the application does?', '- look in the cache\n- load from the database on a miss']]],
    ['a facet of a name that opens on a verb', note('# Write-through', '', '## Disadvantage(s): write through', '', '- every write pays two latencies', '- most written data is never read'), [['What are the 2 disadvantages of write through?', '- every write pays two latencies\n- most written data is never read']]],
    ['an activity titling a note\'s first list', note('Scaling reads', '', '- add read replicas', '- cache in front of the database'), [['What are the 2 points about scaling reads?', '- add read replicas\n- cache in front of the database']]],
    ['a lead-in clause whose verb ends it', note('# Commit', '', 'If a transaction writes on several nodes, this implies:', '', '- all nodes commit', '- or all abort'), [['If a transaction writes on several nodes, what does this imply?', '- all nodes commit\n- or all abort']]],
    ['an instruction naming what the points are about', note('# Commit', '', 'Recall atomicity in database transactions:', '', '- a transaction commits or aborts', '- an abort leaves no trace'), [['What are the 2 points about atomicity in database transactions?', '- a transaction commits or aborts\n- an abort leaves no trace']]],
    ['an acronym label, asked in its topic', note('# Coordination service', '', '## API', '', '- create a node', '- delete a node', '- watch a node'), [['What are the 3 points about API in Coordination service?', '- create a node\n- delete a node\n- watch a node']]],
    ['a lead-in too long to quote, named by the words before its aside', note('# Networks', '', 'Internet structure (with exchange points placed between some junctions to join ISPs):', '', '1. Tier 1 ISP', '2. Regional ISP', '3. Access ISP'), [['What are the 3 points about internet structure in Networks?', '1. Tier 1 ISP\n2. Regional ISP\n3. Access ISP']]],
    ['items named by numbers, shown whole', note('# Cheat sheet', '', '## Ports', '', '- 80 → HTTP', '- 443 → HTTPS', '- 53 → DNS'), [['What are the 3 ports of Cheat sheet?', '- 80 → HTTP\n- 443 → HTTPS\n- 53 → DNS']]],
    ['term items asked by term', note('# RPC', '', 'Key concepts:', '', '- **Stub**: client-side proxy that packages the request', '- **Skeleton**: server-side handler', '- **IDL**: the contract of remote methods'), [['What are the 3 key concepts of RPC?', '- Stub\n- Skeleton\n- IDL']]],
  ])('from %s', (_, text, expected) => {
    expect(kinds(text, 'list')).toEqual(expected);
  });

  it('a bullet outline with no heading nests its points under their items, and a generic subject is asked in its item', () => {
    const text = ['- Caching', '  - Cache-aside', '    - the app reads the cache first', '    - a miss loads from the database', '  - Write-through', '    - writes go to both stores', '    - reads are never stale', '- Messaging', '  - Pub/sub', '    - each message goes to every subscriber', '  - Work queue', '    - each message goes to one worker'].join('\n');
    const questions = cardsOf(text).map(([, q]) => q);
    expect(questions).toContain('What are the 2 points about cache-aside in Caching?');
    expect(questions).toContain('In Pub/sub, what does each message do?');
    expect(questions).toContain('In Work queue, what does each message do?');
    expect(questions.join(' ')).not.toMatch(/What are the 2 \w+ notes?\?/);
  });

  it('names a list under a "Term: text" item by the term it defines', () => {
    const text = note('# Fundamentals', '', '- IP Address: identifies each host', '  - IPv4, 32 bits, 4 octets', '  - assigned hierarchically by subnet');
    expect(kinds(text, 'list').map(([q]) => q)).toEqual(['What are the 2 points about IP address in Fundamentals?']);
    // A speaker is no term: "Interviewer: ..." over points keeps its lead-in quoted.
    const spoken = note('# Ads', '', 'Interviewer: The system needs to support these queries:', '', '- clicks per ad in the last minute', '- top ads in the last hour');
    expect(kinds(spoken, 'list').map(([q]) => q).join(' ')).not.toMatch(/about interviewer/i);
  });

  it('asks items that are each a statement about a subject of their own one by one', () => {
    const text = note('# Search', '', '## Ranking', '', '- TF-IDF weighs a term by how rare it is across documents.', '- BM25 caps how much a repeated term can add to a score.');
    expect(kinds(text, 'list')).toEqual([]);
    expect(cardsOf(text).map(([, q]) => q)).toEqual(['What does TF-IDF weigh?', 'What does BM25 cap?']);
  });

  it('a facet label before a statement is no facet of that statement', () => {
    const questions = kinds(note('# Sharding', '', 'Goal: spread data + load evenly', '', '- skew makes hot spots', '- worst case one shard takes all'), 'list').map(([q]) => q);
    expect(questions.join(' ')).not.toMatch(/goal of spread/);
  });

  it('splits a long list into parts without dropping an item', () => {
    const items = Array.from({ length: 10 }, (_, i) => `- Item number ${i + 1}`);
    const cards = kinds(note('# Topic', '', 'The steps are:', '', ...items), 'list');
    expect(cards.map(([q]) => q)).toEqual(['In Topic, what are the 10 steps (part 1 of 2)?', 'In Topic, what are the 10 steps (part 2 of 2)?']);
    expect(cards.flatMap(([, a]) => a.split('\n'))).toEqual(items);
  });

  it('makes no list card of the topics a section says it will discuss', () => {
    expect(kinds(note('# Proximity service', '', 'In this section, we will discuss the following:', '', '- API design', '- Data model', '- High-level design'), 'list')).toEqual([]);
    expect(kinds(note('# Locking', '', 'We explore the following techniques:', '', '- Pessimistic locking', '- Optimistic locking', '- Database constraints'), 'list')).toHaveLength(1);
  });

  it('skips a table of contents made of links', () => {
    expect(kinds(note('# Guide', '', 'Contents:', '', '- [Caching](#caching)', '- [Sharding](#sharding)'), 'list')).toEqual([]);
  });
});

describe('tables of questions and of terms', () => {
  it('a drill table asks each row\'s question, answered by the rest of the row', () => {
    const text = note('# Drill', '', '| Question | Answer |', '|---|---|', '| What is idempotency? | Running it twice does what running it once does. |', '| Why use a CDN? | To serve files from servers near users. |');
    expect(cardsOf(text)).toEqual([
      ['qa', 'What is idempotency?', 'Running it twice does what running it once does.'],
      ['qa', 'Why use a CDN?', 'To serve files from servers near users.'],
    ]);
  });

  it('a flashcard export separated by tabs is a card per line, the first line too', () => {
    const questions = cardsOf('What is a bloom filter?\tA set that may report false positives only.\nWhy shard a database?\tTo spread data and load across machines.\nWhat is a lease?\tA lock that expires by itself after a while.').map(([, q]) => q);
    expect(questions).toEqual(['What is a bloom filter?', 'Why shard a database?', 'What is a lease?']);
    const terms = cardsOf('Bloom filter\tA set that may report false positives only.\nQuorum\tThe replicas that must answer for an operation to succeed.\nLease\tA lock that expires by itself after a while.').map(([kind, q]) => [kind, q]);
    expect(terms).toEqual([['definition', 'What is Bloom filter?'], ['definition', 'What is Quorum?'], ['definition', 'What is Lease?']]);
  });
});

describe('comparison cards from tables', () => {
  it('asks for each attribute of each row', () => {
    const text = note('# Latency', '', '| Operation | Latency | Note |', '|---|---|---|', '| SSD read | 150 μs | Local disk |', '| HDD seek | 10 ms | - |');
    expect(kinds(text, 'comparison')).toEqual([
      ['What is the latency of SSD read?', '150 μs'],
      ['What is the note of SSD read?', 'Local disk'],
      ['What is the latency of HDD seek?', '10 ms'],
    ]);
  });

  it('items under a plural title that are sentences without full stops are asked one by one', () => {
    const text = note('# Queues', '', '- At-least-once delivery means consumers must be idempotent', '- Dead letter queue holds messages that keep failing');
    expect(cardsOf(text)).toEqual([
      ['qa', 'What does At-least-once delivery mean?', 'At-least-once delivery means consumers must be idempotent'],
      ['qa', 'What does Dead letter queue hold?', 'Dead letter queue holds messages that keep failing'],
    ]);
  });

  it('a "Meaning" column defines its row; an adjective row is named by the first column', () => {
    const text = note('# Models', '', '| Model | Guarantee |', '|---|---|', '| Causal | effects never show before their causes |', '', '| Term | Meaning |', '|---|---|', '| Quorum | a majority of replicas that must agree |');
    expect(kinds(text, 'comparison')).toEqual([
      ['What is the guarantee of Causal model?', 'effects never show before their causes'],
      ['What is Quorum?', 'a majority of replicas that must agree'],
    ]);
  });

  it('compares the columns of a grid with an empty corner, mixed-case names heading them', () => {
    const text = note('# APIs', '', '| | REST | gRPC |', '|---|---|---|', '| Transport | HTTP/1.1 | HTTP/2 |');
    expect(kinds(text, 'comparison')).toEqual([['How do REST and gRPC differ in transport?', 'REST: HTTP/1.1\ngRPC: HTTP/2']]);
  });

  it('names a row keyed by a numeric code by its code and name; step numbers are no codes', () => {
    const codes = note('# HTTP', '', '| Code | Name | When to use it |', '|---|---|---|', '| 404 | Not Found | no such resource |', '| 429 | Too Many Requests | rate limited |');
    expect(kinds(codes, 'comparison')).toEqual([
      ['When should you use 404 Not Found?', 'no such resource'],
      ['When should you use 429 Too Many Requests?', 'rate limited'],
    ]);
    const steps = note('# Saga', '', '| Step | Action | Effect |', '|---|---|---|', '| 1 | Try | Reserve funds |', '| 2 | Confirm | Move funds |');
    expect(kinds(steps, 'comparison').map(([q]) => q).join(' ')).not.toMatch(/\b1 Try\b/);
  });

  it('an abbreviated header ("Approx.") asks nothing and goes with the row\'s other answers', () => {
    const text = note('# Sizes', '', '| Power | Approx. | Name |', '|---|---|---|', '| 2^10 | 1 thousand | 1 KB |');
    expect(kinds(text, 'comparison')).toEqual([['What is the name of 2^10?', '1 KB\nApprox. 1 thousand']]);
  });

  it.each([
    ['a noun', 'Use case', 'What is the use case of Redis?'],
    ['a plural noun', 'Limits', 'What are the limits of Redis?'],
    ['a header ending in a preposition', 'Best for', 'What is Redis best for?'],
    ['a header with a modal verb', 'Can route on', 'What can Redis route on?'],
    ['a header that refers to the row', 'Systems using it', 'What are the systems using Redis?'],
    ['a "when to use" header', 'When to use', 'When should you use Redis?'],
    ['a "how" header', 'How it scales', 'How does Redis scale?'],
    ['a question-word header', 'Who uses it most', 'Who uses Redis most?'],
  ])('phrases the question for %s', (_case, header, question) => {
    const text = note('# Stores', '', `| Store | ${header} |`, '|---|---|', '| Redis | Caching hot keys |');
    expect(kinds(text, 'comparison')).toEqual([[question, 'Caching hot keys']]);
  });

  it('compares the columns when the first header names attributes', () => {
    const text = note('# SQL vs NoSQL', '', '| Feature | SQL | NoSQL |', '|---|---|---|', '| Consistency | Strong | Eventual |', '| Schema | Fixed | ✅ flexible |');
    expect(kinds(text, 'comparison')).toEqual([
      ['How do SQL and NoSQL differ in consistency?', 'SQL: Strong\nNoSQL: Eventual'],
      ['How do SQL and NoSQL differ in schema?', 'SQL: Fixed\nNoSQL: flexible'],
    ]);
  });
});

describe('definition and cloze cards', () => {
  it.each([
    ['a plain "Term: text" item', note('# Reads', '', '- Dirty Read: Read data that another transaction has not committed yet.'), ['What is Dirty Read?', 'Read data that another transaction has not committed yet.']],
    ['an arrow item', note('# Reads', '', '- Phantom read → a repeated query returns a different set of rows.'), ['What is Phantom read?', 'A repeated query returns a different set of rows.']],
    ['a term and a double hyphen', note('# Resilience', '', 'Bulkhead -- isolating thread pools per dependency so one slow call cannot take them all'), ['What is Bulkhead?', 'Isolating thread pools per dependency so one slow call cannot take them all']],
    ['an implication arrow before a clause', note('# Replication', '', '- Concurrent updates => conflicts need to be merged later'), ['What do Concurrent updates lead to?', 'Conflicts need to be merged later']],
    ['a defining first sentence', note('# CDN', '', 'A CDN is a network of geographically dispersed servers used to deliver static content. It caches images.'), ['What is a CDN?', 'A CDN is a network of geographically dispersed servers used to deliver static content. It caches images.']],
  ])('%s', (_, text, expected) => {
    expect(kinds(text, 'definition')).toContainEqual(expected);
  });

  it('reads hand-written "term - text" lines, wrapped or short, as one definition each', () => {
    const text = note('# Eviction', '', 'LRU - drop the least recently used', 'key when the cache is full', 'LFU - drop the least frequently used', 'FIFO - oldest first');
    expect(kinds(text, 'definition')).toEqual([
      ['What is LRU?', 'Drop the least recently used key when the cache is full'],
      ['What is LFU?', 'Drop the least frequently used'],
      ['What is FIFO?', 'Oldest first'],
    ]);
  });

  it('never merges several "term - text" lines into one definition', () => {
    const text = note('# Eviction', '', 'LRU - drop the least recently used key', 'LFU - drop the least frequently used key', 'FIFO - oldest');
    expect(kinds(text, 'definition')).toEqual([]);
  });

  it('reads glossary records wrapped with a hanging indent, a "See also" pointer under one being no record', () => {
    const text = note('# Glossary', '', 'Anycast - many servers share one IP address and the', '  network delivers each packet to the nearest one.', 'API gateway: a single entry point in front of many services.', '  See also: Reverse proxy', 'Blob: an opaque chunk of binary data stored by key.');
    expect(kinds(text, 'definition')).toEqual([
      ['What is Anycast?', 'Many servers share one IP address and the network delivers each packet to the nearest one.'],
      ['What is API gateway?', 'A single entry point in front of many services.'],
      ['What is Blob?', 'An opaque chunk of binary data stored by key.'],
    ]);
  });

  it('reads a lower-case "term = text" wrapped over lines', () => {
    const text = note('# Writes', '', 'write through = every write goes to', 'cache and db at the same time');
    expect(kinds(text, 'definition')).toEqual([['What is write through?', 'Every write goes to cache and db at the same time']]);
  });

  it('joins narrow hand-wrapped lines, and a line ending or opening on an operator, into one statement', () => {
    const text = note('# Limits', '', 'the counters live in Redis, INCR +', 'EXPIRE, w/ a Lua script so check', '& increment are atomic');
    expect(cardsOf(text).map(([, , a]) => a)).toEqual(['The counters live in Redis, INCR + EXPIRE, w/ a Lua script so check & increment are atomic']);
  });

  it('reads every label of a glossary as a term, a facet-like one too', () => {
    const text = note('# Terms', '', '**Latency**: the time one call takes end to end.', '', '**Fan-out**: sending one event to many inboxes.', '', '**Idempotency key**: a client token that makes a retry safe.', '', '**Tombstone**: a marker left where a row was deleted.');
    expect(kinds(text, 'definition').map(([q]) => q)).toEqual(['What is Latency?', 'What is Fan-out?', 'What is Idempotency key?', 'What is Tombstone?']);
    // Under a design, the same label is a facet of it; so is one whose text is no definition.
    expect(kinds(note('# Uploader', '', '**Latency**: under 200 ms at p99.'), 'definition')).toEqual([['What is the latency of Uploader?', 'Under 200 ms at p99.']]);
  });

  it('a single piece of advice under a term is asked as its approach; an order framing a statement is not advice', () => {
    expect(cardsOf(note('# Stateless services', '', 'Keep session data out of the web servers so that any server can take any request.'))).toEqual([
      ['qa', 'What is the approach for Stateless services?', 'Keep session data out of the web servers so that any server can take any request.'],
    ]);
    expect(cardsOf(note('# Message key', '', 'Note that the key is not the same thing as the partition number.')).map(([, q]) => q).join(' ')).not.toMatch(/approach/);
  });

  it('the title of a sub-list asked by its own list card is no key point', () => {
    expect(cardsOf(note('# Raft', '', '## Thinking', '', '- 两个研究的方法', '  - 第一种方法是做实验。', '  - 第二种方法是写证明。')).map(([, q]) => q)).toEqual([
      'What are the 2 points about 两个研究的方法 in Thinking?',
    ]);
  });

  it('a word or two before a semicolon label the item, a process noun asked in its section; a remark after it is read on its own', () => {
    const cards = cardsOf(note('# Delays', '', '1. Processing; time to read the header and pick a queue', '2. Transmission; time to put the whole packet on the wire', 'IMPORTANT: the router waits for the last bit of the packet to arrive.'));
    expect(cards.filter(([kind]) => kind === 'definition')).toEqual([
      ['definition', 'In Delays, what is Processing?', 'Time to read the header and pick a queue'],
      ['definition', 'In Delays, what is Transmission?', 'Time to put the whole packet on the wire'],
    ]);
    expect(cards.map(([, , answer]) => answer).join('\n')).toMatch(/router waits for the last bit/);
  });

  it('a common word defined under an outline item is asked within it', () => {
    expect(kinds(note('# ZooKeeper', '', '- FIFO client order', '  - Writes - in the order the client sent them', '  - Reads - served by any replica'), 'definition')).toEqual([
      ['In FIFO client order, what are Writes?', 'In the order the client sent them'],
      ['In FIFO client order, what are Reads?', 'Served by any replica'],
    ]);
  });

  it('a situation told in statements under its label is asked what is true of it', () => {
    expect(kinds(note('# Networks', '', '* Hosts on the same network:', 'A host knows its own address and mask', 'It sends an ARP request for the MAC address', '* Router: joins networks together'), 'definition')).toContainEqual([
      'What is true of Hosts on the same network?', 'A host knows its own address and mask It sends an ARP request for the MAC address',
    ]);
  });

  it('a facet with a number is a part of the section; an acronym keeps its capitals', () => {
    expect(kinds(note('# Ad clicks', '', 'Use case 1: count the clicks per ad', '', 'API 2: return the top ads of the last minute'), 'definition')).toEqual([
      ['What is use case 1 of Ad clicks?', 'Count the clicks per ad'],
      ['What is API 2 of Ad clicks?', 'Return the top ads of the last minute'],
    ]);
  });

  it('code alone after a label shows examples of it', () => {
    expect(kinds(note('# Logging', '', '- Logical logging: `UPDATE`, `DELETE`, `INSERT`', '- Physical logging: byte ranges of the changed pages'), 'definition')).toEqual([
      ['What is an example of Logical logging?', 'UPDATE, DELETE, INSERT'],
      ['What is Physical logging?', 'Byte ranges of the changed pages'],
    ]);
  });

  it('a label in title case that opens on a verb is a term', () => {
    expect(kinds(note('# Buffer pool', '', '* Steal Policy: whether an uncommitted txn may overwrite the value on disk', '* Other text here that says nothing much'), 'definition')).toEqual([
      ['What is Steal Policy?', 'Whether an uncommitted txn may overwrite the value on disk'],
    ]);
  });

  it('statements too many for one card of key points are split by the outline item they hang under', () => {
    const text = note(
      '# Networks', '',
      'in general, if the address is not known then broadcast to every port and hope for the best outcome',
      'so, routers constantly sharing what they know with their neighbours every few seconds or so', '',
      '* Hosts: any device that sends or receives traffic',
      '  - to be reachable on the internet need four things (an address, a mask, a gateway and a resolver address)',
      '  - from there, the authoritative name server for the zone, e.g. example.org and its own subdomains',
      '  - in practice, a laptop or a phone or a server in some rack somewhere far away',
    );
    const points = cardsOf(text).filter(([, q]) => /key points|true of/.test(q));
    // A lone statement left to the section is asked what is true of it.
    expect(points.map(([, q]) => q)).toEqual(['What is true of Networks?', 'In Networks, what are the key points of Hosts?']);
    expect(points[1][2]).toMatch(/^- to be reachable on the internet/);
  });

  it('several orders under a term are its approach, in a setting or not, a label among them is no order', () => {
    expect(cardsOf(note('# Write-ahead log', '', 'The log grows without bound.', '', 'Keep the log in a file of its own', '', 'In memory, append to the log buffer before the page changes'))).toContainEqual([
      'qa', 'What is the approach for Write-ahead log?', '- Keep the log in a file of its own\n- In memory, append to the log buffer before the page changes',
    ]);
    expect(cardsOf(note('# Requirements', '', 'Write latency: under 500 ms for posts', '', 'Keep the log in a file of its own')).map(([, q]) => q).join(' ')).not.toMatch(/approach/);
  });

  it('a section opened by a description of a kind defines its title, a facet-like one too', () => {
    const text = note('# Storage', '', '## Durability', 'A property that keeps committed data through crashes and power loss.', '', '- Needs fsync');
    expect(kinds(text, 'definition')).toContainEqual(['What is Durability?', 'A property that keeps committed data through crashes and power loss.']);
  });

  it('a label joining conditions with a comma is no term', () => {
    const questions = cardsOf(note('# Picking a store', '', '- huge write volume, simple lookups => a wide-column store', '- multi-row transactions => a relational database')).map(([, q]) => q);
    expect(questions.join(' ')).not.toMatch(/What (?:is|are) huge write volume/);
  });

  it('asks for the approach when a label is followed by advice', () => {
    const text = note('# Retries', '', '- Jitter: Add randomness to avoid a thundering herd.');
    expect(kinds(text, 'definition')).toEqual([['What is the approach for Jitter?', 'Add randomness to avoid a thundering herd.']]);
  });

  it('asks for an example when a label is followed by one', () => {
    const text = note('# Failures', '', '- Internal state errors: e.g., deadlock');
    expect(kinds(text, 'definition')).toEqual([['What is an example of Internal state errors?', 'Deadlock']]);
  });

  it('makes no card of a reading list section or of an item that is only a link', () => {
    const text = note('# CDN', '', 'A CDN keeps copies of files close to users.', '', '## Source(s) and further reading', '', '- [RFC 9111: HTTP Caching](https://www.rfc-editor.org/rfc/rfc9111)', '- RFC 5861: stale-while-revalidate and stale-if-error');
    expect(deckOf(text).cards.map((card) => card.question).join('\n')).not.toMatch(/RFC/);
  });

  it('asks a "Facet: subject" lead-in as the facet of the subject', () => {
    const text = note('# Comparison', '', '## Disadvantage(s): CDN', '', '- Egress is billed per gigabyte and per request', '- Purges take minutes to reach every edge');
    expect(kinds(text, 'list').map(([question]) => question)).toEqual(['What are the 2 disadvantages of CDN?']);
  });

  it('a fill-in-the-blank twin leaves out the clause that leads into a list', () => {
    const text = note('# CAP', '', 'The trade-off is known as the CAP theorem, which states that under a partition we must choose one of the following:', '', '- consistency', '- availability');
    expect(kinds(text, 'cloze')).toEqual([['Fill in the blank: The ____ is known as the CAP theorem.', 'trade-off']]);
  });

  it('asks a verb label under a named item how the item does it', () => {
    const text = note('# Networks', '', '- Switch: joins hosts within one network', '  - Flood: duplicate the frame to every port', '  - Forward: use the MAC address table');
    expect(kinds(text, 'definition')).toContainEqual(['How does Switch flood?', 'Duplicate the frame to every port']);
    expect(kinds(text, 'definition')).toContainEqual(['How does Switch forward?', 'Use the MAC address table']);
  });

  it('asks a qualified facet label of its section ("Main purpose")', () => {
    const text = note('# Zookeeper', '', '- Main purpose: configuration and coordination of services');
    expect(kinds(text, 'definition')).toEqual([['What is the main purpose of Zookeeper?', 'Configuration and coordination of services']]);
  });

  it('makes no list card of a table of contents', () => {
    const text = note('# Paper', '', 'Sections:', '', '1. Introduction', '2. A Storage Service Interface', '3. Chain Replication Protocol', '4. Concluding Remarks');
    expect(kinds(text, 'list')).toEqual([]);
  });

  it('makes no card of a paper\'s outline in sentence case, nor of the bold section titles in it', () => {
    const text = note('# Paper', '', '1. **Introduction**', '2. **Replicated logs**', '   - every replica applies the same commands in order', '3. **Leader election**', '4. **Related work**', '5. **Conclusion**');
    expect(kinds(text, 'list')).toEqual([]);
    expect(cardsOf(text).map(([, question]) => question)).not.toContain('What are the key points of Paper?');
  });

  it('asks a label ending in a preposition of the item it sits under', () => {
    const text = note('# Partitioning', '', '- Consistent hashing', '  - Used by: Dynamo, Cassandra, Riak');
    expect(kinds(text, 'definition')).toEqual([['What is Consistent hashing used by?', 'Dynamo, Cassandra, Riak']]);
  });

  it.each([
    ['The issue is that every request must go to the same server.'],
    ['This is called a stateless web tier.'],
    ['- Use if: async processing or decoupling of services is needed.'],
    ['Below you can see how such a table might be laid out.'],
  ])('no definition from %j', (line) => {
    expect(kinds(note('# T', '', line), 'definition')).toEqual([]);
  });

  it('a numbered step is asked as a step of its section', () => {
    expect(kinds(note('# Search', '', '- Step 1: Pre-computed radius filtering with a cheap distance check.'), 'definition')).toEqual([
      ['What is step 1 of Search?', 'Pre-computed radius filtering with a cheap distance check.'],
    ]);
  });

  it('blanks the term of a defining sentence', () => {
    const text = note('# CDN', '', 'A CDN is a network of geographically dispersed servers used to deliver static content.');
    expect(kinds(text, 'cloze')).toEqual([
      ['Fill in the blank: A ____ is a network of geographically dispersed servers used to deliver static content.', 'CDN'],
    ]);
  });

  it('turns ==highlights== into cloze cards', () => {
    expect(kinds(note('# Raft', '', 'In Raft the ==leader== replicates the log to followers.'), 'cloze')).toEqual([
      ['Fill in the blank: In Raft the ____ replicates the log to followers.', 'leader'],
    ]);
  });
});

describe('explicit multi-line cards', () => {
  it('reads question lines, a "?" line and answer lines', () => {
    expect(kinds(note('# T', '', 'What does a load balancer do', '?', 'It spreads requests across servers.'), 'explicit')).toEqual([
      ['What does a load balancer do?', 'It spreads requests across servers.'],
    ]);
  });
});

describe('questions answered in list items', () => {
  it('takes the sub-list as the answer, one sub-item without its bullet', () => {
    expect(kinds(note('# Q', '', '- Which isolation level prevents phantom reads?', '  - Only serializable.'), 'qa')).toEqual([
      ['Which isolation level prevents phantom reads?', 'Only serializable.'],
    ]);
    expect(kinds(note('# Q', '', '- Which levels allow phantom reads?', '  - Read committed', '  - Repeatable read'), 'qa')).toEqual([
      ['Which levels allow phantom reads?', '- Read committed\n- Repeatable read'],
    ]);
  });
});

describe('list card parts', () => {
  it('keeps a list of 7 items on one card', () => {
    const items = Array.from({ length: 7 }, (_, i) => `- Item number ${i + 1}`);
    expect(kinds(note('# Topic', '', 'The steps are:', '', ...items), 'list')).toEqual([['In Topic, what are the 7 steps?', items.join('\n')]]);
  });

  it('keeps the numbering of an ordered list across parts', () => {
    const items = Array.from({ length: 9 }, (_, i) => `${i + 1}. Item number ${i + 1}`);
    const cards = kinds(note('# Topic', '', 'The steps are:', '', ...items), 'list');
    expect(cards.map(([q]) => q)).toEqual(['In Topic, what are the 9 steps (part 1 of 2)?', 'In Topic, what are the 9 steps (part 2 of 2)?']);
    expect(cards.flatMap(([, a]) => a.split('\n'))).toEqual(items);
  });

  it('asks no list card for a list that follows a plain paragraph', () => {
    expect(kinds(note('# Topic', '', 'Caches help.', '', '- Lower latency.', '- Less load.'), 'list')).toEqual([]);
  });
});

describe('numbered notes', () => {
  it('asks numbered notes of a few lines each one by one, not as one list of members', () => {
    const items = Array.from({ length: 8 }, (_, k) => `${k + 1}. Broker ${k} keeps its own log of every message and replicates each entry to two followers before it acks.`);
    const text = note('# Brokers', '', ...items);
    expect(kinds(text, 'list')).toEqual([]);
    expect(cardsOf(text).length).toBeGreaterThanOrEqual(8);
  });
});

describe('topic summary of a section titled with a term', () => {
  const LONG_POLLING = 'With long polling, a client holds a request open until the server has news. The server answers when data arrives or the request times out. The client then reconnects at once. This repeats forever.';

  it('asks "What is <title>?" answered by the first three sentences of the opening paragraph', () => {
    expect(kinds(note('# Networking', '', '## Long polling', '', LONG_POLLING), 'definition')).toEqual([
      ['What is Long polling?', 'With long polling, a client holds a request open until the server has news. The server answers when data arrives or the request times out. The client then reconnects at once.'],
    ]);
  });

  it('points at the paragraph it summarises', () => {
    const deck = deckOf(note('# Networking', '', '## Long polling', '', LONG_POLLING));
    expect(deck.cards.find((c) => c.question === 'What is Long polling?')?.line).toBe(5);
  });

  it.each([
    ['a question title', note('# Net', '', '## Why long polling?', '', LONG_POLLING)],
    ['a paragraph that does not name the topic', note('# Net', '', '## Long polling', '', 'A client holds a request open until the server has news, then reconnects at once.')],
    ['an opening too short to explain anything', note('# Net', '', '## Long polling', '', 'Long polling is old.')],
  ])('none for %s', (_, text) => {
    expect(kinds(text, 'definition').filter(([q]) => q === 'What is Long polling?')).toEqual([]);
  });

  it('none for a paragraph whose subject the title only modifies; an aside or a phrase after the title keeps it the subject', () => {
    const modifier = note('# Chat', '', '## Presence', '', 'Presence changes fan out to friends through pub/sub, so large systems fetch presence lazily instead.');
    expect(kinds(modifier, 'definition').map(([q]) => q)).not.toContain('What is Presence?');
    const aside = note('# Kafka', '', '## In-sync replicas', '', 'In-sync replicas (ISR) are the replicas that have caught up with the leader of a partition.');
    expect(kinds(aside, 'definition').map(([q]) => q)).toContain('What are In-sync replicas?');
  });

  it('does not repeat a definition the section already gives', () => {
    const text = note('# Net', '', '## Cache', '', '**Cache** is a fast store of copies of data kept near the reader.');
    expect(kinds(text, 'definition')).toEqual([['What is Cache?', 'Cache is a fast store of copies of data kept near the reader.']]);
  });
});

describe('numbered steps and question labels under a topic', () => {
  it('asks each step of the section\'s subject, and a "Why it matters" label as a why question', () => {
    const text = note('# Lecture 4: Consistent hashing', '', 'Step 1: hash every node id onto the ring.', 'Step 2: hash the key onto the same ring.', '', 'Why it matters: caches keep most of their hit rate when the cluster changes size.');
    expect(cardsOf(text).map(([, q]) => q)).toEqual(['What is step 1 of Consistent hashing?', 'What is step 2 of Consistent hashing?', 'Why does Consistent hashing matter?']);
  });

  it('a paragraph opening on other initials with a digit is no summary of a title ("3PC" under "2PC ...")', () => {
    const text = note('# 2PC (two phase commit)', '', '3PC adds a pre-commit phase so participants can time out.');
    expect(cardsOf(text).map(([, q]) => q).join(' ')).not.toMatch(/What is 2PC/);
  });
});

describe('labels that are sentences, clauses in other languages, and links to notes', () => {
  it('asks none of them as a term', () => {
    const questions = cardsOf(note('# Delivery', '', 'The guarantee stops at the broker: a payment still needs its own idempotency key.', '', '- Lucene no modifica archivos: escribe segmentos nuevos.', '', 'Related: [[Tracing]], [[Error budgets|SLOs]]')).map(([, q]) => q);
    expect(questions.join(' ')).not.toMatch(/What (?:is|are) (?:the guarantee stops|Lucene no modifica|Related)/);
  });
});

describe('toggles, callouts and task lists', () => {
  it('a toggle\'s summary question is answered by the toggle alone', () => {
    const text = note('# Consensus', '', '<details>', '<summary>Why do replicas need consensus?</summary>', '', 'They must agree on one order of writes.', '', '</details>', '', '> A quorum of five tolerates two failures.');
    expect(cardsOf(text)).toContainEqual(['qa', 'Why do replicas need consensus?', 'They must agree on one order of writes.']);
  });

  it('makes no card of a to-do', () => {
    const text = note('# Consensus', '', 'A quorum of five nodes tolerates two failures.', '', '- [ ] Read the paper on leader election', '- [x] Watch the lecture on log replication');
    expect(cardsOf(text).map(([, q, a]) => `${q} ${a}`).join('\n')).not.toMatch(/paper|lecture/);
    const marked = note('# Ordering', '', '- Standard queue: best-effort order', '- FIFO queue: strict order per group', '- TODO: check whether the FIFO limit changed', '', 'TODO redo lab 3, my sliding window double-counted');
    expect(cardsOf(marked).map(([, q, a]) => `${q} ${a}`).join('\n')).not.toMatch(/TODO|lab 3|limit changed/i);
  });
});

describe('headings that name what to do', () => {
  it('asks "Where should you ...?" with its parent as the object of a bare verb, and no list card besides', () => {
    const text = note('# Rate limiting', '', '## Where to enforce', '', '- At the gateway, so every service gets one policy.', '- In a shared store, so all nodes see one counter.');
    expect(cardsOf(text).map(([, q]) => q)).toEqual(['Where should you enforce rate limiting?']);
  });

  it('keeps a heading asked as a question, and a verb its parent already names, as they are', () => {
    const questions = cardsOf(note('# Database sharding', '', '## When to shard', '', 'Past one terabyte of data a single node struggles to keep up.')).map(([, q]) => q);
    expect(questions.join(' ')).not.toMatch(/should you shard/);
  });
});

describe('short questions that lean on their section', () => {
  const WRITE_THROUGH = (question: string) => note('# Caching', '', '## Write-through', '', question, '', 'Every write goes to the cache and the database.');

  it.each([
    ['"it"', 'Why is it slow?', 'In Write-through, why is it slow?'],
    ['"this"', 'When is this a good idea?', 'In Write-through, when is this a good idea?'],
    ['"both"', 'Why update both?', 'In Write-through, why update both?'],
  ])('get the section title in front when they say %s', (_, question, asked) => {
    expect(kinds(WRITE_THROUGH(question), 'qa').map(([q]) => q)).toEqual([asked]);
  });

  it.each([
    ['no pronoun', 'Why are writes slow?'],
    ['the section already named', 'Why is write-through slow for it?'],
  ])('are kept as written with %s', (_, question) => {
    expect(kinds(WRITE_THROUGH(question), 'qa').map(([q]) => q)).toEqual([question]);
  });

  it('take their context from the nearest title that is not itself a question', () => {
    const text = note('# Caching', '', '## Why cache?', '', 'Memory is fast.', '', 'Is it always worth it?', '', 'No, not for data that is read once.');
    expect(kinds(text, 'qa').map(([q]) => q)).toEqual(['Why cache?', 'In Caching, is it always worth it?']);
  });

  it('include questions asked by a heading and by a list item', () => {
    expect(kinds(note('# Redis', '', '## Why is it fast?', '', 'It keeps all data in memory.'), 'qa').map(([q]) => q)).toEqual(['In Redis, why is it fast?']);
    expect(kinds(note('# Caching', '', '## Write-through', '', '- Why is it slow?', '  - Every write goes to both stores.'), 'qa').map(([q]) => q))
      .toEqual(['In Write-through, why is it slow?']);
  });

  it('leaves a long question alone', () => {
    const question = `Why is it ${'much '.repeat(40)}slower than write-back?`;
    expect(kinds(WRITE_THROUGH(question), 'qa').map(([q]) => q)).toEqual([question]);
  });

  it('only applies to questions, not to other kinds of card', () => {
    expect(kinds(note('# Caching', '', '## Write-through', '', 'Is it fast :: Not for writes.'), 'explicit')).toEqual([['Is it fast?', 'Not for writes.']]);
  });
});

describe('clean card text', () => {
  it('drops emoji and citation markers from every side of a card', () => {
    const text = note('# Caching', '', 'Hot key 🔥 :: A key with far more traffic than others 🚀.', '', 'Why LRU? :: It is the most popular policy [6].');
    expect(kinds(text, 'explicit')).toEqual([
      ['Hot key?', 'A key with far more traffic than others.'],
      ['Why LRU?', 'It is the most popular policy.'],
    ]);
  });

  it('drops U+FFFD left by a lost character', () => {
    const prose = 'Caching keeps copies of data close to the reader so that reads are fast and cheap. '.repeat(3).trim();
    expect(kinds(note('# Caching', '', prose, '', 'What is a cache? :: A fast store of copies\uFFFD.'), 'explicit')).toEqual([
      ['What is a cache?', 'A fast store of copies.'],
    ]);
  });

  it('cleans emoji and outline numbering out of concept titles', () => {
    const deck = deckOf(note('# 🚀 Caching 🎯', '', '## 2.1 ✅ Why cache? 🤔', '', 'Memory is faster than disk.'));
    expect(deck.concepts.map((c) => c.title)).toEqual(['Caching', 'Why cache?']);
    expect(kinds(note('# 🚀 Caching 🎯', '', '## 2.1 ✅ Why cache? 🤔', '', 'Memory is faster than disk.'), 'qa')).toEqual([['Why cache?', 'Memory is faster than disk.']]);
  });
});
