import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { writeDecks as WriteDecks } from '@/lib/db/deck-writer';
import { ingestNote } from '@/lib/ingest/ingest-note';
import type { NoteDeck } from '@/lib/ingest/types';
import { createTestDatabase } from '../support/test-db';

const DAY1 = new Date('2024-03-10T12:00:00Z');
const DAY2 = new Date('2024-03-11T12:00:00Z');
const DAY3 = new Date('2024-03-12T12:00:00Z');

const CACHING_V1 = [
  '# Caching',
  '',
  'What is a cache? :: A fast store of copies of data.',
  'What is a TTL? :: How long an entry lives.',
  '',
  '## Eviction',
  '',
  'What is LRU? :: Least recently used.',
].join('\n');

let db: ReturnType<typeof createTestDatabase>;
let prisma: PrismaClient;
let writeDecks: typeof WriteDecks;

const deck = (text: string, file = 'content/caching.md'): NoteDeck => {
  const result = ingestNote({ path: file, text });
  if (!result.ok) throw new Error(result.error.message);
  return result.deck;
};
const write = (text: string, now: Date, file = 'content/caching.md') =>
  writeDecks(prisma, [{ deck: deck(text, file), storedPath: file }], now);
const card = (question: string) => prisma.card.findFirstOrThrow({ where: { question } });

beforeAll(async () => {
  db = createTestDatabase();
  process.env.DATABASE_URL = db.url;
  ({ writeDecks } = await import('@/lib/db/deck-writer'));
  const { createPrisma } = await import('@/lib/db/client');
  prisma = createPrisma(db.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  db?.cleanup();
});

beforeEach(async () => {
  // Every test starts from an empty deck (children before parents for the foreign keys).
  await prisma.reviewLog.deleteMany();
  await prisma.reviewState.deleteMany();
  await prisma.user.deleteMany();
  await prisma.card.deleteMany();
  await prisma.concept.updateMany({ data: { parentId: null } });
  await prisma.concept.deleteMany();
  await prisma.source.deleteMany();
});

async function addReviewHistory(cardId: string) {
  const user = await prisma.user.create({ data: { email: 'learner@example.com', passwordHash: 'x' } });
  const fields = { repetitions: 1, intervalDays: 1, easeFactor: 2.5, due: DAY2, lapses: 0 };
  await prisma.reviewState.create({
    data: { userId: user.id, cardId, ...fields, lastReviewedAt: DAY1, introducedAt: DAY1, version: 1 },
  });
  await prisma.reviewLog.create({
    data: {
      userId: user.id, cardId, grade: 4, reviewedAt: DAY1, timeTakenMs: 1000, answerId: 'answer-1',
      prevRepetitions: 0, prevIntervalDays: 0, prevEaseFactor: 2.5, prevDue: DAY1, prevLapses: 0, ...fields,
    },
  });
  return user;
}

describe('writeDecks', () => {
  it('first ingest creates the source, its concepts and its cards', async () => {
    const [summary] = await write(CACHING_V1, DAY1);
    expect(summary).toEqual({
      file: 'content/caching.md', status: 'new', concepts: 2, created: 3, changed: 0, unchanged: 0, retired: 0,
    });
    const source = await prisma.source.findFirstOrThrow({ where: { path: 'content/caching.md' } });
    expect(source).toMatchObject({ title: 'Caching', ingestedAt: DAY1 });

    const concepts = await prisma.concept.findMany({ orderBy: { order: 'asc' } });
    expect(concepts.map((c) => [c.title, JSON.parse(c.headingPath), c.status])).toEqual([
      ['Caching', ['Caching'], 'active'],
      ['Eviction', ['Caching', 'Eviction'], 'active'],
    ]);
    expect(concepts[1].parentId).toBe(concepts[0].id);

    const cards = await prisma.card.findMany({ orderBy: { order: 'asc' }, include: { concept: true } });
    expect(cards.map((c) => [c.question, c.answer, c.concept.title, c.sourceLine, c.status])).toEqual([
      ['What is a cache?', 'A fast store of copies of data.', 'Caching', 3, 'active'],
      ['What is a TTL?', 'How long an entry lives.', 'Caching', 4, 'active'],
      ['What is LRU?', 'Least recently used.', 'Eviction', 8, 'active'],
    ]);
  });

  it('re-ingesting an unchanged file is a no-op', async () => {
    await write(CACHING_V1, DAY1);
    const before = await prisma.card.findMany({ orderBy: { id: 'asc' } });

    const [summary] = await write(CACHING_V1, DAY2);

    expect(summary).toMatchObject({ status: 'unchanged', created: 0, changed: 0, unchanged: 3, retired: 0 });
    expect(await prisma.card.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    const source = await prisma.source.findFirstOrThrow({ where: { path: 'content/caching.md' } });
    expect(source.ingestedAt).toEqual(DAY1);
  });

  it('a changed answer updates the card in place and keeps its review state', async () => {
    await write(CACHING_V1, DAY1);
    const original = await card('What is a cache?');
    const user = await addReviewHistory(original.id);

    const [summary] = await write(CACHING_V1.replace('A fast store of copies of data.', 'An in-memory copy of slow data.'), DAY2);

    expect(summary).toMatchObject({ status: 'updated', created: 0, changed: 1, unchanged: 2, retired: 0 });
    const updated = await card('What is a cache?');
    expect(updated).toMatchObject({ id: original.id, answer: 'An in-memory copy of slow data.', status: 'active' });
    const state = await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: original.id } } });
    expect(state).toMatchObject({ repetitions: 1, intervalDays: 1, version: 1 });
    expect(await prisma.card.count()).toBe(3);
  });

  it('a card removed from the note is retired, not deleted, and keeps its review log', async () => {
    await write(CACHING_V1, DAY1);
    const ttl = await card('What is a TTL?');
    await addReviewHistory(ttl.id);

    const [summary] = await write(CACHING_V1.replace('What is a TTL? :: How long an entry lives.\n', ''), DAY2);

    expect(summary).toMatchObject({ status: 'updated', created: 0, retired: 1 });
    expect(await card('What is a TTL?')).toMatchObject({ id: ttl.id, status: 'retired' });
    expect(await prisma.reviewLog.findMany({ where: { cardId: ttl.id } })).toHaveLength(1);
    expect(await prisma.card.count({ where: { status: 'active' } })).toBe(2);
  });

  it('a removed card that comes back is revived with the same id', async () => {
    await write(CACHING_V1, DAY1);
    const ttl = await card('What is a TTL?');
    await write(CACHING_V1.replace('What is a TTL? :: How long an entry lives.\n', ''), DAY2);

    const [summary] = await write(CACHING_V1, DAY3);

    // Changed: the revived TTL card, and the LRU card whose line moves back from 7 to 8.
    expect(summary).toMatchObject({ status: 'updated', created: 0, changed: 2, unchanged: 1, retired: 0 });
    expect(await card('What is a TTL?')).toMatchObject({ id: ttl.id, status: 'active', answer: 'How long an entry lives.' });
    expect(await prisma.card.count()).toBe(3);
  });

  it('a removed section retires its concept and its cards', async () => {
    await write(CACHING_V1, DAY1);
    const [summary] = await write(CACHING_V1.split('## Eviction')[0], DAY2);

    expect(summary).toMatchObject({ concepts: 1, retired: 1 });
    const eviction = await prisma.concept.findFirstOrThrow({ where: { title: 'Eviction' } });
    expect(eviction.status).toBe('retired');
    expect(await card('What is LRU?')).toMatchObject({ status: 'retired' });
  });

  it('a new card is added next to the existing ones', async () => {
    await write(CACHING_V1, DAY1);
    const [summary] = await write(`${CACHING_V1}\nWhat is LFU? :: Least frequently used.`, DAY2);
    expect(summary).toMatchObject({ created: 1, changed: 0, unchanged: 3, retired: 0 });
    expect(await card('What is LFU?')).toMatchObject({ status: 'active', sourceLine: 9 });
  });

  it('writes several files in one call, one summary each', async () => {
    const summaries = await writeDecks(prisma, [
      { deck: deck(CACHING_V1), storedPath: 'content/caching.md' },
      { deck: deck('# Queues\n\nWhat is a DLQ? :: A queue for failed messages.', 'content/queues.md'), storedPath: 'content/queues.md' },
    ], DAY1);
    expect(summaries.map((s) => [s.file, s.status, s.created])).toEqual([
      ['content/caching.md', 'new', 3],
      ['content/queues.md', 'new', 1],
    ]);
    expect(await prisma.source.count()).toBe(2);
  });

  it('a failure in any deck writes nothing at all', async () => {
    const good = deck(CACHING_V1);
    const queues = deck('# Queues\n\nWhat is a DLQ? :: A queue for failed messages.', 'content/queues.md');
    // A card whose concept is not part of its deck cannot be stored.
    const broken: NoteDeck = { ...queues, cards: [{ ...queues.cards[0], conceptKey: 'no-such-concept' }] };

    await expect(writeDecks(prisma, [
      { deck: good, storedPath: 'content/caching.md' },
      { deck: broken, storedPath: 'content/queues.md' },
    ], DAY1)).rejects.toThrow(/conceptId|Foreign key/i);

    expect(await prisma.source.count()).toBe(0);
    expect(await prisma.concept.count()).toBe(0);
    expect(await prisma.card.count()).toBe(0);
  });

  it('a failed re-ingest leaves the earlier version untouched', async () => {
    await write(CACHING_V1, DAY1);
    const before = await prisma.card.findMany({ orderBy: { id: 'asc' } });
    const changed = deck(CACHING_V1.replace('Least recently used.', 'Evicts the oldest read.'));
    const broken: NoteDeck = { ...changed, cards: [...changed.cards, { ...changed.cards[0], key: 'extra', conceptKey: 'no-such-concept' }] };

    await expect(writeDecks(prisma, [{ deck: broken, storedPath: 'content/caching.md' }], DAY2)).rejects.toThrow();

    expect(await prisma.card.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    const source = await prisma.source.findFirstOrThrow({ where: { path: 'content/caching.md' } });
    expect(source.ingestedAt).toEqual(DAY1);
  });

  it('a note another process changed while this write waited for the lock is written from what is stored then', async () => {
    await write(CACHING_V1, DAY1);
    const lru = await card('What is LRU?');
    // Another process holds the write lock; the re-ingest reads and plans, then waits for it.
    const other = new Database(db.file);
    other.exec('BEGIN IMMEDIATE');
    const writing = writeDecks(prisma, [{ deck: deck(CACHING_V1), storedPath: 'content/caching.md' }], DAY2, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    other.prepare(`UPDATE "Card" SET "status" = 'retired' WHERE "id" = ?`).run(lru.id);
    other.exec('COMMIT');
    other.close();

    // The note still holds LRU, so the card it retired meanwhile is revived, as a write after that change would.
    const [summary] = await writing;
    expect(summary).toMatchObject({ status: 'updated', created: 0, changed: 1, unchanged: 2, retired: 0 });
    expect(await card('What is LRU?')).toMatchObject({ id: lru.id, status: 'active' });
  });
});
