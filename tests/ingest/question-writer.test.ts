import { describe, expect, it } from 'vitest';
import type { Prompt } from '@/lib/ingest/prompt';
import { headerReadsAsQuestion, writeQuestion } from '@/lib/ingest/question-writer';

const TOPIC = ['Web crawler', 'Politeness'];

describe('writeQuestion', () => {
  it.each<[string, Prompt, readonly string[], string]>([
    ['a term', { form: 'define', term: 'Consistent hashing', plural: false }, TOPIC, 'What is Consistent hashing?'],
    ['a plural term', { form: 'define', term: 'Push CDNs', plural: true }, TOPIC, 'What are Push CDNs?'],
    ['a term with an article', { form: 'define', term: 'A Bloom filter', plural: false }, TOPIC, 'What is a Bloom filter?'],
    ['advice after a label', { form: 'approach', term: 'hot keys' }, TOPIC, 'What is the approach for hot keys?'],
    ['an example after a label', { form: 'example', term: 'Internal errors' }, TOPIC, 'What is an example of Internal errors?'],
    ['a purpose', { form: 'purpose', term: 'Shadow paging' }, TOPIC, 'What is the purpose of Shadow paging?'],
    ['an outline number is no part of a name', { form: 'define', term: '2.5 Compound keys', plural: true }, TOPIC, 'What are Compound keys?'],
    ['nor of a topic', { form: 'points' }, ['Sharding', '2.4 Fixed number of partitions'], 'What are the key points of Fixed number of partitions?'],
    ['a facet of the section', { form: 'attribute', attribute: 'cost', subject: 'Regional caches', plural: false, part: false }, TOPIC, 'What is the cost of Regional caches?'],
    ['a numbered question the note asks', { form: 'asked', question: '1. Why is Kafka fast?' }, TOPIC, 'Why is Kafka fast?'],
    ['a bare term asked', { form: 'asked', question: 'Log compaction?' }, TOPIC, 'What is log compaction?'],
    ['a bare comparison stays as asked', { form: 'asked', question: 'Push vs pull CDN?' }, TOPIC, 'Push vs pull CDN?'],
    ['a component named by what it checks stays as asked', { form: 'asked', question: 'URL Seen?' }, TOPIC, 'URL Seen?'],
    ['a facet that ends in a preposition', { form: 'attribute', attribute: 'Best for', subject: 'Token bucket', plural: false, part: false }, TOPIC, 'What is Token bucket best for?'],
    ['a facet that asks how', { form: 'attribute', attribute: 'How it works', subject: 'Token bucket', plural: false, part: false }, TOPIC, 'How does Token bucket work?'],
    ['a facet keeps its acronyms', { form: 'attribute', attribute: 'Typical DNS TTL', subject: 'GeoDNS', plural: false, part: false }, TOPIC, 'What is the typical DNS TTL of GeoDNS?'],
    ['a named list', { form: 'list', count: 3, subject: { noun: 'eviction policies' } }, TOPIC, 'What are the 3 eviction policies?'],
    ['what to do, with its object', { form: 'advice', wh: 'When', action: 'update the Cache', object: null }, TOPIC, 'When should you update the cache?'],
    ['what to do, the topic its object', { form: 'advice', wh: 'Where', action: 'enforce', object: 'Rate Limiting' }, TOPIC, 'Where should you enforce rate limiting?'],
    ['a reason', { form: 'reason', subject: 'Raft', generic: false, auxiliary: 'does', rest: 'need a leader' }, TOPIC, 'Why does Raft need a leader?'],
    ['a subject naming its topic in the singular gets no topic', { form: 'action', subject: 'a composite index', generic: true, plural: false, verb: 'cover', shape: 'object', modal: '' }, ['Indexing', 'Composite indexes'], 'What does a composite index cover?'],
    ['a topic inside a longer word is no mention of it', { form: 'action', subject: 'a consumer', generic: true, plural: false, verb: 'keep', shape: 'object', modal: '' }, ['Queues', 'Cons'], 'In Cons, what does a consumer keep?'],
    ['a note\'s question naming TCP leans on nothing', { form: 'asked', question: 'What does TCP guarantee that UDP does not?' }, TOPIC, 'What does TCP guarantee that UDP does not?'],
    ['"the system" is placed in its design, past a numbered step', { form: 'asked', question: 'Does the system need spell check?' }, ['Design autocomplete', 'Step 1 - Scope'], 'In Design autocomplete, does the system need spell check?'],
    ['a list noun pointing at something in context gets its topic', { form: 'list', count: 2, subject: { noun: 'separate copies of the database' } }, TOPIC, 'In Politeness, what are the 2 separate copies of the database?'],
    ['a bare list noun gets its topic', { form: 'list', count: 2, subject: { noun: 'challenges' } }, TOPIC, 'In Politeness, what are the 2 challenges?'],
    ['a heading asking "What is X" names topic X', { form: 'list', count: 2, subject: { noun: 'limits' } }, ['Guide', 'What is a load balancer'], 'In load balancer, what are the 2 limits?'],
    ['a subject already naming that topic gets none', { form: 'property', subject: 'a load balancer', generic: true }, ['Guide', 'What is a load balancer?'], 'What is true of a load balancer?'],
    ['a list under a label', { form: 'list', count: 4, subject: { under: 'Steps' }, part: { index: 1, total: 2 } }, TOPIC, 'What are the 4 points listed under "Steps" (part 1 of 2)?'],
    ['columns compared', { form: 'compare', things: ['SQL', 'NoSQL', 'NewSQL'], attribute: 'Consistency Model' }, TOPIC, 'How do SQL, NoSQL and NewSQL differ in consistency model?'],
    ['columns compared on a prepositional attribute', { form: 'compare', things: ['Push CDN', 'Pull CDN'], attribute: 'Best for' }, TOPIC, 'What are Push CDN and Pull CDN each best for?'],
    ['a noun header', { form: 'cell', thing: 'Token bucket', header: 'Use Case' }, TOPIC, 'What is the use case of Token bucket?'],
    ['a "when to" header', { form: 'cell', thing: 'Token bucket', header: 'When to use' }, TOPIC, 'When should you use Token bucket?'],
    ['a question-word header', { form: 'cell', thing: 'Single leader', header: 'Who accepts writes' }, TOPIC, 'Who accepts writes in Single leader?'],
    ['a modal header', { form: 'cell', thing: 'L7 balancer', header: 'Can route on' }, TOPIC, 'What can L7 balancer route on?'],
    ['a prepositional header', { form: 'cell', thing: 'Kafka', header: 'Best for' }, TOPIC, 'What is Kafka best for?'],
    ['a "how it <aux>" header', { form: 'cell', thing: 'Redis', header: 'How it is sharded' }, TOPIC, 'How is Redis sharded?'],
    ['a "how it <verb>" header', { form: 'cell', thing: 'Redis', header: 'How it scales' }, TOPIC, 'How does Redis scale?'],
    ['a row card', { form: 'row', thing: 'Leaderless', headers: ['How it scales', 'Handles failover'] }, TOPIC, 'How does Leaderless compare on how it scales and handles failover?'],
    ['a question the note asks', { form: 'asked', question: 'Why shard by user id?' }, TOPIC, 'Why shard by user id?'],
    ['a question leaning on its passage', { form: 'asked', question: 'When do you need both?' }, TOPIC, 'In Politeness, when do you need both?'],
    ['a question under a question-titled topic', { form: 'asked', question: 'Is it fast?' }, ['Caching', 'Why cache?'], 'In Caching, is it fast?'],
    ['points about a label under a summary, placed in what the summary sums up', { form: 'list', count: 2, subject: { about: 'Consistency', topic: 'Summary' } }, ['ZooKeeper', 'Paper', 'Summary'], 'What are the 2 points about consistency in ZooKeeper?'],
    ['key points of an outline item, in its topic', { form: 'points', of: 'Hosts' }, ['Networks'], 'In Networks, what are the key points of Hosts?'],
    ['key points under a sentence-titled topic', { form: 'points' }, ['Serverless', 'Serverless jobs may run for hours.'], 'What are the key points of Serverless?'],
    ['a numbered part', { form: 'attribute', attribute: 'step 1', subject: 'Search', plural: false, part: true }, TOPIC, 'What is step 1 of Search?'],
    ['a property', { form: 'property', subject: 'Cache hits', generic: false }, TOPIC, 'What is true of Cache hits?'],
    ['a property of a title that asks a question is that question', { form: 'property', subject: '"How big should my cache be?"', generic: false }, TOPIC, 'How big should my cache be?'],
    ['a property of a generic subject', { form: 'property', subject: 'the last bit', generic: true }, TOPIC, 'In Politeness, what is true of the last bit?'],
    ['a list about a singular label', { form: 'list', count: 2, subject: { about: 'Election', topic: 'Raft overview' } }, TOPIC, 'What are the 2 points about election in Raft overview?'],
    ['an author card, as written', { form: 'verbatim', question: 'capital of france' }, TOPIC, 'Capital of france'],
    ['a cloze', { form: 'cloze', before: 'IANA allocates blocks of ', after: ' addresses.' }, TOPIC, 'Fill in the blank: IANA allocates blocks of ____ addresses.'],
    ['an action with an object', { form: 'action', subject: 'IANA', generic: false, plural: false, verb: 'allocate', shape: 'object', modal: '' }, TOPIC, 'What does IANA allocate?'],
    ['a plural action with a modal', { form: 'action', subject: 'Replicas', generic: false, plural: true, verb: 'serve', shape: 'object', modal: 'can' }, TOPIC, 'What can Replicas serve?'],
    ['a purpose', { form: 'action', subject: 'BGP', generic: false, plural: false, verb: 'use', shape: 'purpose', modal: '' }, TOPIC, 'What is BGP used for?'],
    ['a manner', { form: 'action', subject: 'The crawler', generic: false, plural: false, verb: 'stay polite', shape: 'manner', modal: '' }, TOPIC, 'How does the crawler stay polite?'],
    ['a passive statement', { form: 'action', subject: 'the offset', generic: true, plural: false, verb: 'save', shape: 'undergo', modal: '' }, TOPIC, 'In Politeness, what happens to the offset?'],
    ['a passive with its auxiliary', { form: 'action', subject: 'the offset', generic: true, plural: false, verb: 'save', shape: 'undergo', modal: '', passive: { auxiliary: 'is', participle: 'saved', toDo: false, when: false } }, TOPIC, 'In Politeness, how is the offset saved?'],
    ['a passive with a modal', { form: 'action', subject: 'Log records', generic: false, plural: true, verb: 'write', shape: 'undergo', modal: 'must', passive: { auxiliary: 'must', participle: 'written', toDo: false, when: false } }, TOPIC, 'How must Log records be written?'],
    ['a perfect passive', { form: 'action', subject: 'the data', generic: false, plural: false, verb: 'replicate', shape: 'undergo', modal: '', passive: { auxiliary: 'has', participle: 'replicated', toDo: false, when: false } }, TOPIC, 'How has the data been replicated?'],
    ['a bare participle, plural', { form: 'action', subject: 'Routers', generic: false, plural: true, verb: 'deploy', shape: 'undergo', modal: '', passive: { auxiliary: '', participle: 'deployed', toDo: false, when: false } }, TOPIC, 'How are Routers deployed?'],
    ['a passive after a condition', { form: 'action', subject: 'packets', generic: false, plural: true, verb: 'drop', shape: 'undergo', modal: '', passive: { auxiliary: 'are', participle: 'dropped', toDo: false, when: true } }, TOPIC, 'When are packets dropped?'],
    ['a passive and its purpose', { form: 'action', subject: 'router networks', generic: false, plural: true, verb: 'design', shape: 'undergo', modal: '', passive: { auxiliary: '', participle: 'designed', toDo: true, when: false } }, TOPIC, 'What are router networks designed to do?'],
    ['a generic subject is placed in its topic', { form: 'action', subject: 'the server', generic: true, plural: false, verb: 'hold', shape: 'do', modal: '' }, TOPIC, 'In Politeness, what does the server do?'],
  ])('%s', (_, prompt, path, expected) => {
    expect(writeQuestion(prompt, path)).toBe(expected);
  });
});

describe('headerReadsAsQuestion', () => {
  it.each([
    ['Use case', true],
    ['When to use', true],
    ['Who accepts writes', true],
    ['Can route on', true],
    ['Best for', true],
    ['How it scales', true],
    ['How it is sharded', true],
    ['Why it', false],
    ['Is it durable', false],
  ])('%s -> %s', (header, expected) => {
    expect(headerReadsAsQuestion(header)).toBe(expected);
  });
});
