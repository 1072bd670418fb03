import { describe, expect, it } from 'vitest';
import { CARD_KINDS, type NoteInput } from '@/lib/ingest/types';
import { ingestNotes, type NoteOutcome } from '@/lib/notes/ingest-pool';
import { mulberry32 } from '@/lib/quiz/random';

/**
 * Fuzzing ingestNote: thousands of generated malformed notes must each end in a deck or a clear
 * error ({ ok: false } naming the file and a line of it), never a throw or a hang. Notes run in
 * worker threads with a time limit, so a hang fails the test (naming the input) instead of
 * blocking it. Everything is generated from fixed seeds: a failure reproduces exactly.
 */


type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)];

const TOKENS = [
  '# ', '## ', '### ', '###### ', '####### ', '#', '- ', '* ', '+ ', '1. ', '2) ', '> ', '>> ', '    ', '\t',
  '```', '```js', '~~~', '|', '| --- |', '|---|---|', ':--', '--:', '---', '***', '___', '===',
  '::', ' :: ', ':::', '::::', 'Q:', 'A:', 'Q: ', 'Answer:', 'Definition:', ' - ', ' — ', ' = ', ':',
  '**', '__', '*', '_', '`', '``', '~~', '[', ']', '(', ')', '![', '](', '[^1]', '<', '>', '<div>', '</div>',
  '<br>', '<table><tr><td>', '<!--', '-->', '&amp;', '&#0;', '&#x1F600;', '&nbsp;', '\\', '$$', '{{', '}}',
  '\n', '\n', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u200b', '\u2028', '\ufeff', '\ufffd', '\u0001', '\u001b[0m',
  'What is a cache?', 'Why shard?', 'cache', 'latency', 'TTL', 'consistency', 'CAP theorem', 'a', 'the', 'of',
  'Ã©', 'â€™', '😀', 'ﬁ', '\u0301', 'https://example.com/x?y=1', '1.', '10.', 'v2', '42', '?', '!', '.', ',',
];

/** Markdown-ish token soup: headings, lists, fences, tables, `::` and debris in random order. */
function soup(rng: Rng, tokens: number): string {
  let out = '';
  for (let i = 0; i < tokens; i++) out += pick(rng, TOKENS);
  return out;
}

/** Random bytes, decoded the way a text editor would (invalid UTF-8 becomes U+FFFD). */
function randomBytes(rng: Rng, length: number, asLatin1: boolean): string {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = int(rng, 256);
  return asLatin1 ? String.fromCharCode(...bytes) : new TextDecoder('utf-8').decode(bytes);
}

const BASE_NOTE = [
  '# Caching',
  '',
  'A cache keeps copies of data close to where it is read.',
  '',
  'What is a cache? :: A fast store of copies of data.',
  'What is a TTL? :: How long an entry lives.',
  '',
  '## Eviction',
  '',
  '- **LRU**: evicts the least recently used entry.',
  '- **LFU**: evicts the least frequently used entry.',
  '',
  '| Policy | Evicts |',
  '| --- | --- |',
  '| LRU | least recently used |',
  '| FIFO | oldest |',
  '',
  '```python',
  'cache = {}',
  '```',
  '',
  'Q: Why expire entries?',
  'A: So stale data does not live forever.',
].join('\n');

/** A real-looking note with random slices deleted, duplicated, swapped or spiked with tokens. */
function mutate(rng: Rng, text: string, edits: number): string {
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = int(rng, out.length + 1);
    const len = int(rng, 40);
    switch (int(rng, 5)) {
      case 0: out = out.slice(0, at) + out.slice(at + len); break;
      case 1: out = out.slice(0, at) + out.slice(at, at + len).repeat(1 + int(rng, 4)) + out.slice(at); break;
      case 2: out = out.slice(0, at) + soup(rng, 1 + int(rng, 6)) + out.slice(at); break;
      case 3: {
        const lines = out.split('\n');
        const a = int(rng, lines.length);
        const b = int(rng, lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        out = lines.join('\n');
        break;
      }
      default: out = out.slice(0, at) + String.fromCharCode(int(rng, 0x3000)) + out.slice(at);
    }
  }
  return out;
}

function randomTable(rng: Rng, rows: number, cols: number, terminated: boolean): string {
  const cell = () => (rng() < 0.1 ? '' : soup(rng, 1 + int(rng, 3)).replace(/[\n\r|]/g, ' '));
  const row = () => `| ${Array.from({ length: cols }, cell).join(' | ')}${terminated ? ' |' : ''}`;
  const head = `| ${Array.from({ length: cols }, (_, i) => `H${i}`).join(' | ')} |`;
  return [head, `|${'---|'.repeat(terminated ? cols : Math.max(1, cols - 1))}`, ...Array.from({ length: rows }, row)].join('\n');
}

/** The generated cases: name -> note text. */
function smallCases(): [string, string][] {
  const cases: [string, string][] = [];
  for (let i = 0; i < 800; i++) {
    const rng = mulberry32(1000 + i);
    cases.push([`bytes-${i}`, randomBytes(rng, int(rng, 600), i % 4 === 0)]);
  }
  for (let i = 0; i < 1200; i++) {
    const rng = mulberry32(5000 + i);
    cases.push([`soup-${i}`, soup(rng, int(rng, 300))]);
  }
  for (let i = 0; i < 600; i++) {
    const rng = mulberry32(9000 + i);
    cases.push([`mutant-${i}`, mutate(rng, BASE_NOTE, 1 + int(rng, 30))]);
  }
  for (let i = 0; i < 200; i++) {
    const rng = mulberry32(12000 + i);
    const heading = `# ${soup(rng, 2)}\n\n`;
    cases.push([`table-${i}`, heading + randomTable(rng, int(rng, 30), 1 + int(rng, 8), rng() < 0.5)]);
  }
  for (let i = 0; i < 200; i++) {
    const rng = mulberry32(14000 + i);
    const depth = int(rng, 300);
    const marker = pick(rng, ['- ', '* ', '1. ', '> ', '  - ']);
    const lines = Array.from({ length: depth }, (_, d) => `${'  '.repeat(d)}${marker}${soup(rng, 3)}`);
    cases.push([`nest-${i}`, `# Nest\n\n${lines.join('\n')}`]);
  }
  return cases;
}

/** Big and nasty inputs, each named after what it exercises. */
function bigCases(): [string, string][] {
  const rng = mulberry32(42);
  const words = ['cache', 'is', 'a', 'the', 'TTL', 'of', 'data', '::', 'What', '?', '.', ',', '-', '|', '(', ')'];
  let line = '';
  while (line.length < 1_000_000) line += `${pick(rng, words)} `;
  return [
    ['one 1 MB line', line],
    ['100 kB line of `::`', ':: '.repeat(35_000)],
    ['one 1 MB paragraph of inline code spans', '`a` '.repeat(250_000)],
    ['one 700 kB line of unclosed emphasis', '*a **b '.repeat(100_000)],
    ['5000-level nested list on one line', `# Deep\n\n${'- '.repeat(5000)}What is deep? :: Very.`],
    ['5000-level nested blockquote', `# Deep\n\n${'> '.repeat(5000)}What is deep? :: Very.`],
    ['3000-level staircase of nested list items',
      Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i} :: answer ${i}`).join('\n')],
    ['5000 lines of ever deeper list markers (up to 1000 levels)',
      Array.from({ length: 5000 }, (_, i) => `${'- '.repeat(1 + (i % 1000))}x`).join('\n')],
    ['unterminated code fence', `# Code\n\nWhat is it? :: A fence.\n\n\`\`\`js\n${'const x = 1; // :: not a card\n'.repeat(5000)}`],
    ['unterminated fences, one after another', '```\n~~~\n````\n'.repeat(3000)],
    ['unterminated table', '# T\n\n| a | b\n|---\n| x'],
    ['huge table (3000 rows)',
      `# T\n\n| Term | Meaning |\n| --- | --- |\n${Array.from({ length: 3000 }, (_, i) => `| term ${i} | meaning ${i} |`).join('\n')}`],
    ['wide table (2000 columns)', randomTable(rng, 3, 2000, true)],
    ['binary with NUL bytes', `# Not text\n\nabc\u0000def${'\u0000'.repeat(1000)}`],
    ['NUL byte deep in a long note', `${'# Title\n\nsome text\n'.repeat(2000)}\u0000`],
    ['PNG-looking bytes', `\u0089PNG\r\n\u001a\n${randomBytes(rng, 20_000, true)}`],
    ['1000 lines of only punctuation', Array.from({ length: 1000 }, () => '!@#$%^&*()_+-=[]{};:,./<>?').join('\n')],
    ['2000 lines of only `::`', '::\n'.repeat(2000)],
    ['`::` everywhere', ':: :: ::\n'.repeat(5000)],
    ['question :: answer :: more, 2000 times', 'a :: b :: c :: d\n'.repeat(2000)],
    ['5000 headings of every level', Array.from({ length: 5000 }, (_, i) => `${'#'.repeat(1 + (i % 7))} H${i}`).join('\n')],
    ['only blank lines', '\n'.repeat(50_000)],
    ['only CRs', '\r'.repeat(50_000)],
    ['empty', ''],
    ['BOM only', '\ufeff'],
    ['lone surrogates', '# A\n\nWhat is \ud800? :: \udfff broken.'],
    ['50 000 unmatched brackets', '['.repeat(50_000)],
    ['deep HTML', `${'<div>'.repeat(5000)}text${'</div>'.repeat(5000)}`],
  ];
}

const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/** Why an outcome breaks the contract, or null when it keeps it. */
function contractProblem(input: NoteInput, outcome: NoteOutcome): string | null {
  if (outcome.crashed) return `${outcome.crashed}: ${outcome.ok ? '' : outcome.error.message}`;
  const lines = lineCount(input.text);
  const validLine = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= lines;
  if (!outcome.ok) {
    const { error } = outcome;
    if (error.file !== input.path) return `error names ${error.file}`;
    if (!validLine(error.line)) return `error line ${error.line} outside 1..${lines}`;
    if (typeof error.message !== 'string' || !error.message.trim()) return 'error without a message';
    return null;
  }
  const { deck } = outcome;
  if (deck.file !== input.path) return `deck names ${deck.file}`;
  if (!Array.isArray(deck.concepts) || !Array.isArray(deck.cards) || !Array.isArray(deck.warnings)) return 'deck shape';
  const concepts = new Set(deck.concepts.map((c) => c.key));
  if (concepts.size !== deck.concepts.length) return 'duplicate concept keys';
  const cardKeys = new Set(deck.cards.map((c) => c.key));
  if (cardKeys.size !== deck.cards.length) return 'duplicate card keys';
  for (const c of deck.concepts) {
    if (!validLine(c.startLine) || !validLine(c.endLine)) return `concept ${c.title} lines ${c.startLine}-${c.endLine}`;
    if (c.parentKey !== null && !concepts.has(c.parentKey)) return `concept ${c.title} has an unknown parent`;
  }
  for (const card of deck.cards) {
    if (!card.question.trim() || !card.answer.trim()) return `empty card at line ${card.line}`;
    if (!validLine(card.line)) return `card line ${card.line} outside 1..${lines}`;
    if (!concepts.has(card.conceptKey)) return `card at line ${card.line} has an unknown concept`;
    if (!(CARD_KINDS as readonly string[]).includes(card.kind)) return `card kind ${card.kind}`;
  }
  for (const w of deck.warnings) {
    if (w.file !== input.path || !validLine(w.line) || !w.message) return `bad warning ${JSON.stringify(w)}`;
  }
  return null;
}

/**
 * A case is hung when it needs this long in a worker. The slowest cases (the 1 MB lines) take
 * under a second here; the margin covers a loaded machine (the whole suite running in parallel).
 */
const HANG_MS = 40_000;

async function checkAll(cases: [string, string][]) {
  const inputs = cases.map(([name, text]) => ({ path: `fuzz/${name}.md`, text }));
  const outcomes = await ingestNotes(inputs, { workers: 2, timeoutMs: HANG_MS });
  const broken = inputs.flatMap((input, i) => {
    const problem = contractProblem(input, outcomes[i]);
    // The exact input is reproducible from its name (seeded); show its start for a quick look.
    return problem ? [`${input.path}: ${problem}; input starts ${JSON.stringify(input.text.slice(0, 200))}`] : [];
  });
  return { outcomes, broken };
}

describe('ingestNote fuzzing', () => {
  it('thousands of generated malformed notes each end in a deck or a clear error', async () => {
    const cases = smallCases();
    expect(cases.length).toBeGreaterThanOrEqual(3000);
    const { outcomes, broken } = await checkAll(cases);
    expect(broken).toEqual([]);
    // The generators reach both ends of the contract.
    expect(outcomes.some((o) => o.ok && o.deck.cards.length > 0)).toBe(true);
    expect(outcomes.some((o) => !o.ok)).toBe(true);
  }, 120_000);

  it('huge, deep and binary inputs each end in a deck or a clear error', async () => {
    const cases = bigCases();
    const { outcomes, broken } = await checkAll(cases);
    expect(broken).toEqual([]);
    const byName = new Map(cases.map(([name], i) => [name, outcomes[i]]));
    expect(byName.get('binary with NUL bytes')).toMatchObject({ ok: false, error: { file: 'fuzz/binary with NUL bytes.md', line: 3 } });
    expect(byName.get('NUL byte deep in a long note')).toMatchObject({ ok: false, error: { line: 6001 } });
  }, 120_000);

  it('the generators are deterministic', () => {
    expect(smallCases().slice(0, 50)).toEqual(smallCases().slice(0, 50));
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });
});
