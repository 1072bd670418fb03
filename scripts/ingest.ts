import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildExport } from '../lib/ingest/export';
import { ingestNote } from '../lib/ingest/ingest-note';
import type { NoteDeck } from '../lib/ingest/types';
import { collectNotePaths, NoteReadError, readNote, storedPath } from '../lib/notes/read-notes';

const USAGE = 'usage: npm run ingest -- [--dry-run] [--json out.json] <files or folders>';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }

  const decks: NoteDeck[] = [];
  const failures: string[] = [];
  for (const file of await collectNotePaths(positionals)) {
    try {
      const result = ingestNote(await readNote(file));
      if (result.ok) decks.push(result.deck);
      else failures.push(`${result.error.file}:${result.error.line}: ${result.error.message}`);
    } catch (error) {
      if (!(error instanceof NoteReadError)) throw error;
      failures.push(error.message);
    }
  }
  if (failures.length > 0) {
    for (const failure of failures) console.error(`error: ${failure}`);
    console.error('Nothing was written: fix or leave out the files above and run again.');
    return 1;
  }
  for (const deck of decks) {
    for (const w of deck.warnings) console.warn(`warning: ${w.file}:${w.line}: ${w.message}`);
  }

  if (values.json) {
    await writeFile(values.json, JSON.stringify(buildExport(decks), null, 2));
    console.log(`Wrote ${values.json}`);
  }
  if (values['dry-run']) {
    for (const deck of decks) console.log(`${deck.file}: ${deck.concepts.length} concepts, ${deck.cards.length} cards`);
    return 0;
  }

  // Loaded only for a real run, so a dry run never opens the database.
  const { ingestDecks } = await import('../lib/db/ingest');
  const summaries = await ingestDecks(decks.map((deck) => ({ deck, storedPath: storedPath(deck.file) })), new Date());
  for (const s of summaries) {
    const what = s.status === 'unchanged' ? 'unchanged file' : `${s.concepts} concepts`;
    console.log(`${s.file}: ${what}; cards ${s.created} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.retired} retired`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
