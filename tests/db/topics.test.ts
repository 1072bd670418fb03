import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { TopicNode } from '@/lib/render/topic-tree';
import { ingestTestNotes, openAppDatabase } from './support';

const NOW = new Date('2024-03-10T12:00:00Z');

const NOTES: Record<string, string> = {
  'notes/a-caching.md': [
    '# Caching',
    '',
    'What is a cache? :: A fast store of copies of data.',
    '',
    '## Eviction',
    '',
    'What is LRU? :: Least recently used.',
    'What is LFU? :: Least frequently used.',
    'What is FIFO? :: First in, first out.',
    '',
    '### History',
    '',
    '(empty for now)',
    '',
    '## Warming',
    '',
    'What is cache warming? :: Filling a cache before traffic arrives.',
  ].join('\n'),
  'notes/b-queues.md': ['# Queues', '', 'What is a DLQ? :: A queue for messages that keep failing.'].join('\n'),
};

let prisma: PrismaClient;
let close: () => Promise<void>;
let topics: typeof import('@/lib/db/topics');
let createUser: typeof import('@/lib/db/users').createUser;

beforeAll(async () => {
  ({ prisma, close } = await openAppDatabase());
  topics = await import('@/lib/db/topics');
  ({ createUser } = await import('@/lib/db/users'));
  await ingestTestNotes(NOTES);
});

afterAll(async () => {
  await close?.();
});

let users = 0;
const newUser = async () => (await createUser({ email: `reader${++users}@example.com`, password: 'a long password' })).id;
const cardId = async (question: string) => (await prisma.card.findFirstOrThrow({ where: { question } })).id;

async function giveState(userId: string, question: string, state: { repetitions: number; intervalDays: number; due: Date; suspended?: boolean }) {
  await prisma.reviewState.create({
    data: { userId, cardId: await cardId(question), easeFactor: 2.5, introducedAt: new Date('2024-03-01T00:00:00Z'), ...state },
  });
}

function find(nodes: TopicNode[], title: string): TopicNode | undefined {
  for (const node of nodes) {
    if (node.title === title) return node;
    const inner = find(node.children, title);
    if (inner) return inner;
  }
  return undefined;
}

describe('getTopicTree', () => {
  it('lists every note as a tree in note order, with untested sections marked', async () => {
    const tree = await topics.getTopicTree(await newUser(), NOW);
    expect(tree.map((s) => s.path)).toEqual(['notes/a-caching.md', 'notes/b-queues.md']);
    const [caching] = tree[0].topics;
    expect(caching.title).toBe('Caching');
    expect(caching.children.map((c) => c.title)).toEqual(['Eviction', 'Warming']);
    const history = find(tree[0].topics, 'History')!;
    expect(history).toMatchObject({ cards: 0, mastery: 'untested' });
    expect(find(tree[0].topics, 'Eviction')).toMatchObject({ cards: 3, fresh: 3, due: 0, known: 0, mastery: 'new' });
    expect(tree[0]).toMatchObject({ cards: 5, due: 0 });
  });

  it("counts the user's due cards and shades mastery from their review states only", async () => {
    const userId = await newUser();
    const other = await newUser();
    const past = new Date('2024-03-09T00:00:00Z');
    const future = new Date('2024-04-30T00:00:00Z');
    await giveState(userId, 'What is LRU?', { repetitions: 1, intervalDays: 1, due: past });
    await giveState(userId, 'What is LFU?', { repetitions: 4, intervalDays: 30, due: future });
    await giveState(userId, 'What is FIFO?', { repetitions: 2, intervalDays: 6, due: past, suspended: true });
    await giveState(userId, 'What is cache warming?', { repetitions: 3, intervalDays: 10, due: NOW });
    await giveState(other, 'What is a DLQ?', { repetitions: 5, intervalDays: 40, due: past });

    const tree = await topics.getTopicTree(userId, NOW);
    expect(find(tree[0].topics, 'Eviction')).toMatchObject({ cards: 3, due: 1, fresh: 0, known: 1, mastery: 'learning' });
    expect(find(tree[0].topics, 'Warming')).toMatchObject({ cards: 1, due: 1, fresh: 0, known: 1, mastery: 'known' });
    expect(find(tree[1].topics, 'Queues')).toMatchObject({ cards: 1, due: 0, fresh: 1, mastery: 'new' });
    expect(tree[0].due).toBe(2);

    const theirs = await topics.getTopicTree(other, NOW);
    expect(find(theirs[1].topics, 'Queues')).toMatchObject({ due: 1, known: 1, mastery: 'known' });
  });

  it('leaves out a retired note (its file was deleted): no empty entry, not counted on the home page', async () => {
    // What the deck writer leaves behind for a deleted file: the source row, its topics retired.
    await prisma.source.create({
      data: {
        path: 'notes/c-gone.md', key: 'notes/c-gone.md', title: 'Gone', contentHash: 'x', ingestedAt: NOW,
        concepts: { create: { key: 'notes/c-gone.md#gone', headingPath: '["Gone"]', title: 'Gone', depth: 1, order: 0, body: '', startLine: 1, endLine: 1, status: 'retired' } },
      },
    });
    const userId = await newUser();
    const tree = await topics.getTopicTree(userId, NOW);
    expect(tree.map((s) => s.path)).toEqual(['notes/a-caching.md', 'notes/b-queues.md']);
    expect(await topics.getDeckStats(userId)).toMatchObject({ sources: 2 });
  });
});

describe('getConceptPage', () => {
  const conceptId = async (title: string) => (await prisma.concept.findFirstOrThrow({ where: { title } })).id;

  it('places the concept in its note: breadcrumb, previous and next in note order, subtopics with card counts', async () => {
    const page = await topics.getConceptPage(await newUser(), await conceptId('History'));
    expect(page).toMatchObject({
      title: 'History',
      startLine: 11,
      source: { path: 'notes/a-caching.md', title: 'Caching' },
      ancestors: [{ title: 'Caching' }, { title: 'Eviction' }],
      previous: { title: 'Eviction' },
      next: { title: 'Warming' },
      cards: [],
    });
    expect(page?.body).toContain('(empty for now)');

    const eviction = await topics.getConceptPage(await newUser(), await conceptId('Eviction'));
    expect(eviction?.children).toEqual([{ id: await conceptId('History'), title: 'History', cardCount: 0 }]);
    const first = await topics.getConceptPage(await newUser(), await conceptId('Caching'));
    expect(first).toMatchObject({ ancestors: [], previous: null, next: { title: 'Eviction' } });
  });

  it("lists the cards in note order with this user's next review", async () => {
    const userId = await newUser();
    const due = new Date('2024-03-12T00:00:00Z');
    await giveState(userId, 'What is LFU?', { repetitions: 1, intervalDays: 2, due, suspended: true });
    const page = await topics.getConceptPage(userId, await conceptId('Eviction'));
    expect(page?.cards.map((c) => [c.question, c.sourceLine, c.due, c.suspended])).toEqual([
      ['What is LRU?', 7, null, false],
      ['What is LFU?', 8, due, true],
      ['What is FIFO?', 9, null, false],
    ]);
  });

  it('keeps the note line of every body line of converted HTML, and none for plain markdown', async () => {
    await ingestTestNotes({ 'notes/c-export.md': ['<h1>Brokers</h1><ul><li>Kafka keeps a log</li><li>RabbitMQ routes messages</li></ul>', '', 'Closing line.'].join('\n') });
    const page = await topics.getConceptPage(await newUser(), await conceptId('Brokers'));
    const lines = page!.body.split('\n');
    expect(page!.lineMap[lines.findIndex((line) => line.includes('RabbitMQ'))]).toBe(1);
    expect(page!.lineMap[lines.indexOf('Closing line.')]).toBe(3);
    expect((await topics.getConceptPage(await newUser(), await conceptId('Queues')))!.lineMap).toEqual([]);
  });

  it('is null for an unknown or retired concept', async () => {
    const userId = await newUser();
    expect(await topics.getConceptPage(userId, 'nope')).toBeNull();
    const id = await conceptId('Warming');
    await prisma.concept.update({ where: { id }, data: { status: 'retired' } });
    expect(await topics.getConceptPage(userId, id)).toBeNull();
    await prisma.concept.update({ where: { id }, data: { status: 'active' } });
  });
});
