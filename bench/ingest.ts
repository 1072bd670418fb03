/**
 * Ingest benchmark: `npm run bench:ingest [-- --workers N] [--workers-only]`.
 *
 * Copies ../shared/notes (relative to the project root) to a temporary folder, ingests it into a
 * fresh temporary SQLite database (every migration applied, like `prisma migrate deploy`), then
 * re-ingests it unchanged, then re-ingests after a small edit to one note, then after renaming
 * that note. Each run is timed end to end (read + hash + parse/extract + write, one short
 * transaction per file), with its breakdown and the longest transaction (the longest a review
 * waits for the ingest).
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyMigrations } from '../prisma/apply-migrations';

const root = path.resolve(import.meta.dirname, '..');
const notesSource = path.resolve(root, '../shared/notes');

function freshDatabase(dir: string): string {
  const file = path.join(dir, 'bench.db');
  const db = new Database(file);
  applyMigrations(db);
  db.close();
  return `file:${file}`;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main() {
  const { values } = parseArgs({
    options: { workers: { type: 'string' }, 'workers-only': { type: 'boolean', default: false } },
  });
  const workers = values.workers ? Number(values.workers) : undefined;
  const mainThread = !values['workers-only'];

  const dir = mkdtempSync(path.join(tmpdir(), 'recall-bench-'));
  const notesDir = path.join(dir, 'notes');
  cpSync(notesSource, notesDir, { recursive: true });
  const url = freshDatabase(dir);
  // Before lib/db is imported, so that nothing can touch the developer's database.
  process.env.DATABASE_URL = url;
  try {
    await benchmark(dir, url, workers, mainThread);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchmark(dir: string, url: string, workers: number | undefined, mainThread: boolean) {
  const notesDir = path.join(dir, 'notes');
  const { createPrisma } = await import('../lib/db/client');
  const { storedHashes, writeIngestRun } = await import('../lib/db/deck-writer');
  const { prepareRun } = await import('../lib/notes/ingest-files');
  const { collectNotes, folderStoredPath } = await import('../lib/notes/read-notes');
  const prisma = createPrisma(url);

  let files = await collectNotes([notesDir]);
  const bytes = files.reduce((sum, f) => sum + readFileSync(f.file).length, 0);
  console.log(`notes: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB (${notesSource})`);
  console.log(`database: ${url}`);
  console.log(
    `threads: ${workers ?? `${availableParallelism()} (available parallelism)`}, ` +
      `${mainThread ? 'main thread included' : 'worker threads only'}\n`,
  );

  const run = async (label: string) => {
    const start = performance.now();
    const known = await storedHashes(prisma, files.map((f) => f.storedPath));
    const lookupMs = performance.now() - start;
    const prepared = await prepareRun(files, { known, workers, mainThread });
    if (prepared.failures.length > 0) throw new Error(prepared.failures.join('\n'));
    const startWrite = performance.now();
    const result = await writeIngestRun(prisma, prepared.entries, new Date(), { folders: [folderStoredPath(notesDir)] });
    const writeMs = performance.now() - startWrite;
    const wall = performance.now() - start;
    const parsed = prepared.entries.filter((e) => e.deck).length;
    console.log(`${label}: ${ms(wall)} wall, ${result.rows} rows written`);
    console.log(
      `  hash lookup ${ms(lookupMs)}, read+hash ${ms(prepared.timings.readMs)}, ` +
        `parse+extract ${ms(prepared.timings.parseMs)} (${parsed} of ${files.length} files; ` +
        `${ms(prepared.timings.parseCpuMs)} summed over files), write ${ms(writeMs)} ` +
        `(longest transaction ${ms(result.longestTransactionMs)})`,
    );
    for (const s of result.summaries) {
      console.log(
        `  ${path.basename(s.file)}: ${s.status}${s.movedFrom ? ` (moved from ${s.movedFrom})` : ''}; cards ${s.created} new, ${s.changed} changed, ` +
          `${s.unchanged} unchanged, ${s.retired} retired`,
      );
    }
    return { wall, prepared };
  };

  const first = await run('full ingest (fresh database)');
  await run('re-ingest, nothing changed');

  // A small edit: a few words added to the line of one card, mid-way through the note with the most cards.
  const largest = [...first.prepared.decks].sort((a, b) => b.cards.length - a.cards.length)[0];
  const card = largest.cards[Math.floor(largest.cards.length / 2)];
  const lines = readFileSync(largest.file, 'utf8').split('\n');
  lines[card.line - 1] += ' (edited)';
  writeFileSync(largest.file, lines.join('\n'));
  console.log(`\nedit: ${path.basename(largest.file)}:${card.line} gets " (edited)" appended`);
  await run('re-ingest after a small edit');

  // A rename: the note's cards (and so their review history) must all stay where they are.
  const cardIds = async () => new Set((await prisma.card.findMany({ where: { status: 'active' }, select: { id: true } })).map((c) => c.id));
  const before = await cardIds();
  const renamed = path.join(path.dirname(largest.file), `renamed-${path.basename(largest.file)}`);
  renameSync(largest.file, renamed);
  files = await collectNotes([notesDir]);
  console.log(`\nrename: ${path.basename(largest.file)} -> ${path.basename(renamed)}`);
  await run('re-ingest after a rename');
  const after = await cardIds();
  const kept = [...before].filter((id) => after.has(id)).length;
  console.log(`  active cards kept ${kept} of ${before.size}, new ${[...after].filter((id) => !before.has(id)).length}`);

  const counts = await prisma.$queryRawUnsafe<{ sources: bigint; concepts: bigint; cards: bigint }[]>(
    'SELECT (SELECT COUNT(*) FROM "Source") AS sources, (SELECT COUNT(*) FROM "Concept") AS concepts, (SELECT COUNT(*) FROM "Card") AS cards',
  );
  const c = counts[0];
  console.log(`\ndatabase now: ${c.sources} sources, ${c.concepts} concepts, ${c.cards} cards`);
  await prisma.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
