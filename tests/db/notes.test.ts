import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { UploadEvent } from '@/lib/notes/upload-events';
import type { StoredNote } from '@/lib/notes/prepare-notes';
import { openAppDatabase } from './support';

const DAY1 = new Date('2024-05-01T10:00:00Z');
const DAY2 = new Date('2024-05-02T10:00:00Z');

const CACHING = ['# Caching', '', 'What is a cache? :: A fast store of copies of data.', 'What is a TTL? :: How long an entry lives.'].join('\n');
const QUEUES = ['# Queues', '', 'What is back pressure? :: Slowing producers down when consumers fall behind.'].join('\n');

let db: Awaited<ReturnType<typeof openAppDatabase>>;
let prisma: PrismaClient;
let notes: typeof import('@/lib/db/notes');
let importNotes: typeof import('@/lib/notes/import-notes').importNotes;
let getTopicTree: typeof import('@/lib/db/topics').getTopicTree;
let alice: string;
let bob: string;

const note = (path: string, text: string): StoredNote => ({ path, storedPath: path, text });

/** Runs an upload for `owner`; the events it emitted, in order. */
async function upload(owner: string, files: StoredNote[], now = DAY1, folders: string[] = []): Promise<UploadEvent[]> {
  const events: UploadEvent[] = [];
  await importNotes(owner, files, folders, now, (e) => events.push(e));
  return events;
}
const outcome = (events: UploadEvent[]) => events.at(-1)!;
const doneNotes = (events: UploadEvent[]) => {
  const last = outcome(events);
  if (last.type !== 'done') throw new Error(`upload failed: ${JSON.stringify(last)}`);
  return last.notes;
};
const idOf = async (owner: string, path: string) => (await prisma.source.findFirstOrThrow({ where: { ownerId: owner, path } })).id;

beforeAll(async () => {
  db = await openAppDatabase();
  prisma = db.prisma;
  notes = await import('@/lib/db/notes');
  ({ importNotes } = await import('@/lib/notes/import-notes'));
  ({ getTopicTree } = await import('@/lib/db/topics'));
  alice = (await prisma.user.create({ data: { email: 'alice@example.com', passwordHash: 'x' } })).id;
  bob = (await prisma.user.create({ data: { email: 'bob@example.com', passwordHash: 'x' } })).id;
}, 60_000);
afterAll(async () => {
  await db?.close();
});

// Every upload parses in a fresh worker thread (about a second to start, more on a busy machine).
describe('importing notes from the browser', { timeout: 60_000 }, () => {
  it('reports progress per note, then the CLI summary, and the notes belong to the uploader alone', async () => {
    const events = await upload(alice, [note('caching.md', CACHING), note('queues.md', QUEUES)]);
    expect(events.filter((e) => e.type === 'progress').map((e) => e.type === 'progress' && [e.done, e.total, e.file, e.step])).toEqual([
      [1, 4, 'caching.md', 'parsed'],
      [2, 4, 'queues.md', 'parsed'],
      [3, 4, 'caching.md', 'written'],
      [4, 4, 'queues.md', 'written'],
    ]);
    const reports = doneNotes(events);
    expect(reports.map(({ file, status, concepts, created }) => ({ file, status, concepts, created }))).toEqual([
      { file: 'caching.md', status: 'new', concepts: 1, created: 2 },
      { file: 'queues.md', status: 'new', concepts: 1, created: 1 },
    ]);
    expect(reports.every((r) => r.topicId !== null)).toBe(true);

    expect((await notes.listMyNotes(alice)).map((n) => [n.path, n.title, n.topics, n.cards])).toEqual([
      ['caching.md', 'Caching', 1, 2],
      ['queues.md', 'Queues', 1, 1],
    ]);
    expect(await notes.listMyNotes(bob)).toEqual([]);
    const titles = async (user: string) => (await getTopicTree(user, DAY1)).map((s) => s.title);
    expect(await titles(alice)).toEqual(['Caching', 'Queues']);
    expect(await titles(bob)).toEqual([]);
  });

  it('a re-uploaded note is updated and a reviewed card keeps its history', async () => {
    const card = await prisma.card.findFirstOrThrow({ where: { question: 'What is a cache?', concept: { source: { ownerId: alice } } } });
    await prisma.reviewLog.create({
      data: {
        userId: alice, cardId: card.id, grade: 4, reviewedAt: DAY1, timeTakenMs: 1000, answerId: 'a-1',
        prevRepetitions: 0, prevIntervalDays: 0, prevEaseFactor: 2.5, prevDue: DAY1, prevLapses: 0,
        repetitions: 1, intervalDays: 1, easeFactor: 2.5, due: DAY2, lapses: 0,
      },
    });
    const edited = CACHING.replace('A fast store of copies of data.', 'A fast store of copies of data, close to its reader.');
    const reports = doneNotes(await upload(alice, [note('caching.md', edited), note('queues.md', QUEUES)], DAY2));
    expect(reports.map((r) => [r.file, r.status, r.created, r.changed, r.unchanged])).toEqual([
      ['caching.md', 'updated', 0, 1, 1],
      ['queues.md', 'unchanged', 0, 0, 1],
    ]);
    const after = await prisma.card.findUniqueOrThrow({ where: { id: card.id }, include: { reviewLogs: true } });
    expect(after.answer).toBe('A fast store of copies of data, close to its reader.');
    expect(after.reviewLogs).toHaveLength(1);
  });

  it('a note that fails leaves nothing of its upload written', async () => {
    const before = await prisma.card.count();
    const events = await upload(bob, [note('fine.md', QUEUES), note('bad.md', 'line one\nline two \u0000')]);
    expect(outcome(events)).toEqual({ type: 'failed', errors: ['bad.md:2: not a text note (it contains NUL bytes)'] });
    expect(await prisma.card.count()).toBe(before);
    expect(await prisma.source.count({ where: { ownerId: bob } })).toBe(0);
  });

  it('should the database fail midway, the event says how many notes were saved before it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const carol = (await prisma.user.create({ data: { email: 'carol@example.com', passwordHash: 'x' } })).id;
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER fail_boom BEFORE INSERT ON "Source" WHEN NEW."path" = 'boom.md' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    try {
      const last = outcome(await upload(carol, [note('caching.md', CACHING), note('boom.md', QUEUES)]));
      expect(last).toEqual({ type: 'failed', written: 1, errors: ['Saving stopped: the database failed to write a note.'] });
      expect((await notes.listMyNotes(carol)).map((n) => n.path)).toEqual(['caching.md']);
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER fail_boom');
      vi.restoreAllMocks();
    }
  });

  it('a zip of a folder is the folder read in full: a note gone from it is retired', async () => {
    doneNotes(await upload(bob, [note('sd/caching.md', CACHING), note('sd/queues.md', QUEUES)], DAY1, ['sd']));
    const reports = doneNotes(await upload(bob, [note('sd/caching.md', CACHING)], DAY2, ['sd']));
    expect(reports.map((r) => [r.file, r.status, r.retired, r.topicId])).toEqual([
      ['sd/caching.md', 'unchanged', 0, expect.any(String)],
      ['sd/queues.md', 'removed', 1, null],
    ]);
    expect((await notes.listMyNotes(bob)).map((n) => n.path)).toEqual(['sd/caching.md']);

    // The same note back in the folder: parsed again, its card revived.
    const back = doneNotes(await upload(bob, [note('sd/caching.md', CACHING), note('sd/queues.md', QUEUES)], DAY2, ['sd']));
    expect(back.map((r) => [r.file, r.status, r.changed])).toEqual([
      ['sd/caching.md', 'unchanged', 0],
      ['sd/queues.md', 'updated', 1],
    ]);
    expect((await notes.listMyNotes(bob)).map((n) => [n.path, n.cards])).toEqual([['sd/caching.md', 2], ['sd/queues.md', 1]]);

    // The same note uploaded on its own updates it where it is, and its link finds it there.
    const [alone] = doneNotes(await upload(bob, [note('queues.md', `${QUEUES}\nWhat is a DLQ? :: Where failed messages go.`)], DAY2));
    expect(alone).toMatchObject({ file: 'queues.md', status: 'updated', created: 1, topicId: expect.any(String) });
    expect((await notes.listMyNotes(bob)).map((n) => [n.path, n.cards])).toEqual([['sd/caching.md', 2], ['sd/queues.md', 2]]);
  });
});

describe('renaming and deleting notes', { timeout: 60_000 }, () => {
  it('renames only the owner\'s note; the cards keep their ids and a later upload under the new name updates it', async () => {
    const id = await idOf(alice, 'queues.md');
    await expect(notes.renameMyNote(bob, id, 'mine.md')).rejects.toBeInstanceOf(notes.NoteNotFoundError);
    await expect(notes.renameMyNote(alice, id, 'caching.md')).rejects.toThrow('You already have a note named caching.md.');
    const cards = await prisma.card.findMany({ where: { concept: { sourceId: id } }, select: { id: true } });

    await notes.renameMyNote(alice, id, 'messaging/queues.md');
    expect((await notes.listMyNotes(alice)).map((n) => n.path)).toEqual(['caching.md', 'messaging/queues.md']);
    const reports = doneNotes(await upload(alice, [note('messaging/queues.md', `${QUEUES}\nWhat is a DLQ? :: Where failed messages go.`)], DAY2));
    expect(reports.map((r) => [r.file, r.status, r.created, r.unchanged])).toEqual([['messaging/queues.md', 'updated', 1, 1]]);
    expect(await prisma.card.findMany({ where: { id: { in: cards.map((c) => c.id) } }, select: { status: true } })).toEqual([{ status: 'active' }]);
  });

  it('a shared starter note is nobody\'s to rename or delete', async () => {
    const shared = await prisma.source.create({ data: { path: 'content/x.md', key: 'content/x.md', title: 'X', contentHash: 'h', ingestedAt: DAY1 } });
    await expect(notes.renameMyNote(alice, shared.id, 'y.md')).rejects.toBeInstanceOf(notes.NoteNotFoundError);
    await expect(notes.deleteMyNote(alice, shared.id)).rejects.toBeInstanceOf(notes.NoteNotFoundError);
  });

  it('deletes only the owner\'s note: its cards are retired with their history, and uploading it again brings them back', async () => {
    const id = await idOf(alice, 'caching.md');
    await expect(notes.deleteMyNote(bob, id)).rejects.toBeInstanceOf(notes.NoteNotFoundError);
    const reviewed = await prisma.card.findFirstOrThrow({ where: { question: 'What is a cache?', concept: { sourceId: id } } });

    expect(await notes.deleteMyNote(alice, id)).toEqual({ path: 'caching.md', cards: 2 });
    expect((await notes.listMyNotes(alice)).map((n) => n.path)).toEqual(['messaging/queues.md']);
    expect((await getTopicTree(alice, DAY2)).filter((s) => s.topics.length > 0).map((s) => s.path)).toEqual(['messaging/queues.md']);
    expect(await prisma.reviewLog.count({ where: { cardId: reviewed.id } })).toBe(1);
    await expect(notes.deleteMyNote(alice, id)).rejects.toBeInstanceOf(notes.NoteNotFoundError);

    const edited = CACHING.replace('A fast store of copies of data.', 'A fast store of copies of data, close to its reader.');
    const reports = doneNotes(await upload(alice, [note('caching.md', edited)], DAY2));
    expect(reports.map((r) => [r.file, r.status])).toEqual([['caching.md', 'updated']]);
    expect(await prisma.card.findUniqueOrThrow({ where: { id: reviewed.id } })).toMatchObject({ status: 'active' });
  });
});
