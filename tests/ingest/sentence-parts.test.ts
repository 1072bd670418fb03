import { describe, expect, it } from 'vitest';
import { hasFiniteVerb, isEnglish, isNounPhrase, sentenceParts, type SentenceParts } from '@/lib/ingest/sentence-parts';

/**
 * One row per sentence, written for this table in the style of study notes:
 * [sentence, 'subject | head | kind', 'verb | verbBase | auxiliary', flags, predicate, frame].
 * flags is '', 'copula' or 'passive'; '*' leaves a column unchecked.
 */
type Row = [string, string, string, '' | 'copula' | 'passive' | '*', string, string?];

const CASES: Row[] = [
  // Plain declaratives: compound, acronym and proper-noun subjects.
  ['Push CDNs receive new content whenever the origin changes.', 'Push CDNs | CDNs | specific', 'receive | receive | ', '', 'new content whenever the origin changes'],
  ['The load balancer spreads incoming requests across healthy instances.', 'The load balancer | balancer | generic', 'spreads | spread | ', '', 'incoming requests across healthy instances'],
  ['IANA (Internet Assigned Numbers Authority) manages the global pool of IP addresses.', 'IANA (Internet Assigned Numbers Authority) | IANA | specific', 'manages | manage | ', '', 'the global pool of IP addresses'],
  ['Consistent hashing maps both keys and nodes onto a ring.', 'Consistent hashing | hashing | specific', 'maps | map | ', '', 'both keys and nodes onto a ring'],
  ['A write-ahead log records every change before it is applied.', 'A write-ahead log | log | specific', 'records | record | ', '', 'every change before it is applied'],
  ['Redis keeps the whole dataset in memory.', 'Redis | Redis | specific', 'keeps | keep | ', '', 'the whole dataset in memory'],
  ['DNS resolves a domain name to an IP address.', 'DNS | DNS | specific', 'resolves | resolve | ', '', 'a domain name to an IP address'],
  ['Sharding splits a large table across several machines.', 'Sharding | Sharding | specific', 'splits | split | ', '', 'a large table across several machines'],
  ['The CAP theorem says a partitioned store must give up consistency or availability.', 'The CAP theorem | theorem | specific', 'says | say | ', '', 'a partitioned store must give up consistency or availability'],
  ['Rate limiting protects downstream services from overload.', 'Rate limiting | limiting | specific', 'protects | protect | ', '', 'downstream services from overload'],
  ['gRPC uses HTTP/2 for transport.', 'gRPC | gRPC | specific', 'uses | use | ', '', 'HTTP/2 for transport'],
  ['Eventual consistency means replicas converge once writes stop.', 'Eventual consistency | consistency | specific', 'means | mean | ', '', 'replicas converge once writes stop'],
  ['Table 2 lists the supported regions.', 'Table 2 | Table 2 | specific', 'lists | list | ', '', 'the supported regions'],
  ['On the left, a sidebar lists the folders.', 'a sidebar | sidebar | generic', 'lists | list | ', '', 'the folders', 'On the left,'],
  ['Tolerating duplicates means making the handler idempotent.', 'Tolerating duplicates | Tolerating | specific', 'means | mean | ', '', 'making the handler idempotent'],
  ['Quorums of n nodes tolerate f failures.', 'Quorums of n nodes | Quorums | generic', 'tolerate | tolerate | ', '', 'f failures'],
  ['Postgres supports both row-level and table-level locks.', 'Postgres | Postgres | specific', 'supports | support | ', '', 'both row-level and table-level locks'],
  ['Horizontal scaling adds more machines instead of bigger ones.', 'Horizontal scaling | scaling | specific', 'adds | add | ', '', 'more machines instead of bigger ones'],
  ['Latency increases as the queue grows.', 'Latency | Latency | specific', 'increases | increase | ', '', 'as the queue grows'],
  ['The API gateway handles authentication and rate limiting.', 'The API gateway | gateway | specific', 'handles | handle | ', '', 'authentication and rate limiting'],
  ['Cassandra (a wide-column store) favours availability over consistency.', 'Cassandra (a wide-column store) | Cassandra | specific', 'favours | favour | ', '', 'availability over consistency'],
  ['The `user_id` column is indexed for fast lookups.', 'The `user_id` column | column | specific', 'is indexed | index | is', 'passive', 'for fast lookups'],
  ['The client could instead submit a write.', 'The client | client | generic', 'could instead submit | submit | could', '', 'a write'],
  ['Lecture notes written by students, kept as test input.', 'Lecture notes | notes | specific', 'written | write | ', 'passive', 'by students, kept as test input'],
  ['Keep two copies of the page table.', ' |  | none', 'Keep | keep | ', '', 'two copies of the page table'],
  ['Client 2 downloads the new blocks.', 'Client 2 | Client 2 | specific', 'downloads | download | ', '', 'the new blocks'],
  ['Topic split into partitions, each an ordered log.', 'Topic | Topic | specific', 'split | split | ', 'passive', 'into partitions, each an ordered log'],
  ['Clients read from replicas.', 'Clients | Clients | generic', 'read | read | ', '', 'from replicas'],
  ['Other components such as the reporter subscribe to the store.', ' |  | none', '*', '*', '*'],
  ['A cache miss is worth avoiding.', 'A cache miss | miss | generic', 'is | be | ', 'copula', 'worth avoiding'],
  // Determiner + common nouns: generic subjects.
  ['This approach avoids a single point of failure.', 'This approach | approach | generic', 'avoids | avoid | ', '', 'a single point of failure'],
  ['The system should degrade gracefully under heavy load.', 'The system | system | generic', 'should degrade | degrade | should', '', 'gracefully under heavy load'],
  ['Each request increments the retry counter.', 'Each request | request | generic', 'increments | increment | ', '', 'the retry counter'],
  ['Each replica keeps a copy of the full dataset.', 'Each replica | replica | generic', 'keeps | keep | ', '', 'a copy of the full dataset'],
  ['A token bucket allows short bursts above the average rate.', 'A token bucket | bucket | generic', 'allows | allow | ', '', 'short bursts above the average rate'],
  ['The orders service publishes an event after each purchase.', 'The orders service | service | generic', 'publishes | publish | ', '', 'an event after each purchase'],
  ['The primary does not wait for replicas to acknowledge writes.', 'The primary | primary | generic', 'does not wait | wait | does', '', 'for replicas to acknowledge writes'],
  ['The scheduler assigned each job to an idle worker.', 'The scheduler | scheduler | generic', 'assigned | assign | ', '', 'each job to an idle worker'],
  ["The leader's log is the source of truth.", "The leader's log | log | generic", 'is | be | ', 'copula', 'the source of truth'],
  ['Heartbeats are sent every few seconds.', 'Heartbeats | Heartbeats | generic', 'are sent | send | are', 'passive', 'every few seconds'],
  ['Snapshots have been taken every hour since the migration.', 'Snapshots | Snapshots | generic', 'have been taken | take | have', 'passive', 'every hour since the migration'],
  ['Tokens are refilled at a fixed rate.', 'Tokens | Tokens | generic', 'are refilled | refill | are', 'passive', 'at a fixed rate'],
  ['the coordinator then commits the transaction', 'the coordinator | coordinator | generic', 'then commits | commit | ', '', 'the transaction'],
  // Pronouns.
  ['It stores each key on the first node clockwise from its hash.', 'It | It | pronoun', 'stores | store | ', '', 'each key on the first node clockwise from its hash'],
  ['They can be sharded by user ID to spread the load.', 'They | They | pronoun', 'can be sharded | shard | can', 'passive', 'by user ID to spread the load'],
  ['This reduces tail latency for read-heavy workloads.', 'This | This | pronoun', 'reduces | reduce | ', '', 'tail latency for read-heavy workloads'],
  ['we shard the users table by region', 'we | we | pronoun', 'shard | shard | ', '', 'the users table by region'],
  ["It's a trade-off between latency and consistency.", "It | It | pronoun", "'s | be | ", 'copula', 'a trade-off between latency and consistency'],
  ['Everything changed after the migration.', 'Everything | Everything | pronoun', 'changed | change | ', '', 'after the migration'],
  ['You should retry only idempotent requests.', 'You | You | pronoun', 'should retry | retry | should', '', 'only idempotent requests'],
  // Copula and passive.
  ['A CDN is a network of geographically distributed proxy servers.', 'A CDN | CDN | specific', 'is | be | ', 'copula', 'a network of geographically distributed proxy servers'],
  ['Memcached is simpler than Redis.', 'Memcached | Memcached | specific', 'is | be | ', 'copula', 'simpler than Redis'],
  ['Kafka topics are split into partitions.', 'Kafka topics | topics | specific', 'are split | split | are', 'passive', 'into partitions'],
  ['Leader election is handled by ZooKeeper.', 'Leader election | election | specific', 'is handled | handle | is', 'passive', 'by ZooKeeper'],
  ['Throughput was measured at ten thousand requests per second.', 'Throughput | Throughput | specific', 'was measured | measure | was', 'passive', 'at ten thousand requests per second'],
  ['S3 objects are replicated across three availability zones.', 'S3 objects | objects | specific', 'are replicated | replicate | are', 'passive', 'across three availability zones'],
  ['Bloom filters can produce false positives but never false negatives.', 'Bloom filters | filters | specific', 'can produce | produce | can', '', 'false positives but never false negatives'],
  ['Stale reads can be tolerated by most dashboards.', 'Stale reads | reads | specific', 'can be tolerated | tolerate | can', 'passive', 'by most dashboards'],
  ['Followers are usually a few milliseconds behind.', 'Followers | Followers | generic', 'are | be | ', 'copula', 'usually a few milliseconds behind'],
  // Telegraphic notes: no "is"/"are" before a participle.
  ['NAT used to extend IPv4 address space', 'NAT | NAT | specific', 'used | use | ', 'passive', 'to extend IPv4 address space'],
  ['router networks designed to run as autonomous systems', 'router networks | networks | specific', 'designed | design | ', 'passive', 'to run as autonomous systems'],
  ['Session data kept in Redis for fast access', 'Session data | data | specific', 'kept | keep | ', 'passive', 'in Redis for fast access'],
  // Terms that look like verbs.
  ['Write through updates the cache and the database together.', 'Write through | Write through | specific', 'updates | update | ', '', 'the cache and the database together'],
  ['Read replicas serve reads so the primary can focus on writes.', 'Read replicas | replicas | specific', 'serve | serve | ', '', 'reads so the primary can focus on writes'],
  ['Load balancing is the process of distributing traffic across servers.', 'Load balancing | balancing | specific', 'is | be | ', 'copula', 'the process of distributing traffic across servers'],
  ['Cache aside is the most common caching pattern.', 'Cache aside | Cache aside | specific', 'is | be | ', 'copula', 'the most common caching pattern'],
  ['Fan out on write precomputes timelines when a user posts.', 'Fan out on write | Fan out | specific', 'precomputes | precompute | ', '', 'timelines when a user posts'],
  ['Quorum reads require responses from a majority of replicas.', 'Quorum reads | reads | specific', 'require | require | ', '', 'responses from a majority of replicas'],
  ['Two-phase commit blocks if the coordinator crashes.', 'Two-phase commit | commit | specific', 'blocks | block | ', '', 'if the coordinator crashes'],
  ['Write-through caching keeps the cache consistent with the database.', 'Write-through caching | caching | specific', 'keeps | keep | ', '', 'the cache consistent with the database'],
  ['Idempotency keys let clients retry safely.', 'Idempotency keys | keys | specific', 'let | let | ', '', 'clients retry safely'],
  ['Vector clocks help detect conflicting updates.', 'Vector clocks | clocks | specific', 'help | help | ', '', 'detect conflicting updates'],
  ['Sticky sessions pin a user to one server.', 'Sticky sessions | sessions | specific', 'pin | pin | ', '', 'a user to one server'],
  ['Replication lag grows when the leader is overloaded.', 'Replication lag | lag | specific', 'grows | grow | ', '', 'when the leader is overloaded'],
  ['Service discovery lets instances find each other at runtime.', 'Service discovery | discovery | specific', 'lets | let | ', '', 'instances find each other at runtime'],
  ['Batching writes improves throughput.', 'Batching writes | Batching | specific', 'improves | improve | ', '', 'throughput'],
  ['Messages stored in the outbox are published by a relay.', 'Messages stored in the outbox | Messages | generic', 'are published | publish | are', 'passive', 'by a relay'],
  // Something before the subject.
  ['In long polling, the server holds the request open until data arrives.', 'the server | server | generic', 'holds | hold | ', '', 'the request open until data arrives', 'In long polling,'],
  ['When the cache is full, the least recently used entry is evicted.', 'the least recently used entry | entry | generic', 'is evicted | evict | is', 'passive', '', 'When the cache is full,'],
  ['However, the follower may serve stale reads.', 'the follower | follower | generic', 'may serve | serve | may', '', 'stale reads', 'However,'],
  ['Interviewer: The system must support ten million users.', 'The system | system | generic', 'must support | support | must', '', 'ten million users', 'Interviewer:'],
  ['When a node fails, the ring doesn’t move every key.', 'the ring | ring | generic', 'doesn’t move | move | doesn’t', '', 'every key', 'When a node fails,'],
  ['Typically the coordinator retries the request twice.', 'the coordinator | coordinator | generic', 'retries | retry | ', '', 'the request twice', 'Typically'],
  ['In Raft the leader replicates log entries to followers.', 'the leader | leader | generic', 'replicates | replicate | ', '', 'log entries to followers', 'In Raft'],
  // Arrows: the first clause carries the subject.
  ['Writes go to the leader → followers apply them later.', 'Writes | Writes | generic', 'go | go | ', '', 'to the leader → followers apply them later'],
  ['Cache miss -> read from the database -> fill the cache', ' |  | none', '*', '*', '*'],
  ['Cache hit: under 20 ms for most requests', ' |  | none', '*', '*', '*'],
  // Subjects joined by "and" are plural together.
  ['IETF and W3C govern most web standards.', 'IETF and W3C | IETF | specific', 'govern | govern | ', '', 'most web standards'],
  // No subject: imperatives, questions, existentials, fragments.
  ['Use a message queue to absorb traffic spikes.', ' |  | none', 'Use | use | ', '', 'a message queue to absorb traffic spikes'],
  ['Retry with exponential backoff and jitter.', ' |  | none', 'Retry | retry | ', '', 'with exponential backoff and jitter'],
  ['Add an index on user_id', ' |  | none', 'Add | add | ', '', 'an index on user_id'],
  ['Does erasure coding increase durability?', ' |  | none', '*', '*', '*'],
  ['There are three common eviction policies.', ' |  | none', 'are | be | ', 'copula', 'three common eviction policies', 'There'],
  ['Client-side load balancing with retries', ' |  | none', ' |  | ', '', ''],
  ['Client -> load balancer -> app servers', ' |  | none', ' |  | ', '', ''],
];

describe('sentenceParts', () => {
  it.each(CASES)('%s', (sentence, subjectCol, verbCol, flags, predicate, frame = '') => {
    const parts = sentenceParts(sentence);
    const expected: Partial<SentenceParts> = {};
    const [subject, head, subjectKind] = subjectCol.split(' | ').map((s) => s.trim());
    Object.assign(expected, { subject, head, subjectKind, frame, startsWithSubject: subject !== '' && frame === '' });
    if (verbCol !== '*') {
      const [verb, verbBase, auxiliary] = verbCol.split(' | ').map((s) => s.trim());
      Object.assign(expected, { verb, verbBase, auxiliary });
    }
    if (flags !== '*') Object.assign(expected, { copula: flags === 'copula', passive: flags === 'passive' });
    if (predicate !== '*' && predicate !== '') expected.predicate = predicate;
    expect(parts).toMatchObject(expected);
  });

  it('puts the sentence back together from its parts', () => {
    for (const [sentence] of CASES) {
      const p = sentenceParts(sentence);
      if (p.verb === '') continue;
      const joined = [p.frame, p.subject, p.verb, p.predicate].join('');
      expect(joined.replace(/\s+/g, '')).toBe(sentence.replace(/[.!?]$/, '').replace(/\s+/g, ''));
    }
  });
});

describe('isNounPhrase', () => {
  it.each([
    ['Read replica', true],
    ['Read replicas', true],
    ['Write through', true],
    ['Write-through cache', true],
    ['Load balancing', true],
    ['Load balancer', true],
    ['Cache aside', true],
    ['Fan out on write', true],
    ['Consistent hashing', true],
    ['Leader election', true],
    ['Sharding', true],
    ['The CAP theorem', true],
    ['API gateway', true],
    ['Two-phase commit', true],
    ['Message queues', true],
    ['Write amplification', true],
    ['Cost of failure', true],
    ['Maintain knowledge of other networks', false],
    ['`user_id` index', true],
    ['Change data capture', true],
    ['This approach', true],
    ['This reduces latency', false],
    ['Read the docs', false],
    ['Use a queue', false],
    ['Add an index on user_id', false],
    ['Avoid hot partitions', false],
    ['Keep the cache warm', false],
    ['Store sessions in Redis', false],
    ['Write data to disk', false],
    ['Scale out the web tier', false],
    ['If the leader fails', false],
    ['When to shard', false],
    ['How sharding works', false],
    ['It scales', false],
    ['Using a CDN', false],
    ['Partition the table by date', false],
  ])('%s -> %s', (text, expected) => {
    expect(isNounPhrase(text)).toBe(expected);
  });
});

describe('hasFiniteVerb', () => {
  it.each([
    ['The server retries failed requests', true],
    ['NAT used to extend IPv4 address space', true],
    ['Caches expire entries after a TTL', true],
    ['It is fast', true],
    ['Replicas can lag behind', true],
    ['Write through updates the cache', true],
    ['Use a queue', true],
    ['Client-side load balancing with retries', false],
    ['Read replicas', false],
    ['Read replicas (for analytics)', false],
    ['Load balancing', false],
    ['Write-through cache for hot keys', false],
    ['Latency vs throughput', false],
    ['Client -> load balancer -> app servers', false],
    ['Cost of cross-region replication', false],
    ['Pros and cons of sharding', false],
    ['Handling hot keys in Redis', false],
  ])('%s -> %s', (text, expected) => {
    expect(hasFiniteVerb(text)).toBe(expected);
  });
});

describe('isEnglish', () => {
  it.each([
    ['a sentence with one jargon word, its grammar words counted', 'add one to a number stored in a znode', true],
    ['a sentence in Spanish', 'los documentos se guardan en una lista ordenada por identificador', false],
    ['a sentence in Chinese', '领导者会把修改复制到所有跟随者', false],
  ])('%s', (_, text, expected) => {
    expect(isEnglish(text)).toBe(expected);
  });
});
