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
import { mulberry32 } from '../lib/quiz/random';
import { buildDatabase, CARDS, LOGS, NOW, OTHER_LOGS, OTHER_USERS, report } from './review-seed';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '300' } } });
const ITERATIONS = Number(values.iterations);

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
