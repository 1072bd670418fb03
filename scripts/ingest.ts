import { stat, writeFile } from 'node:fs/promises';
import { constants, setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { buildExport } from '../lib/ingest/export';
import type { NoteDeck } from '../lib/ingest/types';
import { prepareRun } from '../lib/notes/ingest-files';
import { collectNotes, folderStoredPath } from '../lib/notes/read-notes';
import { describeSummary, describeWarning } from '../lib/notes/summary';

/**
 * A safety net: should some pathological note make parsing or extraction run away, that note fails
 * with a clear error instead of hanging the run.
 */
const NOTE_TIMEOUT_MS = 60_000;

const USAGE = 'usage: npm run ingest -- [--user email] [--dry-run] [--force] [--json out.json] <files or folders>';

/**
 * A progress bar on stderr, only when stderr is a terminal (never in logs or pipes). Each file
 * counts three steps: read, parsed (or skipped as unchanged), written.
 */
function progress(total: number) {
  if (!process.stderr.isTTY || total === 0) return { step: (_file: string) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'ingest [{bar}] {percentage}% | {value}/{total} steps | {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return { step: (file: string) => bar.increment({ file }), stop: () => bar.stop() };
}

/**
 * An ingest is a batch job that may share the machine with the app's server (a re-ingest while
 * learners review): it runs below normal CPU priority, and so do its parsing threads (started
 * later, they inherit it), so the server's requests go first. On an idle machine it is as fast.
 */
function yieldToInteractiveWork(): void {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted here: run at the normal priority.
  }
}

async function main(): Promise<number> {
  yieldToInteractiveWork();
  const { values, positionals } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      // Re-parse files even when their content hash is unchanged (after the extractor changed).
      force: { type: 'boolean', default: false },
      json: { type: 'string' },
      // Whose deck: the user with this email; without it, the shared starter deck.
      user: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const dryRun = values['dry-run'];
  const files = await collectNotes(positionals);

  // Unchanged files are skipped before parsing; a dry run or an export needs every deck and never
  // opens the database.
  const writes = !dryRun;
  const db = writes ? await import('../lib/db/ingest') : null;
  try {
    let ownerId: string | null = null;
    if (db && values.user !== undefined) {
      ownerId = await db.userIdByEmail(values.user);
      if (ownerId === null) {
        console.error(`error: --user ${values.user}: no account with this email (sign up in the app first)`);
        console.error('Nothing was written.');
        return 1;
      }
    }
    const known =
      db && !values.force && !values.json ? await db.contentHashesOf(files.map((f) => f.storedPath), ownerId) : undefined;
    const bar = progress(files.length * (writes ? 3 : 2));
    const run = await prepareRun(files, { known, timeoutMs: NOTE_TIMEOUT_MS, onStep: (file) => bar.step(file) });
    if (run.failures.length > 0) {
      bar.stop();
      for (const failure of run.failures) console.error(`error: ${failure}`);
      console.error('Nothing was written: fix or leave out the files above and run again.');
      return 1;
    }

    if (values.json) {
      await writeFile(values.json, JSON.stringify(buildExport(run.decks), null, 2));
    }
    if (!db) {
      bar.stop();
      if (values.json) console.log(`Wrote ${values.json}`);
      for (const deck of run.decks) {
        console.log(`${deck.file}: ${deck.concepts.length} concepts, ${deck.cards.length} cards`);
        printWarnings(deck);
      }
      return 0;
    }

    const folders = await foldersAmong(positionals);
    let written = 0;
    const result = await db
      .ingestRun(run.entries, new Date(), {
        ownerId,
        force: values.force,
        onFileWritten: (file) => {
          written++;
          bar.step(file);
        },
        folders: folders.map(folderStoredPath),
      })
      .catch((error: unknown) => {
        bar.stop();
        if (error instanceof db.IngestRejectedError) {
          for (const problem of error.problems) console.error(`error: ${problem}`);
          console.error('Nothing was written: fix or leave out the files above and run again.');
        } else {
          // Every file is its own transaction: those before the failure are in, the rest are not.
          console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
          console.error(`${written} of ${run.entries.length} files were written; run the same command again to finish.`);
        }
        return null;
      });
    if (!result) return 1;
    bar.stop();
    if (values.json) console.log(`Wrote ${values.json}`);
    const decks = new Map(run.decks.map((deck) => [deck.file, deck]));
    for (const s of result.summaries) {
      console.log(describeSummary(s));
      const deck = decks.get(s.file);
      if (deck) printWarnings(deck);
    }
    return 0;
  } finally {
    await db?.disconnect();
  }
}

/** The inputs that are folders: notes missing from them were deleted. */
async function foldersAmong(inputs: string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const input of inputs) if ((await stat(input)).isDirectory()) folders.push(input);
  return folders;
}

function printWarnings(deck: NoteDeck): void {
  for (const w of deck.warnings) console.warn(`  warning: ${describeWarning(w)}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Nothing was written.');
    process.exit(1);
  },
);
