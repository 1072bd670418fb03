import { describe, expect, it } from 'vitest';
import { cardsOf, deckOf, note } from './support';

/**
 * The coverage backbone: passages no shape recogniser reads still become cards, each asked by its
 * own subject and placed in its topic when the subject is generic.
 */
describe('cards from passages with no recognised shape', () => {
  it.each<[string, string, [string, string, string][]]>([
    [
      'a named subject that does something is asked what it does, the passage answering',
      note('# Routing', '', 'IANA allocates blocks of addresses to regional registries.'),
      [['qa', 'What does IANA allocate?', 'IANA allocates blocks of addresses to regional registries.']],
    ],
    [
      'a generic subject is asked in its topic',
      note('# Long polling', '', 'The server holds the request open until new data arrives.'),
      [['qa', 'In Long polling, what does the server hold?', 'The server holds the request open until new data arrives.']],
    ],
    [
      'a subject said to be something other than a kind, for a reason, is asked why',
      note('# Caching', '', 'Cache hits are cheap because memory is fast.'),
      [['qa', 'Why are Cache hits cheap?', 'Cache hits are cheap because memory is fast.']],
    ],
    [
      'a "when" clause after a verb with no object asks when',
      note('# Failover', '', 'Split brain happens when two nodes both believe they lead the cluster.'),
      [['qa', 'When does Split brain happen?', 'Split brain happens when two nodes both believe they lead the cluster.']],
    ],
    [
      'a passive verb is asked how it is done to the subject, keeping the auxiliary the note wrote',
      note('# Logging', '', 'Log records must be written to disk before the page is flushed.'),
      [['qa', 'How must Log records be written?', 'Log records must be written to disk before the page is flushed.']],
    ],
    [
      'a condition with no comma ends where a clause of its own begins',
      note('# Rate limiting', '', 'When a client is over its limit the server answers 429 with a Retry-After header.'),
      [['qa', 'In Rate limiting, what happens when a client is over its limit?', 'When a client is over its limit the server answers 429 with a Retry-After header.']],
    ],
    [
      'a "Where to X it:" label is advice on the topic, answered without its label',
      note('# Rate limiting', '', 'Where to enforce it: at the gateway for coarse limits, in the service for limits that need business data.'),
      [['qa', 'Where should you enforce rate limiting?', 'At the gateway for coarse limits, in the service for limits that need business data.']],
    ],
    [
      'after an article a word mostly a verb is the object',
      note('# Mail', '', 'SMTP workers send the email to the recipient server.'),
      [['qa', 'What do SMTP workers send?', 'SMTP workers send the email to the recipient server.']],
    ],
    [
      'a pair of subjects takes the verb the note gave it',
      note('# Standards', '', 'IETF and W3C govern most web standards.'),
      [['qa', 'What do IETF and W3C govern?', 'IETF and W3C govern most web standards.']],
    ],
    [
      'a passive that judges the subject is no manner to ask about',
      note('# Email', '', 'An effective blocklist mechanism is needed at the gateway.'),
      [['qa', 'In Email, what is true of an effective blocklist mechanism?', 'An effective blocklist mechanism is needed at the gateway.']],
    ],
    [
      'a passive verb after a condition is asked when it is done',
      note('# Queues', '', 'If the buffer overflows, packets are dropped at the tail.'),
      [['qa', 'In Queues, when are packets dropped?', 'If the buffer overflows, packets are dropped at the tail.']],
    ],
    [
      'a passive verb with a purpose after it is asked what the subject is made to do',
      note('# Routing', '', 'Most routers are configured to return an error when the hop count runs out.'),
      [['qa', 'In Routing, what are most routers configured to do?', 'Most routers are configured to return an error when the hop count runs out.']],
    ],
    [
      'a note that leaves out "are" is asked with it, the verb-less subject counted by its "-ers" ending',
      note('# Routing', '', 'Routers typically deployed in hierarchies, allowing route summarisation.'),
      [['qa', 'How are Routers deployed?', 'Routers typically deployed in hierarchies, allowing route summarisation.']],
    ],
    [
      'a participle right before a noun describes it: the statement says what the subject is',
      note('# Observability', '', 'Logs are timestamped records of discrete events.'),
      [['qa', 'What are logs?', 'Logs are timestamped records of discrete events.']],
    ],
    [
      'a passive with an object of its own stays a passive',
      note('# Tracing', '', 'Each request is assigned an ID.'),
      [['qa', 'In Tracing, what happens to each request?', 'Each request is assigned an ID.']],
    ],
    [
      'a "that" clause is what the verb states',
      note('# Sessions', '', 'Sticky routing guarantees that a user always reaches the same server.'),
      [['qa', 'What does Sticky routing guarantee?', 'Sticky routing guarantees that a user always reaches the same server.']],
    ],
    [
      'an adjective with "for" after the copula describes, it does not define',
      note('# Search', '', 'A B-tree is useless for substring queries, so full-text search uses an inverted index.'),
      [['qa', 'What is true of a B-tree?', 'A B-tree is useless for substring queries, so full-text search uses an inverted index.']],
    ],
    [
      'a pair before "are" is asked in the plural',
      note('# Reporting', '', 'TC/C and Saga are both application-level distributed transactions.'),
      [['qa', 'What are TC/C and Saga?', 'TC/C and Saga are both application-level distributed transactions.']],
    ],
    [
      'a note\'s bookkeeping ("Last edited ...") makes no card',
      note('# Caching', '', 'Last edited before the onsite, clean up later.'),
      [],
    ],
    [
      'a subject counted by a number word is no name, and is placed in its topic',
      note('# Redirects', '', 'One trade-off people miss is 301 versus 302.'),
      [['qa', 'In Redirects, what is true of one trade-off people miss?', 'One trade-off people miss is 301 versus 302.']],
    ],
    [
      'a facet named with its owner is the owner\'s facet',
      note('# Out-of-order execution', '', 'One side effect of TC/C is the out-of-order execution.'),
      [['qa', 'What is the effect of TC/C?', 'One side effect of TC/C is the out-of-order execution.']],
    ],
    [
      '"also" says one more thing of the subject, not what it is',
      note('# Abuse', '', 'Shorteners are also a favourite tool for phishing.'),
      [['qa', 'What is true of Shorteners?', 'Shorteners are also a favourite tool for phishing.']],
    ],
    [
      'a clause opening on "where", "which" or "how" is what the verb knows or decides',
      note('# DNS', '', 'The root name server will know where the top-level domain servers are.'),
      [['qa', 'In DNS, what will the root name server know?', 'The root name server will know where the top-level domain servers are.']],
    ],
    [
      'an aside between the subject and its verb is read past, and a participle before a noun names a term',
      note('# Stores', '', 'Hinted handoff, borrowed from older designs, keeps writes for a replica that is down.'),
      [['qa', 'What does Hinted handoff keep?', 'Hinted handoff, borrowed from older designs, keeps writes for a replica that is down.']],
    ],
    [
      'what follows from a condition is asked as what happens then',
      note('# Rate limiter headers', '', 'When a client has sent too many requests, a 429 status and a Retry-After header are returned to it.'),
      [['qa', 'In Rate limiter headers, what happens when a client has sent too many requests?', 'When a client has sent too many requests, a 429 status and a Retry-After header are returned to it.']],
    ],
    [
      'a sentence about the text itself is no statement to recall',
      note('# Read path', '', 'We will briefly go over the write path later in this chapter.', '', 'All the details will be explained in the next chapter.'),
      [],
    ],
    [
      'a frame that refers back places nothing',
      note('# Pre-rendering', '', 'With that option, the map tiles are static and generated ahead of time.'),
      [['qa', 'In Pre-rendering, what is true of the map tiles?', 'With that option, the map tiles are static and generated ahead of time.']],
    ],
    [
      'a denial is asked as a denial, not as if it were done',
      note('# Raft', '', 'Raft never commits log entries from previous terms by counting replicas.'),
      [['qa', 'What does Raft never commit?', 'Raft never commits log entries from previous terms by counting replicas.']],
    ],
    [
      'a modal denial keeps its modal',
      note('# Sharding', '', "A single node can't hold the data of every shard."),
      [['qa', 'In Sharding, what can a single node not hold?', "A single node can't hold the data of every shard."]],
    ],
    [
      'a linking verb and an adjective describe the subject',
      note('# Failure detection', '', 'An overloaded node looks dead to its peers.'),
      [['qa', 'In Failure detection, what is true of an overloaded node?', 'An overloaded node looks dead to its peers.']],
    ],
    [
      'a fragment under a title that states a purpose asks for it',
      note('# Shadow paging', '', '> To avoid partial updates'),
      [['qa', 'What is the purpose of Shadow paging?', 'To avoid partial updates']],
    ],
    [
      'a facet written as an arrow belongs to its topic',
      note('# Hot keys', '', '- fix -> salt the key with a suffix'),
      [['qa', 'What is the fix of Hot keys?', 'Salt the key with a suffix']],
    ],
    [
      'an arrow with no space inside a compound is no outline arrow',
      note('# Partitions', '', 'Key->partition mapping never changes after creation.'),
      [['qa', 'What is true of Key->partition mapping?', 'Key->partition mapping never changes after creation.']],
    ],
    [
      'a short name in parentheses is another name',
      note('# Caching', '', 'cache-aside (lazy loading)', 'the app checks the cache first'),
      [
        ['qa', 'What is another name for cache-aside?', 'Cache-aside (lazy loading)'],
        ['qa', 'In Caching, what does the app check?', 'The app checks the cache first'],
      ],
    ],
    [
      '"aka" under a title gives another name for it',
      note('# Cache stampede', '', 'aka thundering herd or dog-pile', 'a hot key expires and every request misses at once'),
      [
        ['qa', 'What is another name for Cache stampede?', 'Aka thundering herd or dog-pile'],
        ['qa', 'In Cache stampede, what does a hot key do?', 'A hot key expires and every request misses at once'],
      ],
    ],
    [
      "a course's bookkeeping in a title is not part of the topic asked in",
      note('# caching - wk 3', '', 'The app checks the cache first.'),
      [['qa', 'In caching, what does the app check?', 'The app checks the cache first.']],
    ],
    [
      "a course's bookkeeping set off by spaces alone is left out too",
      note('# caching   lec 6', '', 'The app checks the cache first.'),
      [['qa', 'In caching, what does the app check?', 'The app checks the cache first.']],
    ],
    [
      'a label followed by an example asks for one, also among label lines',
      note('# Failures', '', 'Hardware failures: e.g., lose power', 'Fail-stop assumption: no unrecoverable error on disk'),
      [
        ['definition', 'What is an example of Hardware failures?', 'Lose power'],
        ['definition', 'What is Fail-stop assumption?', 'No unrecoverable error on disk'],
      ],
    ],
    [
      "a generic subject is placed in the sentence's own setting before its topic",
      note('# Queues', '', 'In SQS a received message is not deleted until the consumer deletes it.'),
      [['qa', 'In SQS, what is true of a received message?', 'In SQS a received message is not deleted until the consumer deletes it.']],
    ],
    [
      'a number word opens a subject, it is not one',
      note('# Queues', '', 'Two models both get called queues by most people.'),
      [['qa', 'What is true of Queues?', 'Two models both get called queues by most people.']],
    ],
    [
      'a quantified subject is plural',
      note('# Routing', '', 'Most CDNs steer users with DNS or anycast.'),
      [['qa', 'What do most CDNs steer?', 'Most CDNs steer users with DNS or anycast.']],
    ],
    [
      'an arrow before a verb stands for the verb: it asks what the left side does',
      note('# Partitions', '', '- CP system -> refuses some requests while the network is split'),
      [['qa', 'What does CP system do?', 'CP system -> refuses some requests while the network is split']],
    ],
    [
      'an outline arrow asks what its left side leads to',
      note('# Raft', '', '- snapshots -> fast recovery after a crash'),
      [['qa', 'What do snapshots lead to?', 'Snapshots -> fast recovery after a crash']],
    ],
    [
      'a term with its explanation in parentheses is defined',
      note('# Hardware', '', '- static route (entered by hand by an administrator)'),
      [['qa', 'What is static route?', 'Static route (entered by hand by an administrator)']],
    ],
    [
      'a short term and its aside is prose, not code',
      note('# Routers', '', '- packet forwarding (input to output)'),
      [['qa', 'What is packet forwarding?', 'Packet forwarding (input to output)']],
    ],
    [
      'a verb label under an item is a step of that item',
      note('# Networks', '', '- Switch', '  - Learn: keep a table of which port each address sits behind'),
      [['qa', 'How does Switch learn?', 'Learn: keep a table of which port each address sits behind']],
    ],
    [
      'a line under an item that opens on an order verb is what the item does, whatever the parser made a subject of',
      note('# Networks', '', '- Router', '  - maintain knowledge of other networks they know about'),
      [['qa', 'What does Router maintain?', 'Maintain knowledge of other networks they know about']],
    ],
    [
      'a line under an item that opens on a modal keeps it',
      note('# Networks', '', '- Network', '  - can hold another network inside it'),
      [['qa', 'What can Network hold?', 'Can hold another network inside it']],
    ],
    [
      'a line with its own short subject and verb keeps them',
      note('# Raft', '', '- Leader', '  - log entries are replicated to every follower'),
      [['qa', 'How are log entries replicated?', 'Log entries are replicated to every follower']],
    ],
    [
      'a statement in another language is asked by the English term it borrows',
      note('# 分布式锁', '', '使用 SETNX 指令插入一个键值对，如果已经存在则返回失败。'),
      [['cloze', 'Fill in the blank: 使用 ____ 指令插入一个键值对，如果已经存在则返回失败。', 'SETNX']],
    ],
    [
      'a statement no question can ask is gathered under the key points of its topic',
      note('# 分布式锁', '', '多个进程争用同一资源时需要互斥。', '', '锁应当设置过期时间。', '', '释放锁的必须是持有者。', '', '客户端崩溃后锁要能自动释放。'),
      [['qa', 'What are the key points of 分布式锁?', '- 多个进程争用同一资源时需要互斥。\n- 锁应当设置过期时间。\n- 释放锁的必须是持有者。\n- 客户端崩溃后锁要能自动释放。']],
    ],
    [
      'struck-out text is left out',
      note('# Caching', '', 'Write-through ~~is slow~~ updates the cache and the database together.'),
      [['qa', 'What does Write-through update?', 'Write-through updates the cache and the database together.']],
    ],
    [
      'a question the note answers in the same paragraph is asked',
      note('# Caching', '', 'Why is a cache fast? Because it is in memory.'),
      [['qa', 'Why is a cache fast?', 'Because it is in memory.']],
    ],
  ])('%s', (_, text, expected) => {
    expect(cardsOf(text)).toEqual(expected);
  });

  it('an answer ends where an author card begins', () => {
    const qa = cardsOf(note('# Caching', '', 'What is LRU?', '', 'Least recently used.', '', 'LFU :: Least frequently used', '', 'FIFO evicts the oldest entry first.'));
    expect(qa[0]).toEqual(['qa', 'What is LRU?', 'Least recently used.']);
    expect(qa).toContainEqual(['explicit', 'LFU?', 'Least frequently used']);
  });

  it('hand-written lines wrapped near one width are read as one statement', () => {
    const text = note('# DNS', '', 'resolvers cache every answer for the TTL', 'set by the zone owner so changes spread slowly', 'anycast: the same IP is announced from many', 'places and BGP routes you to the nearest one');
    expect(cardsOf(text).map(([, , answer]) => answer)).toEqual([
      'Resolvers cache every answer for the TTL set by the zone owner so changes spread slowly',
      'The same IP is announced from many places and BGP routes you to the nearest one',
    ]);
  });

  it('a hand-written line that opens a record of its own is not joined to the wrapped line before it', () => {
    const text = note('rate limiting', '', 'why: protect the backend from bursts and abusive clients, fairness between tenants',
      'token bucket - bucket holds N tokens, refilled at rate r per second, each request',
      'takes 1 token, if empty -> reject or queue', 'allows bursts up to N', 'fixed window counter: count per minute window',
      'problem - 2x burst at the edges of the window', 'sliding window log keeps a timestamp of every request', 'where to put it? API gateway usually',
      'distributed -> counters in a shared store');
    const cards = cardsOf(text);
    expect(cards).toContainEqual(['qa', 'What is token bucket?', 'Bucket holds N tokens, refilled at rate r per second, each request takes 1 token, if empty -> reject or queue']);
    // A line with no subject that opens on a verb goes on about the term just defined; a lower-case facet belongs to it too.
    expect(cards).toContainEqual(['qa', 'What does token bucket allow?', 'Allows bursts up to N']);
    expect(cards).toContainEqual(['qa', 'What is the problem of fixed window counter?', '2x burst at the edges of the window']);
    // A question's answer ends where the next record begins.
    expect(cards).toContainEqual(['qa', 'In rate limiting, where to put it?', 'API gateway usually']);
  });

  it.each([
    ['a trailing reason', 'Tombstones are kept for a while, since a replica that was down must still learn of the delete.', 'In Storage, why are tombstones kept for a while?'],
    ['a leading reason', 'Because the log is append-only, a write costs one sequential disk access.', 'In Storage, why does a write cost one sequential disk access?'],
    ['a simple verb', 'LSM trees absorb bursts of writes well because they batch them in memory first.', 'Why do LSM trees absorb bursts of writes well?'],
  ])('a statement giving its reason is asked why: %s', (_, sentence, question) => {
    expect(cardsOf(note('# Storage', '', sentence))).toEqual([['qa', question, sentence]]);
  });

  it('a reason that explains a later clause, or a time after "since", asks no why', () => {
    const questions = cardsOf(note('# Storage', '', 'Disks can hold the data, but they are slow because every read seeks.', '', 'Compaction has run nightly since the cluster was small.')).map(([, q]) => q);
    expect(questions.join(' ')).not.toMatch(/^Why|why can disks/);
  });

  it('a verb with only a word of degree after it says how its subject fares', () => {
    expect(cardsOf(note('# Sharding', '', 'Key choice matters most.'))).toEqual([['qa', 'What is true of Key choice?', 'Key choice matters most.']]);
  });

  it('a hand-written question answered on its own line is a question card', () => {
    expect(cardsOf(note('# Queues', '', 'why queues? decouple producer and consumer, absorb spikes'))).toEqual([['qa', 'Why queues?', 'decouple producer and consumer, absorb spikes']]);
  });

  it('two statements opening on technical names of one shape are two cards', () => {
    expect(cardsOf(note('# Eviction', '', 'LRU drops the entry used least recently. LFU drops the entry used least often.')).map(([, q]) => q)).toEqual(['What does LRU drop?', 'What does LFU drop?']);
  });

  it('a paragraph pointing back at the one before is read with its card, not as a key point', () => {
    const text = note('# Proxies', '', 'Reverse proxies terminate TLS and forward plain requests to the servers behind them.', '', 'That frees the servers from doing any encryption work.');
    expect(cardsOf(text)).toEqual([
      ['qa', 'What do Reverse proxies terminate?', 'Reverse proxies terminate TLS and forward plain requests to the servers behind them. That frees the servers from doing any encryption work.'],
    ]);
  });

  it('two statements about parallel subjects are two cards, each agreeing in number', () => {
    const text = note('# Delivery', '', 'Push networks receive content when the origin uploads it. Pull networks fetch content on the first request and keep it for a while.');
    expect(cardsOf(text)).toEqual([
      ['qa', 'What do Push networks receive?', 'Push networks receive content when the origin uploads it.'],
      ['qa', 'What do Pull networks fetch?', 'Pull networks fetch content on the first request and keep it for a while.'],
    ]);
  });

  it('a hand-written term that opens on a verb ("write back") is a term, and a facet line after it is its facet', () => {
    const text = note('caching', '', 'write through = every write goes to cache and db', 'together so the cache is never stale',
      'write back: write to cache only, flush to db later', 'risk -> lose data if the cache node dies');
    expect(cardsOf(text)).toEqual([
      ['qa', 'What is write through?', 'Every write goes to cache and db together so the cache is never stale'],
      ['qa', 'What is write back?', 'Write to cache only, flush to db later'],
      ['qa', 'What is the risk of write back?', 'Lose data if the cache node dies'],
    ]);
  });

  it('capitalised labels line by line are parallel records, not facets of the term on the line before', () => {
    const cards = cardsOf(note('# Rate limiter', '', 'A rate limiter caps how many requests a client may send.', '',
      '**One-liner**: Protect systems by limiting the request rate per user  ',
      '**Default choice**: Sliding window counter (balance of accuracy and cost)  ',
      '**Storage**: A shared in-memory store with atomic counters'));
    // Lines of even width that each open a record are no wrapped prose, and a label is never the blank.
    expect(cards).toContainEqual(['qa', 'What is the storage of Rate limiter?', 'A shared in-memory store with atomic counters']);
    expect(cards.filter(([kind]) => kind === 'cloze')).toEqual([]);
  });

  it('the label lines of a summary section are facets of the topic it summarises', () => {
    const text = note('# Rate limiter', '', 'A rate limiter caps how many requests a client may send.', '', '## Quick reference', '',
      'Default choice: sliding window counter', 'Storage: a shared in-memory store with atomic counters', 'Best for: public APIs with bursty clients');
    expect(cardsOf(text)).toEqual(expect.arrayContaining([
      ['qa', 'What is the default choice of Rate limiter?', 'Sliding window counter'],
      ['qa', 'What is the storage of Rate limiter?', 'A shared in-memory store with atomic counters'],
      ['qa', 'What is Rate limiter best for?', 'Public APIs with bursty clients'],
    ]));
  });

  it('"There are ..." opening a section is not what the section\'s topic is', () => {
    const questions = cardsOf(note('# Data model', '', 'There are two kinds of data in the system, raw events and hourly rollups.')).map(([, question]) => question);
    expect(questions).not.toContain('What is Data model?');
  });

  it('a term-titled section opened by one statement in another language is that term\'s definition', () => {
    expect(cardsOf(note('# 租约', '', '指服务器在一段时间内授予客户端的权利，到期后自动失效。'))).toEqual([
      ['definition', 'What is 租约?', '指服务器在一段时间内授予客户端的权利，到期后自动失效。'],
    ]);
    // A few statements opening the section define it together; a lead-in that is no sentence does not.
    expect(cardsOf(note('# 租约', '', '指服务器授予客户端的权利。', '', '到期后自动失效。'))).toEqual([['definition', 'What is 租约?', '- 指服务器授予客户端的权利。\n- 到期后自动失效。']]);
    expect(cardsOf(note('# 租约', '', '两种常见的做法'))[0][1]).not.toBe('What is 租约?');
  });

  it('a hand-written "term = meaning" defines the term', () => {
    expect(cardsOf(note('# DNS', '', 'The resolver walks down from the root servers.', '', 'dns = phone book of the internet'))).toContainEqual(['qa', 'What is dns?', 'Phone book of the internet']);
  });

  it('a statement with a question mark is the author wondering; the next paragraph answers nothing', () => {
    const text = note('# Access', '', 'the router and modem will go to the headend or the central office?', '', 'connect end systems to edge routers via the access network:', '', '- DSL over phone lines', '- cable over coax');
    expect(cardsOf(text).map(([, question]) => question)).not.toContain('The router and modem will go to the headend or the central office?');
  });

  it('a card whose answer only repeats its term and a quoted name is dropped', () => {
    expect(cardsOf(note('# Locks', '', 'Some opening words here about locks.', '', '- Locks without herd effect ("scalable lock")'))).not.toContainEqual(expect.arrayContaining(['Locks without herd effect ("scalable lock")']));
  });

  it('statements in another Latin-script language blank the English terms they borrow, each sentence on its own', () => {
    const text = note('# Particionado', '', 'El sharding divide los datos entre nodos. Con hash partitioning las claves se reparten de forma uniforme.');
    expect(cardsOf(text)).toEqual([
      ['cloze', 'Fill in the blank: El ____ divide los datos entre nodos.', 'sharding'],
      ['cloze', 'Fill in the blank: Con ____ las claves se reparten de forma uniforme.', 'hash partitioning'],
    ]);
  });

  it('statements under a commentary label are each asked on their own; a bare noun before "of" names a kind', () => {
    const text = note('# Networks', '', 'IMPORTANT:', '  - switching is process of moving data within a network', '  - routing is process of carrying packets across networks');
    expect(cardsOf(text)).toEqual([
      ['qa', 'What is switching?', 'Switching is process of moving data within a network'],
      ['qa', 'What is routing?', 'Routing is process of carrying packets across networks'],
    ]);
  });

  it('one statement per line is one card per line, a pronoun read as the subject before it', () => {
    const questions = cardsOf(note('# Routing', '', 'IANA allocates blocks of IPs to registries', 'they delegate smaller blocks to ISPs')).map(([, q]) => q);
    expect(questions).toEqual(['What does IANA allocate?', 'What does IANA delegate?']);
  });

  it('a line that cannot end there continues on the next', () => {
    const [card] = cardsOf(note('# Caching', '', 'default policy = evict the least recently used entry of', 'the whole keyspace'));
    expect(card[2]).toMatch(/least recently used entry of the whole keyspace$/);
  });

  it.each([
    ['table data', note('# Metrics', '', 'ad001 202101010001 0023 6 ad002 202101010002 0031 9')],
    ['a reference-list entry', note('# Reading', '', 'Kleppmann, M. Designing Data-Intensive Applications. O Reilly, 2017.')],
    ['a reading list of links', note('# Reading', '', '[Raft paper](https://raft.github.io) and [Paxos made simple](https://example.org/paxos)')],
    ['code written as a paragraph', note('# Schema', '', 'CREATE TABLE files ( id UUID PRIMARY KEY, user_id UUID NOT NULL, size_bytes BIGINT );')],
    ['a reference by its authors', note('# Reading', '', 'In R. Bayer, R.M. Graham, and G. Seegmuller, editors, Operating Systems, volume 60.')],
    ['an open question with no answer', note('# Networks', '', 'What design strategies have proven valuable?')],
    ['open questions and fragments', note('# Networks', '', '- difference between LAN/WAN. just size?', '  what about mesh? (maybe radio range too)')],
  ])('no card from %s', (_, text) => {
    expect(cardsOf(text)).toEqual([]);
  });

  it('hand-written lines: a lone capital is a variable a wrapped line goes on with; a few words before "=" are a term', () => {
    expect(cardsOf(note('# Queues', '', 'the DLQ holds messages that fail to process', 'N times so they do not block the rest of it', 'exactly once = hard, needs a dedup store'))).toEqual([
      ['qa', 'What does the DLQ hold?', 'The DLQ holds messages that fail to process N times so they do not block the rest of it'],
      ['qa', 'What is exactly once?', 'Hard, needs a dedup store'],
    ]);
  });

  it('how an activity is judged is asked in its topic; a verb label with no item above is a step of the topic', () => {
    expect(cardsOf(note('# Shadow paging', '', 'Keep two copies of the page table.', '', 'Supporting rollbacks and recovery is easy.', '', '- Undo: remove the shadow page', '- Redo: nothing to do'))).toEqual([
      ['qa', 'What does Shadow paging keep?', 'Keep two copies of the page table.'],
      ['qa', 'In Shadow paging, what is true of Supporting rollbacks and recovery?', 'Supporting rollbacks and recovery is easy.'],
      ['qa', 'How does Shadow paging undo?', 'Undo: remove the shadow page'],
      ['qa', 'How does Shadow paging redo?', 'Redo: nothing to do'],
    ]);
  });

  it('a chunk opening on a fragment ("3b.") is read as the English most of it is, with no blanks over word runs', () => {
    const cards = cardsOf(note('# Queues', '', 'Some intro line here.', '', '3b. If the retry count exceeds the threshold, the event is put in the dead letter queue.'));
    expect(cards.filter(([kind]) => kind === 'cloze')).toEqual([]);
    expect(cards.map(([, , answer]) => answer)).toContain('3b. If the retry count exceeds the threshold, the event is put in the dead letter queue.');
  });

  it('hand-written arrows: two words before one name a topic; a capital "A" ending a line is a name, not an article', () => {
    expect(cardsOf(note('# Sharding', '', 'you pick C or A', 'CP -> refuse some requests', 'range based -> good for scans, hot spots on recent keys'))).toEqual([
      ['qa', 'What does CP lead to?', 'CP -> refuse some requests'],
      ['qa', 'What does range based lead to?', 'Range based -> good for scans, hot spots on recent keys'],
    ]);
  });

  it('a bold run-in heading is a label; a lone "Why?" asks nothing', () => {
    expect(cardsOf(note('# Consistent hashing', '', 'Consistent hashing maps keys and servers onto one ring.', '', '**Motivation.** With mod-N placement, adding one server moves almost every key.', '', '*Why?* Only the keys next to the new server change owner.'))).toEqual([
      ['definition', 'What is Consistent hashing?', 'Consistent hashing maps keys and servers onto one ring.'],
      ['qa', 'What is the motivation of Consistent hashing?', 'With mod-N placement, adding one server moves almost every key.'],
      ['qa', 'What is true of Consistent hashing?', 'Only the keys next to the new server change owner.'],
    ]);
  });

  it('a facet-like label among a glossary\'s terms line by line is a term', () => {
    expect(cardsOf(note('# Distributed systems glossary', '', 'Availability — the share of time a system answers requests.', 'Idempotency — doing an operation twice has the effect of doing it once.', 'Fencing token — a number storage uses to reject stale writers.'))[0]).toEqual(
      ['definition', 'What is Availability?', 'The share of time a system answers requests.'],
    );
  });

  it('facet labels line by line are facets of the section', () => {
    expect(cardsOf(note('# Consistent hashing', '', '**Problem:** with few servers the arcs are uneven.', '**Fix:** give each server many virtual nodes.'))).toEqual([
      ['definition', 'What is the problem of Consistent hashing?', 'With few servers the arcs are uneven.'],
      ['definition', 'What is the fix of Consistent hashing?', 'Give each server many virtual nodes.'],
    ]);
  });

  it('a label before a term and its aside is the term asked', () => {
    expect(cardsOf(note('# Networks', '', 'network core: packet switching (each packet travels on its own)'))).toEqual([
      ['qa', 'What is network core?', 'Packet switching (each packet travels on its own)'],
    ]);
  });

  it('a title line over what follows ("WebSocket — When to Use") defines nothing', () => {
    expect(cardsOf(note('# Realtime', '', 'WebSocket — When to Use')).map(([, q]) => q)).not.toContain('What is WebSocket?');
  });

  it('a lecture title is asked without its number and date', () => {
    expect(cardsOf(note('# Lecture 7 - message queues 10/3', '', 'some line', 'ordering: only per partition in kafka'))).toContainEqual(['qa', 'What is the ordering of message queues?', 'Only per partition in kafka']);
    // So is a part of a lecture, without the remark on how it went.
    const part = note('# Lecture 5', '', '## Part 3: Backpressure (ran out of time, only ~10 min)', '', '- Strategies', '  - bounded queues that block the producer', '  - load shedding of low-priority work');
    expect(cardsOf(part).map(([, q]) => q)).toContain('What are the 2 strategies of Backpressure?');
  });

  it('a commentary label with an aside ("Definition (EN):") is no term; what it labels is read', () => {
    expect(cardsOf(note('# Ranking: TF-IDF y BM25 para todos', '', 'Definition (EN): precision = fraction of returned documents that are relevant.'))).toEqual([
      ['qa', 'What is Precision?', 'Fraction of returned documents that are relevant.'],
    ]);
  });

  it('a line in title case with no verb is a title, not a key point', () => {
    const cards = cardsOf(note('# The paper', '', '- Contents', '  - Large Scale Replication of Critical Data', '- Other stuff that happens here in the text'));
    expect(cards.filter(([, q]) => /key points|true of/.test(q))).toEqual([]);
  });

  it('one statement unfit for a card does not sink the key points gathered with it', () => {
    const cards = cardsOf(note('# Tools', '', 'the figure 3 for the whole picture of it', '', 'minimum of a quadratic, equate the derivative to 0'));
    expect(cards).toEqual([['qa', 'What is true of Tools?', 'Minimum of a quadratic, equate the derivative to 0']]);
  });

  it('a short fragment with no verb is left out; an arrow opening a statement is not kept', () => {
    const cards = cardsOf(note('# Raft', '', 'Leaders replicate the log to every follower.', '', 'Follower and candidate crashes', '', '-> all rely on a single entity to decide who leads'));
    expect(cards.map(([, , answer]) => answer).join('\n')).not.toMatch(/candidate crashes|->/);
    expect(cards.map(([, , answer]) => answer).join('\n')).toMatch(/all rely on a single entity/i);
  });

  it('a word the sentence defines may open it', () => {
    expect(cardsOf(note('# Maths', '', 'Fun fact first, to open the section.', '', 'stochastic means random but still open to statistics'))).toContainEqual(['qa', 'In Maths, what does stochastic mean?', 'Stochastic means random but still open to statistics']);
  });

  it('reports a passage it could not ask, with its line', () => {
    const deck = deckOf(note('# Stores', '', '| Feature | Redis | Memcached |', '|---|---|---|', '| Persistence | Optional snapshots written to disk | - |'));
    expect(deck.warnings.some((w) => w.message.startsWith('passage not studyable') && w.line >= 3)).toBe(true);
  });
});
