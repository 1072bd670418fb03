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

function report(name: string, ms: number, goalMs: number, cpuMs?: number): boolean {
  const ok = ms <= goalMs;
  const cpu = cpuMs === undefined ? '' : ` (cpu ${cpuMs.toFixed(0)} ms)`;
  console.log(`${name.padEnd(46)} ${ms.toFixed(1).padStart(8)} ms${cpu}  (goal <= ${goalMs} ms) ${ok ? 'ok' : 'MISSED'}`);
  return ok;
}

/** Wall and CPU time of `work`: CPU time shows the cost when other processes share the cores. */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-bench-scheduler-'));
  const file = path.join(dir, 'bench.db');
  try {
    const t = performance.now();
    buildDatabase(file);
    console.log(`built ${CARDS.toLocaleString()} reviewed cards, ${LOGS.toLocaleString()} log entries in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    process.env.DATABASE_URL = `file:${file}`;
    const { prisma } = await import('../lib/db/client');
    const { getStudySettings, updateStudySettings } = await import('../lib/db/study-settings');
    const { getNextReviewItem } = await import('../lib/db/review');
    const { recordAnswer } = await import('../lib/db/review-answer');
    const settings = await getStudySettings('main');
    const use = (scheduler: 'sm2' | 'fsrs') => timed(() => updateStudySettings('main', { ...settings, scheduler }));
    let clock = NOW.getTime();
    /** 100 cards answered Good, as the review page does; p95 of "next card" and "answer it". */
    const session = async () => {
      const next: { ms: number; cpuMs: number }[] = [];
      const answer: { ms: number; cpuMs: number }[] = [];
      for (let i = 0; i < 100; i++, clock += 15_000) {
        const now = new Date(clock);
        let item: Awaited<ReturnType<typeof getNextReviewItem>> = null;
        next.push(await timed(async () => { item = await getNextReviewItem('main', now); }));
        if (!item) break;
        const { cardId, version } = item;
        answer.push(await timed(() => recordAnswer('main', { cardId, grade: 4, answerId: crypto.randomUUID(), version, timeTakenMs: 4000 }, now)));
      }
      const p95 = (xs: { ms: number; cpuMs: number }[]) => ({ ms: percentile(xs.map((x) => x.ms), 95), cpuMs: percentile(xs.map((x) => x.cpuMs), 95) });
      return { next: p95(next), answer: p95(answer), n: answer.length };
    };

    const results: boolean[] = [];
    // Under SM-2 first: each answer also builds FSRS's memory of its card from the card's log.
    const sm2 = await session();
    results.push(report(`SM-2: next card, p95 of ${sm2.n}`, sm2.next.ms, 10, sm2.next.cpuMs));
    results.push(report(`SM-2: answer (fills FSRS from the log), p95`, sm2.answer.ms, 10, sm2.answer.cpuMs));
    const first = await use('fsrs');
    results.push(report('first switch to FSRS (replays the whole log)', first.ms, 10_000, first.cpuMs));
    const back = await use('sm2');
    results.push(report('switch back to SM-2', back.ms, 1_000, back.cpuMs));
    const again = await use('fsrs');
    results.push(report('switch to FSRS again (nothing to replay)', again.ms, 1_000, again.cpuMs));
    const fsrs = await session();
    results.push(report(`FSRS: next card, p95 of ${fsrs.n}`, fsrs.next.ms, 10, fsrs.next.cpuMs));
    results.push(report('FSRS: answer, p95', fsrs.answer.ms, 10, fsrs.answer.cpuMs));
    await prisma.$disconnect();
    process.exitCode = results.every(Boolean) ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
