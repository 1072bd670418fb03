/**
 * Scheduler switch benchmark: `npm run bench:scheduler [-- --cards N --logs N]`.
 *
 * Builds a temporary database (every migration applied) with one learner who reviewed
 * 20,000 cards 200,000 times before FSRS existed (SM-2 state only, as migration 0011 leaves a
 * real database), then times, through the app's data layer:
 * - the first switch to FSRS, which replays the whole review log (goal <= 10 s);
 * - switching back to SM-2 and to FSRS again, which replays nothing (goal <= 1 s each);
 * - "get the next card" and "answer it" under FSRS (goal p95 <= 10 ms, as bench:review).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyMigrations } from '../prisma/apply-migrations';
import { mulberry32 } from '../lib/quiz/random';

const { values } = parseArgs({ options: { cards: { type: 'string', default: '20000' }, logs: { type: 'string', default: '200000' } } });
const CARDS = Number(values.cards);
const LOGS = Number(values.logs);
const CARDS_PER_CONCEPT = 50;
const NOW = new Date('2025-06-15T12:00:00Z');
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 700;

/** The text form Prisma's SQLite adapter stores DateTime columns in. */
const sqlDate = (d: Date) => d.toISOString().replace('Z', '+00:00');
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(8, '0')}`;

function buildDatabase(file: string): void {
  const db = new Database(file);
  applyMigrations(db);
  const rand = mulberry32(42);
  const ingested = sqlDate(new Date(NOW.getTime() - HISTORY_DAYS * DAY_MS));
  const concept = db.prepare(`INSERT INTO "Concept" ("id", "key", "sourceId", "headingPath", "title", "depth", "order", "body", "startLine", "endLine")
    VALUES (?, ?, 'src', '["Note"]', 'Topic', 1, ?, 'Body.', 1, 2)`);
  const card = db.prepare(`INSERT INTO "Card" ("id", "key", "conceptId", "kind", "question", "answer", "sourceLine", "order", "updatedAt")
    VALUES (?, ?, ?, 'qa', 'Question?', 'Answer.', 1, ?, ?)`);
  const state = db.prepare(`INSERT INTO "ReviewState" ("userId", "cardId", "repetitions", "intervalDays", "easeFactor", "due", "sm2Due", "lapses", "lastReviewedAt", "introducedAt", "version")
    VALUES ('main', ?, 3, ?, 2.5, ?, ?, 0, ?, ?, 5)`);
  const log = db.prepare(`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "grade", "reviewedAt", "timeTakenMs", "answerId", "kind", "wasNew",
    "prevRepetitions", "prevIntervalDays", "prevEaseFactor", "prevDue", "prevLapses", "repetitions", "intervalDays", "easeFactor", "due", "lapses")
    VALUES (?, 'main', ?, ?, ?, 3000, ?, 'review', ?, 0, 0, 2.5, ?, 0, 1, 1, 2.5, ?, 0)`);
  db.transaction(() => {
    db.prepare(`INSERT INTO "User" ("id", "email", "passwordHash", "newPerDay") VALUES ('main', 'main@example.com', 'x', 0)`).run();
    db.prepare(`INSERT INTO "Source" ("id", "path", "title", "contentHash", "ingestedAt") VALUES ('src', 'notes/a.md', 'Note', 'h', ?)`).run(ingested);
    for (let c = 0; c < CARDS / CARDS_PER_CONCEPT; c++) concept.run(id('con', c), `key-con-${c}`, c);
    // Each card's answers are spread over the history in time order; the last one set its state.
    const perCard = Math.ceil(LOGS / CARDS);
    let n = 0;
    for (let i = 0; i < CARDS; i++) {
      card.run(id('card', i), `key-card-${i}`, id('con', Math.floor(i / CARDS_PER_CONCEPT)), i, ingested);
      let at = NOW.getTime() - HISTORY_DAYS * DAY_MS + Math.floor(rand() * 30) * DAY_MS;
      for (let k = 0; k < perCard && n < LOGS; k++, n++) {
        const when = sqlDate(new Date(at));
        log.run(`log-${n}`, id('card', i), rand() < 0.15 ? 1 : 4, when, `answer-${n}`, k === 0 ? 1 : 0, when, when);
        at += Math.ceil(1 + rand() * 60) * DAY_MS;
      }
      const last = new Date(Math.min(at, NOW.getTime() - DAY_MS));
      const due = sqlDate(new Date(NOW.getTime() + (rand() < 0.05 ? -DAY_MS : Math.ceil(rand() * 200) * DAY_MS)));
      state.run(id('card', i), 30, due, due, sqlDate(last), ingested);
    }
  })();
  db.exec('ANALYZE');
  db.close();
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(name: string, ms: number, goalMs: number): boolean {
  const ok = ms <= goalMs;
  console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  (goal <= ${goalMs} ms) ${ok ? 'ok' : 'MISSED'}`);
  return ok;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-bench-scheduler-'));
  const file = path.join(dir, 'bench.db');
  try {
    let t = performance.now();
    buildDatabase(file);
    console.log(`built ${CARDS.toLocaleString()} reviewed cards, ${LOGS.toLocaleString()} log entries in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    process.env.DATABASE_URL = `file:${file}`;
    const { prisma } = await import('../lib/db/client');
    const { getStudySettings, updateStudySettings } = await import('../lib/db/study-settings');
    const { getNextReviewItem } = await import('../lib/db/review');
    const { recordAnswer } = await import('../lib/db/review-answer');
    const settings = await getStudySettings('main');
    const time = async (scheduler: 'sm2' | 'fsrs') => {
      const start = performance.now();
      await updateStudySettings('main', { ...settings, scheduler });
      return performance.now() - start;
    };

    const results = [
      report('first switch to FSRS (replays the whole log)', await time('fsrs'), 10_000),
      report('switch back to SM-2', await time('sm2'), 1_000),
      report('switch to FSRS again (nothing to replay)', await time('fsrs'), 1_000),
    ];
    const next: number[] = [];
    const answer: number[] = [];
    for (let i = 0; i < 200; i++) {
      const now = new Date(NOW.getTime() + i * 15_000);
      t = performance.now();
      const item = await getNextReviewItem('main', now);
      next.push(performance.now() - t);
      if (!item) break;
      t = performance.now();
      await recordAnswer('main', { cardId: item.cardId, grade: 4, answerId: crypto.randomUUID(), version: item.version, timeTakenMs: 4000 }, now);
      answer.push(performance.now() - t);
    }
    await prisma.$disconnect();
    results.push(report(`next card under FSRS, p95 of ${next.length}`, percentile(next, 95), 10));
    results.push(report(`answer under FSRS, p95 of ${answer.length}`, percentile(answer, 95), 10));
    process.exitCode = results.every(Boolean) ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
