import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import type * as DeckWriter from '@/lib/db/deck-writer';
import { ingestNote } from '@/lib/ingest/ingest-note';
import type { NoteDeck } from '@/lib/ingest/types';
import { collectNotes } from '@/lib/notes/read-notes';
import { createTestDatabase } from '../support/test-db';

/**
 * A note's identity does not depend on where it is read from: the working directory, a rename,
 * a move to another folder, or another user's note at the same path never cost a card its history.
 */

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
  'What does LFU eviction remove first? :: The entry that was read least often.',
].join('\n');

let db: ReturnType<typeof createTestDatabase>;
let prisma: PrismaClient;
let writer: typeof DeckWriter;

const deck = (text: string, file: string): NoteDeck => {
  const result = ingestNote({ path: file, storedPath: file, text });
  if (!result.ok) throw new Error(result.error.message);
  return result.deck;
};
const entry = (text: string, storedPath: string) => ({ file: storedPath, storedPath, deck: deck(text, storedPath) });

/** Every row of every table, in a stable order: "nothing changed" means equal snapshots. */
async function snapshot(client = prisma) {
  return {
    sources: await client.source.findMany({ orderBy: { id: 'asc' } }),
    concepts: await client.concept.findMany({ orderBy: { id: 'asc' } }),
    cards: await client.card.findMany({ orderBy: { id: 'asc' } }),
    states: await client.reviewState.findMany({ orderBy: [{ userId: 'asc' }, { cardId: 'asc' }] }),
    logs: await client.reviewLog.findMany({ orderBy: { id: 'asc' } }),
  };
}

/** Gives every active card a review state and a log entry, as if studied on DAY1. */
async function reviewAll(client = prisma): Promise<string[]> {
  const user = await client.user.upsert({
    where: { email: 'learner@example.com' }, update: {}, create: { email: 'learner@example.com', passwordHash: 'x' },
  });
  const cards = await client.card.findMany({ where: { status: 'active' }, orderBy: { id: 'asc' } });
  for (const [i, card] of cards.entries()) {
    const fields = { repetitions: 3, intervalDays: 6, easeFactor: 2.6, due: DAY3, lapses: 0 };
    await client.reviewState.create({
      data: { userId: user.id, cardId: card.id, ...fields, lastReviewedAt: DAY1, introducedAt: DAY1, version: 3 },
    });
    await client.reviewLog.create({
      data: {
        userId: user.id, cardId: card.id, grade: 4, reviewedAt: DAY1, timeTakenMs: 1000, answerId: `answer-${card.id}-${i}`,
        prevRepetitions: 2, prevIntervalDays: 1, prevEaseFactor: 2.5, prevDue: DAY1, prevLapses: 0, ...fields,
      },
    });
  }
  return cards.map((c) => c.id);
}

/** Active cards whose history is intact: same id, a review state and a log each. */
async function studiedActive(ids: string[]): Promise<number> {
  return prisma.card.count({
    where: { id: { in: ids }, status: 'active', reviewStates: { some: {} }, reviewLogs: { some: {} } },
  });
}

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
  await prisma.card.deleteMany();
  await prisma.concept.updateMany({ data: { parentId: null } });
  await prisma.concept.deleteMany();
  await prisma.source.deleteMany();
  await prisma.user.deleteMany();
});

describe('a renamed or moved note keeps its cards and their history', () => {
  it('renamed in its folder: the same Source, every card and its history, nothing retired', async () => {
    await writer.writeIngestRun(prisma, [entry(V1, FILE)], DAY1, { folders: ['content'] });
    const studied = await reviewAll();
    const source = await prisma.source.findFirstOrThrow();

    const { summaries } = await writer.writeIngestRun(prisma, [entry(V1, 'content/cache-notes.md')], DAY2, { folders: ['content'] });

    expect(summaries).toEqual([{
      file: 'content/cache-notes.md', status: 'unchanged', movedFrom: FILE, concepts: 2, created: 0, changed: 0, unchanged: 4, retired: 0,
    }]);
    expect(await prisma.source.findMany()).toEqual([{ ...source, path: 'content/cache-notes.md' }]);
    expect(await studiedActive(studied)).toBe(4);
    expect(await prisma.card.count()).toBe(4);
  });

  it('moved to a sub-folder and edited on the way: matched by its cards, one card reworded', async () => {
    await writer.writeIngestRun(prisma, [entry(V1, FILE)], DAY1, { folders: ['content'] });
    const studied = await reviewAll();
    const edited = V1.replace('How long a cache entry lives', 'How long one cache entry lives');

    const { summaries } = await writer.writeIngestRun(prisma, [entry(edited, 'content/storage/caching.md')], DAY2, { folders: ['content'] });

    expect(summaries).toEqual([expect.objectContaining({ status: 'updated', movedFrom: FILE, created: 0, changed: 1, unchanged: 3, retired: 0 })]);
    expect(await studiedActive(studied)).toBe(4);
    expect(await prisma.source.count()).toBe(1);
  });

  it('the same file named on its own (stored by its file name) is the same note, edited or not, at its own path', async () => {
    await writer.writeIngestRun(prisma, [entry(V1, FILE)], DAY1, { folders: ['content'] });
    const studied = await reviewAll();

    const same = await writer.writeIngestRun(prisma, [entry(V1, 'caching.md')], DAY2);
    const edited = await writer.writeIngestRun(prisma, [entry(`${V1}\nWhat is a hit? :: A read the cache answers.`, 'caching.md')], DAY3);

    expect(same.summaries).toEqual([expect.objectContaining({ status: 'unchanged', unchanged: 4 })]);
    expect(edited.summaries).toEqual([expect.objectContaining({ status: 'updated', created: 1, unchanged: 4, retired: 0 })]);
    expect(same.summaries[0].movedFrom).toBeUndefined();
    expect((await prisma.source.findMany()).map((s) => s.path)).toEqual([FILE]);
    expect(await studiedActive(studied)).toBe(4);
  });

  it('a file name shared by two notes of the deck is not guessed: it is a note of its own', async () => {
    await writer.writeIngestRun(prisma, [entry(V1, FILE), entry(V1.replace('# Caching', '# Other caching'), 'archive/caching.md')], DAY1);

    await writer.writeIngestRun(prisma, [entry('# Fresh\n\nWhat is new? :: Everything.', 'caching.md')], DAY2);

    expect((await prisma.source.findMany({ orderBy: { path: 'asc' } })).map((s) => s.path)).toEqual(['archive/caching.md', 'caching.md', FILE]);
  });

  it('a different note at a new path is a new note; the one gone from the folder is retired with its history', async () => {
    await writer.writeIngestRun(prisma, [entry(V1, FILE)], DAY1, { folders: ['content'] });
    const studied = await reviewAll();
    const other = '# Queues\n\nWhat is a DLQ? :: A queue for messages that keep failing.';

    const { summaries } = await writer.writeIngestRun(prisma, [entry(other, 'content/queues.md')], DAY2, { folders: ['content'] });

    expect(summaries.map((s) => [s.file, s.status, s.movedFrom])).toEqual([
      ['content/queues.md', 'new', undefined],
      [FILE, 'removed', undefined],
    ]);
    expect(await prisma.card.count({ where: { id: { in: studied }, status: 'retired', reviewLogs: { some: {} } } })).toBe(4);
  });

  it('a new note at a renamed note\'s old path gets a key of its own', async () => {
    await writer.writeIngestRun(prisma, [entry(V1, FILE)], DAY1, { folders: ['content'] });
    await writer.writeIngestRun(prisma, [entry(V1, 'content/renamed.md')], DAY2, { folders: ['content'] });
    const fresh = V1.replace('# Caching', '# Caching, again').replace(/What/g, 'Which');

    await writer.writeIngestRun(prisma, [entry(V1, 'content/renamed.md'), entry(fresh, FILE)], DAY3, { folders: ['content'] });

    const sources = await prisma.source.findMany({ orderBy: { path: 'asc' } });
    expect(sources.map((s) => [s.path, s.key])).toEqual([[FILE, `${FILE}#2`], ['content/renamed.md', FILE]]);
    expect(await prisma.card.count({ where: { status: 'active' } })).toBe(8);
  });

  it('two users keep a note at the same path: two Sources, keys that never collide', async () => {
    const [a, b] = await Promise.all(['a@example.com', 'b@example.com'].map((email) => prisma.user.create({ data: { email, passwordHash: 'x' } })));
    await writer.writeIngestRun(prisma, [entry(V1, FILE)], DAY1);
    await writer.writeIngestRun(prisma, [entry(V1, FILE)], DAY1, { ownerId: a.id });
    await writer.writeIngestRun(prisma, [entry(V1, FILE)], DAY1, { ownerId: b.id, folders: ['content'] });

    const sources = await prisma.source.findMany({ orderBy: { key: 'asc' } });
    expect(sources.map((s) => [s.ownerId, s.key])).toEqual(
      [[null, FILE], [a.id, `${a.id}/${FILE}`], [b.id, `${b.id}/${FILE}`]].sort((x, y) => (x[1]! < y[1]! ? -1 : 1)),
    );
    expect(await prisma.card.count()).toBe(12);
    // B's folder run does not see A's or the shared deck's note, and retires neither.
    expect(await prisma.card.count({ where: { status: 'active' } })).toBe(12);
    expect(await writer.storedHashes(prisma, [FILE], b.id)).toEqual(new Map([[FILE, deck(V1, FILE).contentHash]]));
  });
});

describe('the working directory does not matter', () => {
  const cli = (cwd: string, args: string[]) =>
    promisify(execFile)(
      process.execPath,
      [path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('scripts/ingest.ts'), ...args],
      { cwd, env: { ...process.env, DATABASE_URL: db.url } },
    );

  it('collectNotes stores a folder\'s notes under the folder\'s name, however the folder is named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-notes-'));
    try {
      mkdirSync(path.join(dir, 'content', 'deep'), { recursive: true });
      writeFileSync(path.join(dir, 'content', 'a.md'), V1);
      writeFileSync(path.join(dir, 'content', 'deep', 'b.md'), V1);
      const stored = async (inputs: string[]) => (await collectNotes(inputs)).map((n) => n.storedPath);
      expect(await stored([path.join(dir, 'content')])).toEqual(['content/a.md', 'content/deep/b.md']);
      expect(await stored([path.join(dir, 'content', '.')])).toEqual(['content/a.md', 'content/deep/b.md']);
      expect(await stored([path.join(dir, 'content', 'deep', 'b.md')])).toEqual(['b.md']);
      await expect(collectNotes([path.join(dir, 'content', 'a.md'), path.join(dir, 'content', 'deep', 'a.md')])).rejects.toThrow();
      writeFileSync(path.join(dir, 'content', 'deep', 'a.md'), V1);
      await expect(collectNotes([path.join(dir, 'content', 'a.md'), path.join(dir, 'content', 'deep', 'a.md')]))
        .rejects.toThrow(/would be stored as a\.md/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI run from the project, from inside the folder, and with an absolute path gives one deck', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-cwd-'));
    try {
      mkdirSync(path.join(dir, 'content', 'deep'), { recursive: true });
      writeFileSync(path.join(dir, 'content', 'caching.md'), V1);
      writeFileSync(path.join(dir, 'content', 'deep', 'queues.md'), '# Queues\n\nWhat is a DLQ? :: A queue for messages that keep failing.');

      await cli(dir, ['content']);
      await reviewAll();
      const before = await snapshot();
      expect(before.sources.map((s) => s.path).sort()).toEqual(['content/caching.md', 'content/deep/queues.md']);

      const inside = await cli(path.join(dir, 'content'), ['.']);
      const absolute = await cli(tmpdir(), [path.join(dir, 'content')]);

      for (const run of [inside, absolute]) expect(run.stdout.match(/unchanged file/g)).toHaveLength(2);
      expect(await snapshot()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('--user writes that user\'s deck; an unknown email writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-user-'));
    try {
      mkdirSync(path.join(dir, 'mine'));
      writeFileSync(path.join(dir, 'mine', 'caching.md'), V1);
      const user = await prisma.user.create({ data: { email: 'owner@example.com', passwordHash: 'x' } });

      const failure = await cli(dir, ['--user', 'nobody@example.com', 'mine']).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('--user nobody@example.com: no account with this email');
      expect(await prisma.source.count()).toBe(0);

      await cli(dir, ['--user', 'Owner@Example.com', 'mine']);
      expect(await prisma.source.findMany({ select: { ownerId: true, path: true } })).toEqual([{ ownerId: user.id, path: 'mine/caching.md' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a database from before notes had owners', () => {
  it('migration 0006 keeps every key, id and review; re-ingest and rename change no card', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recall-migrate-'));
    const file = path.join(dir, 'old.db');
    const migrations = path.resolve('prisma/migrations');
    const names = readdirSync(migrations).filter((n) => !n.includes('.')).sort();
    const sql = (name: string) => readFileSync(path.join(migrations, name, 'migration.sql'), 'utf8');
    const raw = new Database(file);
    for (const name of names.filter((n) => n < '0006')) raw.exec(sql(name));

    // The rows the deck writer wrote before 0006: keys derived from the path, ids equal to keys.
    const old = deck(V1, FILE);
    const at = DAY1.toISOString();
    raw.prepare(`INSERT INTO "Source" ("id", "path", "title", "contentHash", "ingestedAt") VALUES ('src', ?, 'Caching', ?, ?)`).run(FILE, old.contentHash, at);
    for (const c of old.concepts) {
      raw.prepare(`INSERT INTO "Concept" ("id", "key", "sourceId", "parentId", "headingPath", "title", "depth", "order", "body", "startLine", "endLine")
        VALUES (?, ?, 'src', ?, ?, ?, ?, ?, ?, ?, ?)`).run(c.key, c.key, c.parentKey, JSON.stringify(c.path), c.title, c.depth, c.order, c.body, c.startLine, c.endLine);
    }
    for (const [i, c] of old.cards.entries()) {
      raw.prepare(`INSERT INTO "Card" ("id", "key", "conceptId", "kind", "question", "answer", "sourceLine", "order", "updatedAt")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(c.key, c.key, c.conceptKey, c.kind, c.question, c.answer, c.line, i, at);
    }
    for (const name of names.filter((n) => n >= '0006')) raw.exec(sql(name));
    raw.close();

    const { createPrisma } = await import('@/lib/db/client');
    const migrated = createPrisma(`file:${file}`);
    try {
      expect(await migrated.source.findFirstOrThrow()).toMatchObject({ ownerId: null, path: FILE, key: FILE });
      const studied = await reviewAll(migrated);
      const before = await snapshot(migrated);

      const again = await writer.writeIngestRun(migrated, [entry(V1, FILE)], DAY2, { force: true, folders: ['content'] });
      expect(again.summaries[0]).toMatchObject({ status: 'updated', created: 0, changed: 0, unchanged: 4, retired: 0 });
      expect((await snapshot(migrated)).cards).toEqual(before.cards);

      await writer.writeIngestRun(migrated, [entry(V1, 'content/renamed.md')], DAY3, { folders: ['content'] });
      const after = await snapshot(migrated);
      expect(after.cards).toEqual(before.cards);
      expect(after.concepts).toEqual(before.concepts);
      expect(after.states).toEqual(before.states);
      expect(after.logs).toEqual(before.logs);
      expect(studied).toHaveLength(4);
    } finally {
      await migrated.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
