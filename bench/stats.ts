/**
 * Statistics benchmark: `npm run bench:stats [-- --iterations N]`.
 *
 * Builds the review benchmark's database (bench/review-seed.ts: 100,000 cards, one learner with
 * 95,000 review states and 1,000,000 review-log entries over 700 days), plus another user's private
 * notes (25,000 cards, all reviewed by their owner) that the learner must not see, and times the
 * statistics page's queries through the app's Prisma client: reviews per study day for the heatmap
 * and true retention (a year of the log), cards due per day for the forecast, cards by state per
 * concept, and the whole page's data together. Prints p50/p95 of each, after a first load that
 * fills the statistics cache (ReviewStatsSlot) from the whole log. Goal: p95 <= 100 ms. Each line
 * also gives the process CPU time, which a machine busy with other work inflates far less.
 *
 * Without ANALYZE, as the app's own database: SQLite plans with its defaults there, and so here.
 * Fails if the learner's statistics show any of the other user's topics or cards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { forecastRanges, heatmapRanges } from '../lib/stats/calendar';
import { totalCards } from '../lib/stats/card-states';
import {
  buildDatabase,
  CARDS,
  CARDS_PER_CONCEPT,
  CONCEPTS_PER_SOURCE,
  LOGS,
  NOW,
  OTHER_LOGS,
  OTHER_USERS,
  PRIVATE_TITLE,
  report,
} from './review-seed';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '100' } } });
const ITERATIONS = Number(values.iterations);
const PRIVATE_SOURCES = 5;

interface Samples {
  wall: number[];
  /** Process CPU time (user + system): what the query costs when the machine is shared and busy. */
  cpu: number[];
}

async function time(samples: Samples, fn: () => Promise<unknown>): Promise<void> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await fn();
  samples.wall.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  samples.cpu.push((used.user + used.system) / 1000);
}

function reportBoth(name: string, samples: Samples, goalMs: number): boolean {
  const ok = report(name, samples.wall, goalMs);
  report('  cpu time', samples.cpu, goalMs);
  return ok;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-bench-stats-'));
  const file = path.join(dir, 'bench.db');
  try {
    const t = performance.now();
    buildDatabase(file, { analyze: false, privateSources: PRIVATE_SOURCES });
    const privateCards = PRIVATE_SOURCES * CONCEPTS_PER_SOURCE * CARDS_PER_CONCEPT;
    console.log(`built ${CARDS.toLocaleString()} cards (+${privateCards.toLocaleString()} private to another user), ${(LOGS + OTHER_USERS * OTHER_LOGS).toLocaleString()} log entries in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    process.env.DATABASE_URL = `file:${file}`;
    const { prisma } = await import('../lib/db/client');
    const { cardStatesByConcept, dueCountsByDay, getStudyStats, reviewCountsByDay } = await import('../lib/db/stats');
    const calendar = { timeZone: 'UTC', rolloverHour: 4 };
    const days = heatmapRanges(NOW, calendar);
    const ahead = forecastRanges(NOW, calendar);

    const fresh = (): Samples => ({ wall: [], cpu: [] });
    const samples = { days: fresh(), forecast: fresh(), states: fresh(), page: fresh() };
    let first = performance.now();
    await getStudyStats('main', NOW);
    first = performance.now() - first;
    console.log(`first load (fills the statistics cache from the whole log): ${first.toFixed(0)} ms`);
    for (let i = 0; i < ITERATIONS; i++) {
      await time(samples.days, () => reviewCountsByDay('main', days, NOW));
      await time(samples.forecast, () => dueCountsByDay('main', ahead));
      await time(samples.states, () => cardStatesByConcept('main'));
      await time(samples.page, () => getStudyStats('main', NOW));
    }
    const stats = await getStudyStats('main', NOW);
    await prisma.$disconnect();

    const retention = stats.retentionOverall === null ? 'none' : `${(stats.retentionOverall * 100).toFixed(1)} %`;
    console.log(
      `heatmap: ${stats.heatmap.total.toLocaleString()} reviews on ${stats.heatmap.activeDays} days; true retention ${retention}; ` +
        `${stats.forecast.reduce((a, d) => a + d.due, 0).toLocaleString()} due in ${stats.forecast.length} days; ${stats.topics.length} topics`,
    );
    const ok = [
      reportBoth(`reviews per day (${days.length} d)`, samples.days, 100),
      reportBoth(`due per day (${ahead.length} d)`, samples.forecast, 100),
      reportBoth('cards by state', samples.states, 100),
      reportBoth('whole stats page', samples.page, 100),
    ].every(Boolean);
    process.exitCode = ok ? 0 : 1;
    // The learner reads the shared deck alone: its cards, and none of the other user's topics.
    const leakedTopics = stats.topics.filter((topic) => topic.title.startsWith(PRIVATE_TITLE)).length;
    const cards = totalCards(stats.states);
    if (leakedTopics > 0 || cards !== CARDS) {
      console.log(`LEAK: ${leakedTopics} private topics of another user, ${cards.toLocaleString()} cards by state instead of ${CARDS.toLocaleString()}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
