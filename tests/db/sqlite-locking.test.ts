import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

const run = promisify(execFile);
const NOW = new Date('2024-03-10T12:00:00Z');
const root = path.resolve(import.meta.dirname, '../..');

let f: ReviewFixture;
let file: string;
beforeAll(async () => {
  f = await openReviewFixture();
  const [main] = await f.prisma.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'");
  file = main!.file;
});
afterAll(async () => {
  await f?.close();
});

/** Another process's writer (an ingest, say) holding the write lock for `ms`. */
function holdWriteLock(ms: number): Promise<void> {
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  other.prepare(`UPDATE "Card" SET "explanation" = "explanation" WHERE 0`).run();
  return new Promise((resolve) => setTimeout(() => {
    other.exec('COMMIT');
    other.close();
    resolve();
  }, ms));
}

describe('the SQLite file every connection opens', () => {
  it('is in WAL mode with a busy timeout', async () => {
    const [mode] = await f.prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    expect(mode!.journal_mode).toBe('wal');
    const [busy] = await f.prisma.$queryRawUnsafe<{ timeout: number | bigint }[]>('PRAGMA busy_timeout');
    expect(Number(busy!.timeout)).toBeGreaterThanOrEqual(1000);
  });

  it('lets the review screen load while another process holds the write lock', async () => {
    const userId = await f.newUser({ newPerDay: 0 });
    const held = holdWriteLock(800);
    const started = Date.now();
    const counts = await f.review.getDueSummary(userId, NOW);
    expect(counts.total).toBe(0);
    expect(Date.now() - started).toBeLessThan(500);
    await held;
  });

  it('an answer waits for a writer in another process, without blocking this one, and is recorded', async () => {
    const userId = await f.newUser({ newPerDay: 1 });
    const item = (await f.review.getNextReviewItem(userId, NOW))!;
    const held = holdWriteLock(600);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const outcome = await f.answers.recordAnswer(userId, { cardId: item.cardId, grade: 4, answerId: 'waits-for-lock', version: 0, timeTakenMs: 1 }, NOW);
    clearInterval(ticker);
    await held;
    expect(outcome.kind).toBe('review');
    expect(ticks).toBeGreaterThan(5);
    expect(await f.prisma.reviewLog.count({ where: { answerId: 'waits-for-lock' } })).toBe(1);
  });

  it('a writer that keeps the lock too long gets a clear "try again", and nothing is written', async () => {
    const { createSqliteAdapter, DatabaseBusyError } = await import('@/lib/db/sqlite-adapter');
    const { PrismaClient } = await import('@/lib/db/generated/client');
    const impatient = new PrismaClient({ adapter: createSqliteAdapter(`file:${file}`, { lockWaitMs: 200 }) });
    const held = holdWriteLock(1000);
    const attempt = impatient.$transaction((tx) => tx.$executeRaw`UPDATE "User" SET "name" = 'x'`);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(attempt).rejects.toThrow(/Try again in a moment/);
    await held;
    expect(await impatient.user.count({ where: { name: 'x' } })).toBe(0);
    await impatient.$disconnect();
  });
});

describe('double submits from several processes on one SQLite file', () => {
  /** Runs recordAnswer in `inputs.length` processes at the same moment; their printed results. */
  async function answerInProcesses(userId: string, inputs: object[]) {
    const startAt = Date.now() + 4000 + inputs.length * 500;
    const results = await Promise.all(inputs.map((input) =>
      run('npx', ['tsx', '--conditions=react-server', 'tests/db/processes/answer-worker.ts'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `file:${file}`, USER_ID: userId, ANSWER: JSON.stringify(input), START_AT: String(startAt), NOW: NOW.toISOString() },
      })));
    return results.map((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ok: boolean; outcome?: unknown; name?: string; message?: string });
  }

  it('the same answer from 4 processes: one log entry, and every caller gets the same normal outcome', async () => {
    const userId = await f.newUser({ newPerDay: 1 });
    const item = (await f.review.getNextReviewItem(userId, NOW))!;
    const input = { cardId: item.cardId, grade: 4, answerId: 'double-submit', version: item.version, timeTakenMs: 1 };
    const results = await answerInProcesses(userId, Array.from({ length: 4 }, () => input));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => JSON.stringify(r.outcome))).size).toBe(1);
    expect(await f.prisma.reviewLog.count({ where: { userId } })).toBe(1);
    const state = await f.prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: item.cardId } } });
    expect(state.version).toBe(1);
  }, 120_000);

  it('two tabs answering one card from 2 processes: one is recorded, the other is told the card moved on', async () => {
    const userId = await f.newUser({ newPerDay: 1 });
    const item = (await f.review.getNextReviewItem(userId, NOW))!;
    const results = await answerInProcesses(userId, ['tab-a', 'tab-b'].map((answerId, i) =>
      ({ cardId: item.cardId, grade: 3 + i, answerId, version: item.version, timeTakenMs: 1 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.name)).toEqual(['StaleAnswerError']);
    expect(await f.prisma.reviewLog.count({ where: { userId } })).toBe(1);
  }, 120_000);
});
