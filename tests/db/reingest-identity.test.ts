import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import type * as DeckWriter from '@/lib/db/deck-writer';
import { ingestNote } from '@/lib/ingest/ingest-note';
import type { NoteDeck } from '@/lib/ingest/types';
import { prepareRun } from '@/lib/notes/ingest-files';
import { collectNotes } from '@/lib/notes/read-notes';
import { createTestDatabase } from '../support/test-db';

const DAY1 = new Date('2024-03-10T12:00:00Z');
const DAY2 = new Date('2024-03-11T12:00:00Z');
const DAY3 = new Date('2024-03-12T12:00:00Z');
const FILE = 'content/caching.md';

const V1 = [
  '# Caching',
  '',
  'What is a cache? :: A fast store that keeps copies of data close to where it is read.',
  'What is a TTL? :: How long a cache entry lives before it expires.',
  '',
  '## Eviction',
  '',
  'What does LRU eviction remove first? :: The entry that was read least recently.',
].join('\n');

let db: ReturnType<typeof createTestDatabase>;
let prisma: PrismaClient;
let writer: typeof DeckWriter;

const deck = (text: string, file = FILE): NoteDeck => {
  const result = ingestNote({ path: file, text });
  if (!result.ok) throw new Error(result.error.message);
  return result.deck;
};
const write = (text: string, now: Date, file = FILE) =>
  writer.writeIngestRun(prisma, [{ file, storedPath: file, deck: deck(text, file) }], now);
const card = (question: string) => prisma.card.findFirstOrThrow({ where: { question } });

/** Every row of every table, in a stable order: "exactly as before" means equal snapshots. */
async function snapshot() {
  return {
    sources: await prisma.source.findMany({ orderBy: { id: 'asc' } }),
    concepts: await prisma.concept.findMany({ orderBy: { id: 'asc' } }),
    cards: await prisma.card.findMany({ orderBy: { id: 'asc' } }),
    states: await prisma.reviewState.findMany({ orderBy: [{ userId: 'asc' }, { cardId: 'asc' }] }),
    logs: await prisma.reviewLog.findMany({ orderBy: { id: 'asc' } }),
  };
}

let answers = 0;
async function review(cardId: string) {
  const user = await prisma.user.upsert({
    where: { email: 'learner@example.com' }, update: {}, create: { email: 'learner@example.com', passwordHash: 'x' },
  });
  const fields = { repetitions: 3, intervalDays: 6, easeFactor: 2.6, due: DAY3, lapses: 0 };
  await prisma.reviewState.create({
    data: { userId: user.id, cardId, ...fields, lastReviewedAt: DAY1, introducedAt: DAY1, version: 3 },
  });
  await prisma.reviewLog.create({
    data: {
      userId: user.id, cardId, grade: 4, reviewedAt: DAY1, timeTakenMs: 1000, answerId: `answer-${++answers}`,
      prevRepetitions: 2, prevIntervalDays: 1, prevEaseFactor: 2.5, prevDue: DAY1, prevLapses: 0, ...fields,
    },
  });
}
const history = async (cardId: string) => ({
  states: await prisma.reviewState.count({ where: { cardId } }),
  logs: await prisma.reviewLog.count({ where: { cardId } }),
});

beforeAll(async () => {
  db = createTestDatabase();
  process.env.DATABASE_URL = db.url;
  writer = await import('@/lib/db/deck-writer');
  const { createPrisma } = await import('@/lib/db/client');
  prisma = createPrisma(db.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  db?.cleanup();
});

beforeEach(async () => {
  await prisma.reviewLog.deleteMany();
  await prisma.reviewState.deleteMany();
  await prisma.user.deleteMany();
  await prisma.card.deleteMany();
  await prisma.concept.updateMany({ data: { parentId: null } });
  await prisma.concept.deleteMany();
  await prisma.source.deleteMany();
});

describe('re-ingest keeps what was learned', () => {
  it('a card reworded a little keeps its id, its history and takes the new key', async () => {
    await write(V1, DAY1);
    const before = await card('What is a cache?');
    await review(before.id);

    const { summaries } = await write(V1.replace('What is a cache?', 'What exactly is a cache?'), DAY2);

    expect(summaries[0]).toMatchObject({ status: 'updated', created: 0, changed: 1, unchanged: 2, retired: 0 });
    const after = await card('What exactly is a cache?');
    expect(after.id).toBe(before.id);
    expect(after.key).not.toBe(before.key);
    expect(after.key).toBe(deck(V1.replace('What is a cache?', 'What exactly is a cache?')).cards[0].key);
    expect(await history(before.id)).toEqual({ states: 1, logs: 1 });
    expect(await prisma.card.count()).toBe(3);
  });

  it('a card that moved to a renamed section keeps its id and history; the old section is retired', async () => {
    await write(V1, DAY1);
    const lru = await card('What does LRU eviction remove first?');
    await review(lru.id);

    const { summaries } = await write(V1.replace('## Eviction', '## Eviction policies'), DAY2);

    expect(summaries[0]).toMatchObject({ created: 0, changed: 1, unchanged: 2, retired: 0 });
    const moved = await prisma.card.findUniqueOrThrow({ where: { id: lru.id }, include: { concept: true } });
    expect(moved).toMatchObject({ status: 'active', concept: { title: 'Eviction policies', status: 'active' } });
    expect(await history(lru.id)).toEqual({ states: 1, logs: 1 });
    expect(await prisma.concept.findFirstOrThrow({ where: { title: 'Eviction' } })).toMatchObject({ status: 'retired' });
  });

  it('a card whose text is gone is retired with its history; it is revived when it comes back reworded', async () => {
    await write(V1, DAY1);
    const ttl = await card('What is a TTL?');
    await review(ttl.id);
    const withoutTtl = V1.replace('What is a TTL? :: How long a cache entry lives before it expires.\n', '');

    const removed = await write(withoutTtl, DAY2);
    expect(removed.summaries[0]).toMatchObject({ retired: 1 });
    expect(await prisma.card.findUniqueOrThrow({ where: { id: ttl.id } })).toMatchObject({ status: 'retired' });
    expect(await history(ttl.id)).toEqual({ states: 1, logs: 1 });

    // Back with a new question (so a new key) and a slightly different answer: matched by similarity.
    const reworded = V1.replace('What is a TTL?', 'What is the TTL?').replace('before it expires.', 'before it finally expires.');
    expect(deck(reworded).cards[1].key).not.toBe(ttl.key);
    const back = await write(reworded, DAY3);
    // Changed: the revived TTL card, and the LRU card whose line moves back down.
    expect(back.summaries[0]).toMatchObject({ created: 0, changed: 2, unchanged: 1, retired: 0 });
    expect(await prisma.card.findUniqueOrThrow({ where: { id: ttl.id } })).toMatchObject({
      status: 'active', question: 'What is the TTL?', answer: 'How long a cache entry lives before it finally expires.',
    });
    expect(await history(ttl.id)).toEqual({ states: 1, logs: 1 });
    expect(await prisma.card.count()).toBe(3);
  });

  it('two cards that exchange text exchange keys without a unique-key clash, each keeping its history', async () => {
    const twice = (a: string, b: string) =>
      ['# Terms', '', `What is a shard? :: ${a}`, `What is a shard? :: ${b}`].join('\n');
    await write(twice('A horizontal slice of a data set.', 'A piece of a broken pot.'), DAY1);
    const slice = await prisma.card.findFirstOrThrow({ where: { answer: 'A horizontal slice of a data set.' } });
    const pot = await prisma.card.findFirstOrThrow({ where: { answer: 'A piece of a broken pot.' } });
    await review(slice.id);

    // Same question twice: keys come from the question plus a repeat index, so swapping the lines
    // swaps the keys while the texts (and so the identities) follow the lines.
    const { summaries } = await write(twice('A piece of a broken pot.', 'A horizontal slice of a data set.'), DAY2);

    expect(summaries[0]).toMatchObject({ created: 0, changed: 2, retired: 0 });
    const slice2 = await prisma.card.findUniqueOrThrow({ where: { id: slice.id } });
    const pot2 = await prisma.card.findUniqueOrThrow({ where: { id: pot.id } });
    expect(slice2).toMatchObject({ answer: 'A horizontal slice of a data set.', key: pot.key, sourceLine: 4 });
    expect(pot2).toMatchObject({ answer: 'A piece of a broken pot.', key: slice.key, sourceLine: 3 });
    expect(await history(slice.id)).toEqual({ states: 1, logs: 1 });
  });

  it('a retired card that holds a key a new card needs is parked on another key', async () => {
    const note = (...answers: string[]) => ['# Terms', '', ...answers.map((a) => `What is a shard? :: ${a}`)].join('\n');
    await write(note('A horizontal slice of a data set.', 'A piece of a broken pot.'), DAY1);
    const slice = await prisma.card.findFirstOrThrow({ where: { answer: 'A horizontal slice of a data set.' } });
    const pot = await prisma.card.findFirstOrThrow({ where: { answer: 'A piece of a broken pot.' } });

    // The first repeat goes: the second takes over its key; the first is retired and parked.
    const { summaries } = await write(note('A piece of a broken pot.'), DAY2);

    expect(summaries[0]).toMatchObject({ created: 0, changed: 1, retired: 1 });
    expect(await prisma.card.findUniqueOrThrow({ where: { id: pot.id } })).toMatchObject({ key: slice.key, status: 'active' });
    const parked = await prisma.card.findUniqueOrThrow({ where: { id: slice.id } });
    expect(parked.status).toBe('retired');
    expect(parked.key).not.toBe(slice.key);

    // It comes back: revived with its own id.
    await write(note('A horizontal slice of a data set.', 'A piece of a broken pot.'), DAY3);
    expect(await prisma.card.findUniqueOrThrow({ where: { id: slice.id } })).toMatchObject({ status: 'active', key: slice.key });
    expect(await prisma.card.findUniqueOrThrow({ where: { id: pot.id } })).toMatchObject({ status: 'active', key: pot.key });
    expect(await prisma.card.count()).toBe(2);
  });

  it('a new card whose key equals the first id of a reworded card gets a fresh id', async () => {
    await write(V1, DAY1);
    const cache = await card('What is a cache?');
    expect(cache.id).toBe(cache.key);
    // Reworded: keeps its id (the old key), takes a new key.
    const reworded = V1.replace('What is a cache?', 'What exactly is a cache?');
    await write(reworded, DAY2);
    // The original question comes back as a different card, next to the reworded one.
    const both = reworded.replace(
      '\nWhat is a TTL?',
      '\nWhat is a cache? :: Any store placed in front of a slower one, whatever it is made of.\nWhat is a TTL?',
    );
    const { summaries } = await write(both, DAY3);

    expect(summaries[0]).toMatchObject({ created: 1, retired: 0 });
    const fresh = await prisma.card.findFirstOrThrow({ where: { question: 'What is a cache?' } });
    expect(fresh.key).toBe(cache.key);
    expect(fresh.id).not.toBe(cache.id);
    expect(await prisma.card.findUniqueOrThrow({ where: { id: cache.id } })).toMatchObject({ question: 'What exactly is a cache?' });
  });

  it('re-ingesting an unchanged file writes nothing, whether it is parsed or skipped by hash', async () => {
    await write(V1, DAY1);
    const before = await snapshot();

    const parsed = await write(V1, DAY2);
    const skipped = await writer.writeIngestRun(prisma, [{ file: FILE, storedPath: FILE, deck: null }], DAY2);

    expect(parsed.rows).toBe(0);
    expect(skipped.rows).toBe(0);
    for (const { summaries } of [parsed, skipped]) {
      expect(summaries[0]).toEqual({
        file: FILE, status: 'unchanged', concepts: 2, created: 0, changed: 0, unchanged: 3, retired: 0,
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stored hashes let a run skip unchanged files before parsing', async () => {
    await write(V1, DAY1);
    const known = await writer.storedHashes(prisma, [FILE, 'content/other.md']);
    expect([...known.keys()]).toEqual([FILE]);
    expect(known.get(FILE)).toBe(deck(V1).contentHash);
  });

  it('a note deleted from an ingested folder has its cards retired, history kept', async () => {
    const other = 'content/sharding.md';
    await writer.writeIngestRun(prisma, [
      { file: FILE, storedPath: FILE, deck: deck(V1) },
      { file: other, storedPath: other, deck: deck('# Sharding\n\nWhat is a shard key? :: The column that decides which shard holds a row.', other) },
    ], DAY1);
    const shardCard = await card('What is a shard key?');
    await review(shardCard.id);

    const result = await writer.writeIngestRun(prisma, [{ file: FILE, storedPath: FILE, deck: null }], DAY2, { folders: ['content'] });

    expect(result.summaries.find((s) => s.file === other)).toMatchObject({ status: 'removed', retired: 1 });
    expect((await card('What is a shard key?')).status).toBe('retired');
    expect(await prisma.reviewLog.count({ where: { cardId: shardCard.id } })).toBe(1);
    expect((await card('What is a cache?')).status).toBe('active');
  });

  it('a card added above the others shifts their order and lines, nothing else', async () => {
    await write(V1, DAY1);
    const before = await prisma.card.findMany({ orderBy: { order: 'asc' } });
    const added = V1.replace('# Caching\n\n', '# Caching\n\nWhat is a hit? :: A read served by the cache.\n');

    const { summaries } = await write(added, DAY2);

    expect(summaries[0]).toMatchObject({ created: 1, changed: 3, unchanged: 0, retired: 0 });
    const after = await prisma.card.findMany({ orderBy: { order: 'asc' } });
    expect(after.map((c) => c.question)).toEqual(['What is a hit?', ...before.map((c) => c.question)]);
    expect(after.slice(1).map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after.map((c) => c.order)).toEqual([0, 1, 2, 3]);
  });
});

describe('a bad file stops the run before anything is written', () => {
  it('a run whose second deck cannot be stored leaves the database exactly as before', async () => {
    await write(V1, DAY1);
    await review((await card('What is a TTL?')).id);
    const before = await snapshot();

    const changed = deck(V1.replace('What is a TTL?', 'What is a TTL exactly?'));
    const queues = deck('# Queues\n\nWhat is a DLQ? :: A queue for failed messages.', 'content/queues.md');
    const broken: NoteDeck = { ...queues, cards: [{ ...queues.cards[0], conceptKey: 'no-such-concept' }] };

    await expect(writer.writeIngestRun(prisma, [
      { file: FILE, storedPath: FILE, deck: changed },
      { file: 'content/queues.md', storedPath: 'content/queues.md', deck: broken },
    ], DAY2)).rejects.toThrow(/content\/queues\.md:3/);

    expect(await snapshot()).toEqual(before);
  });

  it('an unreadable second file stops the run before anything is written (read step)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-notes-'));
    try {
      writeFileSync(path.join(dir, 'a.md'), V1);
      writeFileSync(path.join(dir, 'b.md'), Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x0a, 0xff, 0xfe, 0x00, 0x01]));
      const run = await prepareRun(await collectNotes([dir]));
      expect(run.entries).toEqual([]);
      expect(run.failures).toEqual([`${path.join(dir, 'b.md')}:3: not UTF-8 text`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI writes nothing when the second file is not text, and names the file and line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-notes-'));
    try {
      writeFileSync(path.join(dir, 'a.md'), V1);
      // Valid UTF-8, but binary: NUL bytes on line 4.
      writeFileSync(path.join(dir, 'b.md'), '# B\n\nWhat? :: Yes.\n\u0000\u0000\u0000 binary');
      await write(V1, DAY1, 'kept.md');
      const before = await snapshot();

      const run = promisify(execFile)(
        process.execPath,
        [path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('scripts/ingest.ts'), 'a.md', 'b.md'],
        { cwd: dir, env: { ...process.env, DATABASE_URL: db.url } },
      );
      const failure = await run.then(() => null, (error: { code: number; stderr: string }) => error);

      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('error: b.md:4: not a text note');
      expect(failure?.stderr).toContain('Nothing was written');
      expect(await snapshot()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
