/**
 * Review benchmark: `npm run bench:review [-- --iterations N]`.
 *
 * Builds a temporary database (every migration applied, like `prisma migrate deploy`) holding
 * 100,000 cards in 2,000 concepts from 20 notes, and one learner with review states for the first
 * 95,000 cards in deck order and 1,000,000 review-log entries (plus four lighter learners). Then it
 * times the data-layer functions the app itself calls, through the app's Prisma client:
 * "get the next card" and "answer it" (a real session: mostly Good, some Again, so re-drills,
 * burying and new cards all happen) and "due counts per topic". Prints p50/p95 of each.
 * Goals: next card and answer p95 <= 10 ms, due counts p95 <= 50 ms.
 * BENCH_WAL=1 puts the database in WAL mode first, to compare commit costs (the app's default is
 * SQLite's rollback journal).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyMigrations } from '../prisma/apply-migrations';
import { mulberry32 } from '../lib/quiz/random';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '300' } } });
const ITERATIONS = Number(values.iterations);

const SOURCES = 20;
const CONCEPTS_PER_SOURCE = 100;
const CARDS_PER_CONCEPT = 50;
const CARDS = SOURCES * CONCEPTS_PER_SOURCE * CARDS_PER_CONCEPT;
const SEEN = 95_000;
const LOGS = 1_000_000;
const OTHER_USERS = 4;
const OTHER_SEEN = 2_000;
const OTHER_LOGS = 10_000;
const NOW = new Date('2025-06-15T12:00:00Z');
const DAY_MS = 86_400_000;
/** Share of the main learner's seen cards that are due at NOW. */
const DUE_SHARE = 0.05;

/** The text form Prisma's SQLite adapter stores DateTime columns in. */
const sqlDate = (d: Date) => d.toISOString().replace('Z', '+00:00');
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(8, '0')}`;

function buildDatabase(file: string): void {
  const db = new Database(file);
  applyMigrations(db);
  const rand = mulberry32(42); // seeded: every run builds the same data
  const insert = {
    user: db.prepare(`INSERT INTO "User" ("id", "email", "passwordHash", "newPerDay", "reviewsPerDay") VALUES (?, ?, 'x', ?, ?)`),
    source: db.prepare(`INSERT INTO "Source" ("id", "path", "key", "title", "contentHash", "ingestedAt") VALUES (?, ?, ?, ?, ?, ?)`),
    concept: db.prepare(`INSERT INTO "Concept" ("id", "key", "sourceId", "parentId", "headingPath", "title", "depth", "order", "body", "startLine", "endLine")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Body text of the concept.', ?, ?)`),
    card: db.prepare(`INSERT INTO "Card" ("id", "key", "conceptId", "kind", "question", "answer", "sourceLine", "order", "updatedAt")
      VALUES (?, ?, ?, 'qa', ?, 'An answer with **markdown**.', ?, ?, ?)`),
    state: db.prepare(`INSERT INTO "ReviewState" ("userId", "cardId", "repetitions", "intervalDays", "easeFactor", "due", "lapses", "lastReviewedAt", "introducedAt", "version")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    log: db.prepare(`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "grade", "reviewedAt", "timeTakenMs", "answerId", "kind", "wasNew",
      "prevRepetitions", "prevIntervalDays", "prevEaseFactor", "prevDue", "prevLapses", "repetitions", "intervalDays", "easeFactor", "due", "lapses")
      VALUES (?, ?, ?, ?, ?, 3000, ?, 'review', ?, 0, 0, 2.5, ?, 0, 1, 1, 2.5, ?, 0)`),
  };
  const ingested = sqlDate(new Date(NOW.getTime() - 30 * DAY_MS));
  db.transaction(() => {
    insert.user.run('main', 'main@example.com', 100, 200);
    for (let u = 0; u < OTHER_USERS; u++) insert.user.run(id('user', u), `other${u}@example.com`, 20, 200);
    let card = 0;
    for (let s = 0; s < SOURCES; s++) {
      const sourceId = id('src', s);
      const notePath = `notes/${String(s).padStart(2, '0')}.md`;
      insert.source.run(sourceId, notePath, notePath, `Note ${s}`, `hash${s}`, ingested);
      for (let c = 0; c < CONCEPTS_PER_SOURCE; c++) {
        const n = s * CONCEPTS_PER_SOURCE + c;
        // A tree per note: concept 0 is the note's title, 1-9 its sections, the rest subsections.
        const parent = c === 0 ? null : id('con', s * CONCEPTS_PER_SOURCE + (c < 10 ? 0 : 1 + (c % 9)));
        const depth = c === 0 ? 1 : c < 10 ? 2 : 3;
        insert.concept.run(id('con', n), `key-con-${n}`, sourceId, parent, JSON.stringify([`Note ${s}`, `Topic ${n}`]), `Topic ${n}`, depth, c, c * 60, c * 60 + 59);
        for (let k = 0; k < CARDS_PER_CONCEPT; k++, card++) {
          insert.card.run(id('card', card), `key-card-${card}`, id('con', n), `Question ${card}?`, c * 60 + k + 1, c * CARDS_PER_CONCEPT + k, ingested);
        }
      }
    }
    const addLearner = (userId: string, seen: number, logs: number) => {
      for (let i = 0; i < seen; i++) {
        const due = rand() < DUE_SHARE
          ? new Date(NOW.getTime() - Math.floor(rand() * 30) * DAY_MS - DAY_MS / 2)
          : new Date(NOW.getTime() + Math.ceil(rand() * 200) * DAY_MS);
        const last = new Date(NOW.getTime() - Math.ceil(1 + rand() * 60) * DAY_MS);
        insert.state.run(userId, id('card', i), 3, 30, 2.5, sqlDate(due), Math.floor(rand() * 3), sqlDate(last), sqlDate(new Date(NOW.getTime() - 700 * DAY_MS)), 5);
      }
      for (let i = 0; i < logs; i++) {
        const at = sqlDate(new Date(NOW.getTime() - DAY_MS - Math.floor(rand() * 700 * DAY_MS)));
        insert.log.run(`${userId}-log-${i}`, userId, id('card', i % seen), 3 + Math.floor(rand() * 3), at, `${userId}-answer-${i}`, i < seen ? 1 : 0, at, at);
      }
    };
    addLearner('main', SEEN, LOGS);
    for (let u = 0; u < OTHER_USERS; u++) addLearner(id('user', u), OTHER_SEEN, OTHER_LOGS);
  })();
  db.exec('ANALYZE');
  if (process.env.BENCH_WAL) db.pragma('journal_mode = WAL');
  db.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(name: string, samples: number[], goalMs: number): boolean {
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const ok = p95 <= goalMs;
  console.log(`${name.padEnd(24)} n=${String(samples.length).padStart(4)}  p50 ${p50.toFixed(2).padStart(6)} ms  p95 ${p95.toFixed(2).padStart(6)} ms  (goal p95 <= ${goalMs} ms) ${ok ? 'ok' : 'MISSED'}`);
  return ok;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-bench-review-'));
  const file = path.join(dir, 'bench.db');
  try {
    let t = performance.now();
    buildDatabase(file);
    console.log(`built ${CARDS.toLocaleString()} cards, ${(LOGS + OTHER_USERS * OTHER_LOGS).toLocaleString()} log entries in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    process.env.DATABASE_URL = `file:${file}`;
    const { prisma } = await import('../lib/db/client');
    const { getNextReviewItem, getDueCountsByConcept, getDueSummary } = await import('../lib/db/review');
    const { recordAnswer } = await import('../lib/db/review-answer');

    t = performance.now();
    await getDueSummary('main', NOW);
    console.log(`first load after an ingest (finds the new-card frontier from scratch): ${(performance.now() - t).toFixed(1)} ms`);

    const next: number[] = [];
    const nextByQueue: Record<string, number[]> = { review: [], new: [], redrill: [] };
    const answer: number[] = [];
    const queues = { review: 0, new: 0, redrill: 0 };
    const rand = mulberry32(7);
    for (let i = 0; i < ITERATIONS; i++) {
      const now = new Date(NOW.getTime() + i * 15_000);
      t = performance.now();
      const item = await getNextReviewItem('main', now);
      next.push(performance.now() - t);
      if (!item) throw new Error(`the queue ran dry after ${i} cards`);
      queues[item.queue]++;
      nextByQueue[item.queue].push(next[next.length - 1]);
      t = performance.now();
      await recordAnswer('main', { cardId: item.cardId, grade: rand() < 0.15 ? 1 : 4, answerId: crypto.randomUUID(), version: item.version, timeTakenMs: 4000 }, now);
      answer.push(performance.now() - t);
    }
    const counts: number[] = [];
    let topics = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      t = performance.now();
      topics = (await getDueCountsByConcept('main', NOW)).size;
      counts.push(performance.now() - t);
    }
    const summary: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      t = performance.now();
      await getDueSummary('main', new Date(NOW.getTime() + ITERATIONS * 15_000));
      summary.push(performance.now() - t);
    }
    await prisma.$disconnect();

    console.log(`session of ${ITERATIONS} cards: ${queues.review} reviews, ${queues.new} new, ${queues.redrill} re-drills; due counts cover ${topics} topics`);
    const ok = [
      report('get the next card', next, 10),
      ...Object.entries(nextByQueue).map(([queue, samples]) => (report(`  of which ${queue}`, samples, 10), true)),
      report('answer it', answer, 10),
      report('due counts per topic', counts, 50),
      report('home page due summary', summary, 50),
    ].every(Boolean);
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
