/**
 * Ingestion quality report: runs ingestNote on every note in a folder and measures the decks
 * against bench/gold/<note file name>.json.
 *
 *   tsx bench/eval-ingest.ts [--notes DIR] [--sample N] [--seed S] [--verbose]
 *
 * --notes DIR   folder of notes (default: ../shared/notes next to the project root)
 * --sample N    print N cards chosen with a seeded PRNG, for a human to read
 * --seed S      seed for --sample (default 1)
 * --verbose     list missed topics/facts and up to 20 garbage cards per note with reasons
 *
 * It is a report: it exits 0 whatever the figures are (2 only for bad arguments).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ingestNote as IngestNote } from '../lib/ingest/ingest-note';
import type { CardDraft, ConceptDraft } from '../lib/ingest/types';
import type { collectNotePaths as CollectNotePaths, readNote as ReadNote } from '../lib/notes/read-notes';
import {
  duplicateCount,
  factRecall,
  GARBAGE_REASONS,
  garbageReasons,
  garbageSummary,
  type GarbageReason,
  type GoldFact,
  type GoldFile,
  type GoldTopic,
  type Recall,
  sampleIndices,
  topicRecall,
} from './quality';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_NOTES = path.resolve(PROJECT_ROOT, '../shared/notes');
const GOLD_DIR = path.join(import.meta.dirname, 'gold');

const TARGETS = { topicRecall: 0.9, factRecall: 0.8, garbage: 0, duplicates: 0.01 };
const MAX_GARBAGE_SHOWN = 20;

const USAGE = 'usage: tsx bench/eval-ingest.ts [--notes DIR] [--sample N] [--seed S] [--verbose]';

interface NoteResult {
  file: string;
  bytes: number;
  ms: number;
  error?: string;
  concepts: ConceptDraft[];
  cards: CardDraft[];
  warnings: number;
  gold?: GoldFile;
  topics?: Recall<GoldTopic>;
  facts?: Recall<GoldFact>;
  garbage: number;
  byReason: Record<GarbageReason, number>;
  duplicates: number;
}

function parseCli() {
  const { values } = parseArgs({
    options: {
      notes: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const sample = values.sample === undefined ? 0 : Number(values.sample);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(sample) || sample < 0) throw new Error(`--sample wants a whole number, got ${values.sample}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed wants a whole number, got ${values.seed}`);
  return {
    notes: path.resolve(values.notes ?? DEFAULT_NOTES),
    sample,
    seed,
    verbose: values.verbose,
    help: values.help,
  };
}

function loadGold(file: string): GoldFile | undefined {
  const goldPath = path.join(GOLD_DIR, `${path.basename(file)}.json`);
  if (!existsSync(goldPath)) return undefined;
  return JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
}

/**
 * The ingestion core is loaded at run time, not imported statically: it is being changed by
 * others, and a half-finished edit should show up as a line in the report, not a stack trace.
 */
interface Core {
  ingestNote: typeof IngestNote;
  collectNotePaths: typeof CollectNotePaths;
  readNote: typeof ReadNote;
}

async function loadCore(): Promise<Core> {
  const [{ ingestNote }, { collectNotePaths, readNote }] = await Promise.all([
    import('../lib/ingest/ingest-note'),
    import('../lib/notes/read-notes'),
  ]);
  return { ingestNote, collectNotePaths, readNote };
}

async function evaluate({ ingestNote, readNote }: Core, file: string): Promise<NoteResult> {
  const note = await readNote(file);
  const empty = { concepts: [], cards: [], warnings: 0, garbage: 0, duplicates: 0 };
  const byReason = garbageSummary([]).byReason;
  const bytes = Buffer.byteLength(note.text, 'utf8');
  const start = performance.now();
  let result: ReturnType<typeof IngestNote>;
  try {
    result = ingestNote(note);
  } catch (error) {
    const ms = performance.now() - start;
    return { file, bytes, ms, error: `threw: ${error instanceof Error ? error.message : String(error)}`, ...empty, byReason };
  }
  const ms = performance.now() - start;
  if (!result.ok) {
    const { line, message } = result.error;
    return { file, bytes, ms, error: `line ${line}: ${message}`, ...empty, byReason };
  }
  const { concepts, cards, warnings } = result.deck;
  const gold = loadGold(file);
  const summary = garbageSummary(cards);
  return {
    file,
    bytes,
    ms,
    concepts,
    cards,
    warnings: warnings.length,
    gold,
    topics: gold ? topicRecall(gold, concepts) : undefined,
    facts: gold ? factRecall(gold, cards) : undefined,
    garbage: summary.garbage,
    byReason: summary.byReason,
    duplicates: duplicateCount(cards),
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

const ratio = (n: number, d: number) => (d === 0 ? 'n/a' : (n / d).toFixed(3));
const mark = (ok: boolean) => (ok ? 'ok' : 'MISS');
const pad = (s: string, n: number) => s.padEnd(n);

function line(label: string, figure: string, detail: string, target?: string, ok?: boolean): string {
  const goal = target === undefined ? '' : `target ${target}  ${mark(ok ?? false)}`;
  return `  ${pad(label, 14)} ${pad(figure, 7)} ${pad(detail, 22)} ${goal}`.trimEnd();
}

function kindCounts(cards: CardDraft[]): string {
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(' · ') || '-';
}

function reasonCounts(byReason: Record<GarbageReason, number>): string {
  return GARBAGE_REASONS.filter((r) => byReason[r] > 0).map((r) => `${r} ${byReason[r]}`).join(' · ');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\r?\n/g, ' ⏎ ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function conceptPath(concepts: ConceptDraft[], conceptKey: string): string {
  return concepts.find((c) => c.key === conceptKey)?.path.join(' › ') ?? conceptKey;
}

function printFigures(
  r: {
    concepts: number;
    cards: CardDraft[];
    warnings: number;
    topics?: { recalled: number; total: number };
    facts?: { recalled: number; total: number };
    garbage: number;
    byReason: Record<GarbageReason, number>;
    duplicates: number;
  },
  out: string[],
) {
  const n = r.cards.length;
  out.push(line('concepts', String(r.concepts), ''));
  out.push(line('cards', String(n), `warnings ${r.warnings}`));
  out.push(`  ${pad('kinds', 14)} ${kindCounts(r.cards)}`);
  if (r.topics) {
    const { recalled, total } = r.topics;
    out.push(line('topic recall', ratio(recalled, total), `(${recalled}/${total})`, `≥ ${TARGETS.topicRecall}`, total === 0 || recalled / total >= TARGETS.topicRecall));
  } else out.push(line('topic recall', 'n/a', '(no gold file)'));
  if (r.facts) {
    const { recalled, total } = r.facts;
    out.push(line('fact recall', ratio(recalled, total), `(${recalled}/${total})`, `≥ ${TARGETS.factRecall}`, total === 0 || recalled / total >= TARGETS.factRecall));
  } else out.push(line('fact recall', 'n/a', '(no gold file)'));
  out.push(line('garbage', ratio(r.garbage, n), `(${r.garbage} cards)`, `= ${TARGETS.garbage}`, r.garbage === 0));
  const reasons = reasonCounts(r.byReason);
  if (reasons) out.push(`  ${pad('', 14)} ${reasons}`);
  out.push(line('duplicates', ratio(r.duplicates, n), `(${r.duplicates} cards)`, `≤ ${TARGETS.duplicates}`, n === 0 || r.duplicates / n <= TARGETS.duplicates));
}

function printVerbose(r: NoteResult, out: string[]) {
  if (r.topics && r.topics.missed.length > 0) {
    out.push(`  missed topics (${r.topics.missed.length}):`);
    for (const t of r.topics.missed) out.push(`    - ${t.title.join(' + ')}`);
  }
  if (r.facts && r.facts.missed.length > 0) {
    out.push(`  missed facts (${r.facts.missed.length}):`);
    for (const f of r.facts.missed) {
      out.push(`    - Q[${f.question.join(' + ')}] A[${f.answer.join(' + ')}]${f.note ? `  — ${f.note}` : ''}`);
    }
  }
  const garbage = r.cards
    .map((card) => ({ card, reasons: garbageReasons(card) }))
    .filter((g) => g.reasons.length > 0);
  if (garbage.length > 0) {
    out.push(`  garbage cards (${Math.min(garbage.length, MAX_GARBAGE_SHOWN)} of ${garbage.length}):`);
    for (const { card, reasons } of garbage.slice(0, MAX_GARBAGE_SHOWN)) {
      out.push(`    - [${reasons.join(', ')}] ${card.kind} @ line ${card.line}`);
      out.push(`        Q: ${oneLine(card.question, 160)}`);
      out.push(`        A: ${oneLine(card.answer, 200)}`);
    }
  }
}

function printSample(results: NoteResult[], n: number, seed: number, out: string[]) {
  const all = results.flatMap((r) => r.cards.map((card) => ({ card, note: r })));
  const picks = sampleIndices(all.length, n, seed);
  out.push('');
  out.push(`== sample: ${picks.length} of ${all.length} cards (seed ${seed}) ==`);
  picks.forEach((index, i) => {
    const { card, note } = all[index];
    out.push('');
    out.push(`#${i + 1}  ${card.kind}  ${path.basename(note.file)}:${card.line}`);
    out.push(`    path: ${conceptPath(note.concepts, card.conceptKey)}`);
    out.push(`    Q: ${oneLine(card.question, 400)}`);
    out.push(`    A: ${oneLine(card.answer, 800)}`);
    const reasons = garbageReasons(card);
    if (reasons.length > 0) out.push(`    garbage: ${reasons.join(', ')}`);
  });
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  let core: Core;
  try {
    core = await loadCore();
  } catch (error) {
    console.log(`Ingestion quality — could not load the ingestion core, nothing measured:\n  ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
  const files = await core.collectNotePaths([args.notes]);
  const out: string[] = [`Ingestion quality — notes: ${args.notes}  (${files.length} files)`];
  const results: NoteResult[] = [];
  for (const file of files) {
    let r: NoteResult;
    try {
      r = await evaluate(core, file);
    } catch (error) {
      out.push('', `${path.basename(file)}: could not read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    results.push(r);
    out.push('');
    out.push(`== ${path.basename(file)}  (${(r.bytes / 1024).toFixed(1)} KB, ingest ${r.ms.toFixed(0)} ms) ==`);
    if (r.error) {
      out.push(`  INGEST FAILED: ${r.error}`);
      continue;
    }
    printFigures({ ...r, concepts: r.concepts.length }, out);
    if (args.verbose) printVerbose(r, out);
  }

  const ok = results.filter((r) => !r.error);
  const sum = (f: (r: NoteResult) => number) => ok.reduce((s, r) => s + f(r), 0);
  const withGold = ok.filter((r) => r.topics && r.facts);
  const byReason = Object.fromEntries(GARBAGE_REASONS.map((g) => [g, sum((r) => r.byReason[g])])) as Record<GarbageReason, number>;
  out.push('');
  out.push(`== overall: ${ok.length} of ${results.length} notes ingested, ${withGold.length} with gold ==`);
  printFigures(
    {
      concepts: sum((r) => r.concepts.length),
      cards: ok.flatMap((r) => r.cards),
      warnings: sum((r) => r.warnings),
      topics: { recalled: sum((r) => r.topics?.recalled ?? 0), total: sum((r) => r.topics?.total ?? 0) },
      facts: { recalled: sum((r) => r.facts?.recalled ?? 0), total: sum((r) => r.facts?.total ?? 0) },
      garbage: sum((r) => r.garbage),
      byReason,
      duplicates: sum((r) => r.duplicates),
    },
    out,
  );
  const totalMs = results.reduce((s, r) => s + r.ms, 0);
  const totalKb = results.reduce((s, r) => s + r.bytes, 0) / 1024;
  out.push(`  ${pad('ingest time', 14)} ${totalMs.toFixed(0)} ms wall for ${totalKb.toFixed(0)} KB (${results.map((r) => `${r.ms.toFixed(0)}`).join(' + ')} ms)`);
  out.push('  (recall figures are micro-averaged over gold items; garbage and duplicates over cards)');

  if (args.sample > 0) printSample(ok, args.sample, args.seed, out);
  console.log(out.join('\n'));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A report: an unexpected failure is printed, not turned into a failing exit code.
    console.error(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(0);
  },
);
