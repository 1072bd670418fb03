/**
 * Search and reading-view benchmark: `npm run bench:search`.
 *
 * Ingests ../shared/notes (relative to the project root) into a fresh temporary SQLite database
 * (every migration applied, like `prisma migrate deploy`) with the app's pipeline (ingestNote +
 * writeDecks), then times, through the same lib/db functions the pages use:
 * - 50 varied queries (words, prefixes, phrases, punctuation, no-hit), warm, several passes: p50/p95
 *   (goal p95 <= 20 ms);
 * - the concept page of the largest concept: its data plus its markdown and card answers rendered
 *   (goal <= 100 ms);
 * - the topic tree with a user's card counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from '../prisma/apply-migrations';

const root = path.resolve(import.meta.dirname, '..');
const notesSource = path.resolve(root, '../shared/notes');
const PASSES = 5;

const QUERIES = [
  // single words
  'cache', 'redis', 'database', 'replication', 'consistency', 'latency', 'partition', 'queue', 'kafka', 'index',
  'throughput', 'availability', 'transaction', 'websocket', 'shard',
  // prefixes, as typed
  'c', 'ca', 'cach', 'repl', 'con', 'dyn', 'ka', 'th', 'iso', 'lo',
  // several words
  'consistent hashing', 'load balancer', 'rate limit', 'read write', 'eventual consistency', 'leader election',
  'two phase commit', 'message queue retry', 'sql vs nosql', 'pre signed url upload',
  // punctuation, case, syntax
  'write-through', 'p99.9', 'C++', '(cache)', 'key:value', "what's", '"quoted" OR', 'CAP?', 'REDIS*', 'base62 [A-Z]',
  // nothing to find
  'zzqxv', 'flibbertigibbet', 'xylophone orchestra', '***', '',
];

function freshDatabase(dir: string): string {
  const file = path.join(dir, 'bench.db');
  const db = new Database(file);
  applyMigrations(db);
  db.close();
  return `file:${file}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-bench-search-'));
  const url = freshDatabase(dir);
  // Before lib/db is imported, so that nothing can touch the developer's database.
  process.env.DATABASE_URL = url;
  const { createPrisma } = await import('../lib/db/client');
  const { writeDecks } = await import('../lib/db/deck-writer');
  const { ingestNote } = await import('../lib/ingest/ingest-note');
  const { collectNotes, readNote } = await import('../lib/notes/read-notes');
  const { searchNotes } = await import('../lib/db/search');
  const { getConceptPage, getTopicTree } = await import('../lib/db/topics');
  const { renderMarkdown, renderNoteSection } = await import('../lib/render/markdown');

  const prisma = createPrisma(url);
  const files = await collectNotes([notesSource]);
  const [ingestMs] = await time(async () => {
    const decks = [];
    for (const { file, storedPath } of files) {
      const result = ingestNote({ ...(await readNote(file)), storedPath });
      if (!result.ok) throw new Error(`${result.error.file}:${result.error.line}: ${result.error.message}`);
      decks.push({ deck: result.deck, storedPath });
    }
    await writeDecks(prisma, decks, new Date());
  });
  const [counts] = await prisma.$queryRawUnsafe<{ concepts: bigint; cards: bigint; indexed: bigint }[]>(
    `SELECT (SELECT COUNT(*) FROM "Concept") AS concepts, (SELECT COUNT(*) FROM "Card") AS cards, (SELECT COUNT(*) FROM "SearchIndex") AS indexed`,
  );
  console.log(`notes: ${files.length} files from ${notesSource}, ingested in ${ingestMs.toFixed(0)} ms`);
  console.log(`deck: ${counts.concepts} concepts, ${counts.cards} cards, ${counts.indexed} rows in SearchIndex\n`);

  // Search: one warm-up pass, then PASSES timed passes over every query.
  const user = await prisma.user.create({ data: { email: 'bench@example.com', passwordHash: 'x' } });
  for (const q of QUERIES) await searchNotes(user.id, q);
  const timings: number[] = [];
  const perQuery = new Map<string, { worst: number; hits: number }>();
  for (let pass = 0; pass < PASSES; pass++) {
    for (const q of QUERIES) {
      const [elapsed, hits] = await time(() => searchNotes(user.id, q));
      timings.push(elapsed);
      const seen = perQuery.get(q);
      perQuery.set(q, { worst: Math.max(seen?.worst ?? 0, elapsed), hits: hits.length });
    }
  }
  timings.sort((a, b) => a - b);
  console.log(`search: ${QUERIES.length} queries x ${PASSES} passes (searchNotes, 20 results, highlight + snippet)`);
  console.log(`  p50 ${ms(percentile(timings, 50))}, p95 ${ms(percentile(timings, 95))}, max ${ms(timings[timings.length - 1])}  (goal p95 <= 20 ms)`);
  const slowest = [...perQuery.entries()].sort((a, b) => b[1].worst - a[1].worst).slice(0, 5);
  console.log(`  slowest: ${slowest.map(([q, s]) => `${JSON.stringify(q)} ${ms(s.worst)} (${s.hits} hits)`).join(', ')}`);
  const empty = QUERIES.filter((q) => perQuery.get(q)?.hits === 0);
  console.log(`  no hits: ${empty.map((q) => JSON.stringify(q)).join(', ')}\n`);

  // The concept page of the largest concept: data + rendered markdown, as the page does it.
  const [largest] = await prisma.$queryRawUnsafe<{ id: string; title: string; size: number }[]>(
    `SELECT "id", "title", LENGTH("body") AS size FROM "Concept" WHERE "status" = 'active' ORDER BY LENGTH("body") DESC LIMIT 1`,
  );
  const renderPage = async () => {
    const page = await getConceptPage(user.id, largest.id);
    if (!page) throw new Error('largest concept not found');
    return [renderNoteSection(page.body, page.startLine), ...page.cards.map((card) => renderMarkdown(card.answer))].join('').length;
  };
  const [coldMs, htmlChars] = await time(renderPage);
  const pageTimes: number[] = [];
  for (let i = 0; i < 20; i++) pageTimes.push((await time(renderPage))[0]);
  pageTimes.sort((a, b) => a - b);
  console.log(`concept page: largest concept "${largest.title}" (${largest.size} chars of markdown, ${htmlChars} chars of HTML)`);
  console.log(`  first ${ms(coldMs)}, then p50 ${ms(percentile(pageTimes, 50))}, max ${ms(pageTimes[pageTimes.length - 1])}  (goal <= 100 ms)\n`);

  const treeTimes: number[] = [];
  for (let i = 0; i < 10; i++) treeTimes.push((await time(() => getTopicTree(user.id, new Date())))[0]);
  treeTimes.sort((a, b) => a - b);
  console.log(`topic tree: ${counts.concepts} concepts with card/due/mastery counts, p50 ${ms(percentile(treeTimes, 50))}, max ${ms(treeTimes[treeTimes.length - 1])}`);

  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
