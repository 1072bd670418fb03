/**
 * Ingestion quality report: runs ingestNote on every note in a folder and measures the decks
 * against bench/gold/<note file name>.json where there is one, and on any folder without gold:
 * coverage of the note's informative blocks (bench/coverage.ts), cards per KB, and the share of
 * questions that name their subject.
 *
 *   tsx bench/eval-ingest.ts [--notes DIR] [--sample N] [--seed S] [--verbose] [--json FILE]
 *
 * --notes DIR   folder of notes (default: ../shared/notes next to the project root)
 * --sample N    print N cards chosen with a seeded PRNG (topic path, question, answer)
 * --seed S      seed for --sample (default 1)
 * --verbose     per note, list missed topics/facts and up to 20 each of garbage cards, uncovered
 *               blocks and questions that do not name their subject
 * --json FILE   also write the per-note and overall figures to FILE, to diff runs
 *
 * It is a report: it exits 0 whatever the figures are (2 only for bad arguments).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ingestNote as IngestNote } from '../lib/ingest/ingest-note';
import type { cleanNote as CleanNote } from '../lib/ingest/clean';
import type { decodeNoteText as DecodeNoteText } from '../lib/ingest/clean/decode';
import type { joinLines as JoinLines } from '../lib/ingest/lines';
import type { parseMarkdown as ParseMarkdown } from '../lib/ingest/parse';
import type { CardDraft, ConceptDraft } from '../lib/ingest/types';
import type { collectNotePaths as CollectNotePaths, readNote as ReadNote } from '../lib/notes/read-notes';
import { type Block, type CoverageSummary, EXCLUSION_REASONS, type ExclusionReason, measureCoverage, noteBlocks } from './coverage';
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
  subjectSummary,
  topicRecall,
} from './quality';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_NOTES = path.resolve(PROJECT_ROOT, '../shared/notes');
const GOLD_DIR = path.join(import.meta.dirname, 'gold');

/** Recall targets apply where there is gold; coverage, garbage and duplicates (issue 10) everywhere. */
const TARGETS = { topicRecall: 0.9, factRecall: 0.8, coverage: 0.9, garbage: 0, duplicates: 0.01 };
const MAX_SHOWN = 20;
const BLOCK_PREVIEW_CHARS = 100;

const USAGE = 'usage: tsx bench/eval-ingest.ts [--notes DIR] [--sample N] [--seed S] [--verbose] [--json FILE]';

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
  /** Block lines are the note's own lines. Absent when the note could not be parsed for blocks. */
  coverage?: CoverageSummary;
  coverageError?: string;
  /** Cards whose question does not name its subject. */
  unnamed: CardDraft[];
}

/** The figures of one note or of the whole folder: what is printed and what --json writes. */
interface Figures {
  concepts: number;
  cards: number;
  warnings: number;
  kinds: Record<string, number>;
  bytes: number;
  topics?: { recalled: number; total: number };
  facts?: { recalled: number; total: number };
  garbage: number;
  byReason: Record<GarbageReason, number>;
  duplicates: number;
  coverage?: Pick<CoverageSummary, 'blocks' | 'informative' | 'covered' | 'chars' | 'coveredChars' | 'excluded'>;
  questions: number;
  namedSubjects: number;
}

function parseCli() {
  const { values } = parseArgs({
    options: {
      notes: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const sample = values.sample === undefined ? 0 : Number(values.sample);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(sample) || sample < 0) throw new Error(`--sample wants a whole number, got ${values.sample}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed wants a whole number, got ${values.seed}`);
  if (values.json === '') throw new Error('--json wants a file name');
  return {
    notes: path.resolve(values.notes ?? DEFAULT_NOTES),
    sample,
    seed,
    json: values.json === undefined ? undefined : path.resolve(values.json),
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
 * The cleaning and parsing steps are loaded too: coverage reads the note as the app sees it.
 */
interface Core {
  ingestNote: typeof IngestNote;
  collectNotePaths: typeof CollectNotePaths;
  readNote: typeof ReadNote;
  decodeNoteText: typeof DecodeNoteText;
  cleanNote: typeof CleanNote;
  joinLines: typeof JoinLines;
  parseMarkdown: typeof ParseMarkdown;
}

async function loadCore(): Promise<Core> {
  const [{ ingestNote }, { collectNotePaths, readNote }, { decodeNoteText }, { cleanNote }, { joinLines }, { parseMarkdown }] = await Promise.all([
    import('../lib/ingest/ingest-note'),
    import('../lib/notes/read-notes'),
    import('../lib/ingest/clean/decode'),
    import('../lib/ingest/clean'),
    import('../lib/ingest/lines'),
    import('../lib/ingest/parse'),
  ]);
  return { ingestNote, collectNotePaths, readNote, decodeNoteText, cleanNote, joinLines, parseMarkdown };
}

/**
 * The note's blocks, read independently of the extractor: decoded, cleaned and parsed as
 * ingestNote does, then split by bench/coverage. Lines are mapped back to the note as written.
 */
function blocksOf(core: Core, text: string): Block[] {
  const decoded = core.decodeNoteText(text);
  if (!decoded.ok) return [];
  const lines = core.cleanNote(decoded.text);
  const origin = (line: number) => lines[Math.min(lines.length, Math.max(1, line)) - 1]?.origin ?? line;
  return noteBlocks(core.parseMarkdown(core.joinLines(lines))).map((block) => ({ ...block, line: origin(block.line) }));
}

async function evaluate(core: Core, file: string): Promise<NoteResult> {
  const note = await core.readNote(file);
  const empty = { concepts: [], cards: [], warnings: 0, garbage: 0, duplicates: 0, unnamed: [] };
  const byReason = garbageSummary([]).byReason;
  const bytes = Buffer.byteLength(note.text, 'utf8');
  const start = performance.now();
  let result: ReturnType<typeof IngestNote>;
  try {
    result = core.ingestNote(note);
  } catch (error) {
    const ms = performance.now() - start;
    return { file, bytes, ms, error: `threw: ${messageOf(error)}`, ...empty, byReason };
  }
  const ms = performance.now() - start;
  if (!result.ok) {
    const { line, message } = result.error;
    return { file, bytes, ms, error: `line ${line}: ${message}`, ...empty, byReason };
  }
  const { concepts, cards, warnings } = result.deck;
  const gold = loadGold(file);
  const summary = garbageSummary(cards);
  let coverage: CoverageSummary | undefined;
  let coverageError: string | undefined;
  try {
    coverage = measureCoverage(blocksOf(core, note.text), cards);
  } catch (error) {
    coverageError = messageOf(error);
  }
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
    coverage,
    coverageError,
    unnamed: subjectSummary(cards).unnamed,
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function kindsOf(cards: readonly CardDraft[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of cards) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return counts;
}

function noteFigures(r: NoteResult): Figures {
  return {
    concepts: r.concepts.length,
    cards: r.cards.length,
    warnings: r.warnings,
    kinds: kindsOf(r.cards),
    bytes: r.bytes,
    topics: r.topics && { recalled: r.topics.recalled, total: r.topics.total },
    facts: r.facts && { recalled: r.facts.recalled, total: r.facts.total },
    garbage: r.garbage,
    byReason: r.byReason,
    duplicates: r.duplicates,
    coverage: r.coverage && {
      blocks: r.coverage.blocks,
      informative: r.coverage.informative,
      covered: r.coverage.covered,
      chars: r.coverage.chars,
      coveredChars: r.coverage.coveredChars,
      excluded: r.coverage.excluded,
    },
    questions: r.cards.length,
    namedSubjects: r.cards.length - r.unnamed.length,
  };
}

/** Sums of the notes' figures: every overall rate is micro-averaged (over items, not notes). */
function overallFigures(notes: Figures[]): Figures {
  const sum = (f: (n: Figures) => number, of = notes) => of.reduce((s, n) => s + f(n), 0);
  const sumRecord = <K extends string>(keys: readonly K[], f: (n: Figures) => Record<K, number>, of = notes) =>
    Object.fromEntries(keys.map((k) => [k, sum((n) => f(n)[k], of)])) as Record<K, number>;
  const withGold = notes.filter((n) => n.topics && n.facts);
  const measured = notes.filter((n) => n.coverage);
  const kinds = [...new Set(notes.flatMap((n) => Object.keys(n.kinds)))];
  return {
    concepts: sum((n) => n.concepts),
    cards: sum((n) => n.cards),
    warnings: sum((n) => n.warnings),
    kinds: sumRecord(kinds, (n) => ({ ...Object.fromEntries(kinds.map((k) => [k, 0])), ...n.kinds })),
    bytes: sum((n) => n.bytes),
    topics: withGold.length ? { recalled: sum((n) => n.topics!.recalled, withGold), total: sum((n) => n.topics!.total, withGold) } : undefined,
    facts: withGold.length ? { recalled: sum((n) => n.facts!.recalled, withGold), total: sum((n) => n.facts!.total, withGold) } : undefined,
    garbage: sum((n) => n.garbage),
    byReason: sumRecord(GARBAGE_REASONS, (n) => n.byReason),
    duplicates: sum((n) => n.duplicates),
    coverage: measured.length
      ? {
          blocks: sum((n) => n.coverage!.blocks, measured),
          informative: sum((n) => n.coverage!.informative, measured),
          covered: sum((n) => n.coverage!.covered, measured),
          chars: sum((n) => n.coverage!.chars, measured),
          coveredChars: sum((n) => n.coverage!.coveredChars, measured),
          excluded: sumRecord(EXCLUSION_REASONS, (n) => n.coverage!.excluded, measured),
        }
      : undefined,
    questions: sum((n) => n.questions),
    namedSubjects: sum((n) => n.namedSubjects),
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

const rate = (n: number, d: number) => (d === 0 ? null : n / d);
const ratio = (n: number, d: number) => (d === 0 ? 'n/a' : (n / d).toFixed(3));
const mark = (ok: boolean) => (ok ? 'ok' : 'MISS');
const pad = (s: string, n: number) => s.padEnd(n);
const kbOf = (bytes: number) => bytes / 1024;

function line(label: string, figure: string, detail: string, target?: string, ok?: boolean): string {
  const goal = target === undefined ? '' : `target ${target}  ${mark(ok ?? false)}`;
  return `  ${pad(label, 14)} ${pad(figure, 7)} ${pad(detail, 22)} ${goal}`.trimEnd();
}

function kindCounts(kinds: Record<string, number>): string {
  return Object.entries(kinds).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(' · ') || '-';
}

function reasonCounts<K extends string>(keys: readonly K[], counts: Record<K, number>): string {
  return keys.filter((r) => counts[r] > 0).map((r) => `${r} ${counts[r]}`).join(' · ');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\r?\n/g, ' ⏎ ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function conceptPath(concepts: ConceptDraft[], conceptKey: string): string {
  return concepts.find((c) => c.key === conceptKey)?.path.join(' › ') ?? conceptKey;
}

/** Whether each target is met; recall only where there is gold, coverage only where measured. */
function targetChecks(f: Figures): { name: string; target: string; ok: boolean }[] {
  const checks: { name: string; target: string; ok: boolean }[] = [];
  if (f.topics) checks.push({ name: 'topic recall', target: `≥ ${TARGETS.topicRecall}`, ok: (rate(f.topics.recalled, f.topics.total) ?? 1) >= TARGETS.topicRecall });
  if (f.facts) checks.push({ name: 'fact recall', target: `≥ ${TARGETS.factRecall}`, ok: (rate(f.facts.recalled, f.facts.total) ?? 1) >= TARGETS.factRecall });
  if (f.coverage) checks.push({ name: 'coverage', target: `≥ ${TARGETS.coverage}`, ok: (rate(f.coverage.covered, f.coverage.informative) ?? 1) >= TARGETS.coverage });
  checks.push({ name: 'garbage', target: `= ${TARGETS.garbage}`, ok: f.garbage === 0 });
  checks.push({ name: 'duplicates', target: `≤ ${TARGETS.duplicates}`, ok: (rate(f.duplicates, f.cards) ?? 0) <= TARGETS.duplicates });
  return checks;
}

function printFigures(f: Figures, out: string[]) {
  const n = f.cards;
  const target = (name: string) => targetChecks(f).find((c) => c.name === name)!;
  const withTarget = (label: string, figure: string, detail: string) => {
    const t = target(label);
    return line(label, figure, detail, t.target, t.ok);
  };
  out.push(line('concepts', String(f.concepts), ''));
  out.push(line('cards', String(n), `warnings ${f.warnings}`));
  out.push(`  ${pad('kinds', 14)} ${kindCounts(f.kinds)}`);
  out.push(line('cards per KB', kbOf(f.bytes) === 0 ? 'n/a' : (n / kbOf(f.bytes)).toFixed(2), `(${kbOf(f.bytes).toFixed(1)} KB)`));
  if (f.topics) out.push(withTarget('topic recall', ratio(f.topics.recalled, f.topics.total), `(${f.topics.recalled}/${f.topics.total})`));
  else out.push(line('topic recall', 'n/a', '(no gold file)'));
  if (f.facts) out.push(withTarget('fact recall', ratio(f.facts.recalled, f.facts.total), `(${f.facts.recalled}/${f.facts.total})`));
  else out.push(line('fact recall', 'n/a', '(no gold file)'));
  if (f.coverage) {
    const c = f.coverage;
    out.push(withTarget('coverage', ratio(c.covered, c.informative), `(${c.covered}/${c.informative} blocks)`));
    out.push(line('char coverage', ratio(c.coveredChars, c.chars), `(${c.coveredChars}/${c.chars})`));
    const excluded = reasonCounts(EXCLUSION_REASONS, c.excluded);
    out.push(`  ${pad('', 14)} ${c.blocks} blocks, ${c.informative} informative${excluded ? `; left out: ${excluded}` : ''}`);
  } else out.push(line('coverage', 'n/a', '(blocks not measured)'));
  out.push(line('names subject', ratio(f.namedSubjects, f.questions), `(${f.namedSubjects}/${f.questions})`));
  out.push(withTarget('garbage', ratio(f.garbage, n), `(${f.garbage} cards)`));
  const reasons = reasonCounts(GARBAGE_REASONS, f.byReason);
  if (reasons) out.push(`  ${pad('', 14)} ${reasons}`);
  out.push(withTarget('duplicates', ratio(f.duplicates, n), `(${f.duplicates} cards)`));
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
    out.push(`  garbage cards (${Math.min(garbage.length, MAX_SHOWN)} of ${garbage.length}):`);
    for (const { card, reasons } of garbage.slice(0, MAX_SHOWN)) {
      out.push(`    - [${reasons.join(', ')}] ${card.kind} @ line ${card.line}`);
      out.push(`        Q: ${oneLine(card.question, 160)}`);
      out.push(`        A: ${oneLine(card.answer, 200)}`);
    }
  }
  const uncovered = r.coverage?.uncovered ?? [];
  if (uncovered.length > 0) {
    out.push(`  uncovered blocks (${Math.min(uncovered.length, MAX_SHOWN)} of ${uncovered.length}):`);
    for (const block of uncovered.slice(0, MAX_SHOWN)) {
      out.push(`    - line ${block.line} ${block.kind}: ${oneLine(block.text, BLOCK_PREVIEW_CHARS)}`);
    }
  }
  if (r.unnamed.length > 0) {
    out.push(`  questions that do not name their subject (${Math.min(r.unnamed.length, MAX_SHOWN)} of ${r.unnamed.length}):`);
    for (const card of r.unnamed.slice(0, MAX_SHOWN)) out.push(`    - line ${card.line} ${card.kind}: ${oneLine(card.question, 160)}`);
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

/** Figures with their rates spelled out, for --json; rates are null where there is nothing to divide. */
function jsonFigures(f: Figures) {
  const c = f.coverage;
  return {
    ...f,
    cardsPerKb: rate(f.cards, kbOf(f.bytes)),
    topicRecall: f.topics ? rate(f.topics.recalled, f.topics.total) : null,
    factRecall: f.facts ? rate(f.facts.recalled, f.facts.total) : null,
    garbageRate: rate(f.garbage, f.cards),
    duplicateRate: rate(f.duplicates, f.cards),
    coverageRate: c ? rate(c.covered, c.informative) : null,
    charCoverageRate: c ? rate(c.coveredChars, c.chars) : null,
    namedSubjectRate: rate(f.namedSubjects, f.questions),
    targets: Object.fromEntries(targetChecks(f).map((t) => [t.name, { target: t.target, ok: t.ok }])),
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli();
  } catch (error) {
    console.error(messageOf(error));
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
    console.log(`Ingestion quality — could not load the ingestion core, nothing measured:\n  ${messageOf(error)}`);
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
      out.push('', `${path.basename(file)}: could not read: ${messageOf(error)}`);
      continue;
    }
    results.push(r);
    out.push('');
    out.push(`== ${path.basename(file)}  (${kbOf(r.bytes).toFixed(1)} KB, ingest ${r.ms.toFixed(0)} ms) ==`);
    if (r.error) {
      out.push(`  INGEST FAILED: ${r.error}`);
      continue;
    }
    printFigures(noteFigures(r), out);
    if (r.coverageError) out.push(`  COVERAGE FAILED: ${r.coverageError}`);
    if (args.verbose) printVerbose(r, out);
  }

  const ok = results.filter((r) => !r.error);
  const perNote = ok.map(noteFigures);
  const overall = overallFigures(perNote);
  const withGold = ok.filter((r) => r.topics && r.facts);
  out.push('');
  out.push(`== overall: ${ok.length} of ${results.length} notes ingested, ${withGold.length} with gold ==`);
  printFigures(overall, out);
  const totalMs = results.reduce((s, r) => s + r.ms, 0);
  const totalKb = kbOf(results.reduce((s, r) => s + r.bytes, 0));
  out.push(`  ${pad('ingest time', 14)} ${totalMs.toFixed(0)} ms wall for ${totalKb.toFixed(0)} KB (${results.map((r) => `${r.ms.toFixed(0)}`).join(' + ')} ms)`);
  const checks = targetChecks(overall);
  out.push(`  ${pad('targets', 14)} ${checks.map((c) => `${c.name} ${c.target} ${mark(c.ok)}`).join(' · ')}`);
  out.push('  (rates are micro-averaged: recall over gold items, coverage over informative blocks, the rest over cards)');

  if (args.sample > 0) printSample(ok, args.sample, args.seed, out);
  console.log(out.join('\n'));

  if (args.json) {
    const notes = results.map((r) => ({
      file: path.basename(r.file),
      ms: Math.round(r.ms),
      ...(r.error ? { error: r.error } : jsonFigures(noteFigures(r))),
      ...(r.coverageError ? { coverageError: r.coverageError } : {}),
    }));
    const report = { notesDir: args.notes, targets: TARGETS, notes, overall: jsonFigures(overall) };
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nfigures written to ${args.json}`);
  }
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
