import type { Table } from 'mdast';
import { MAX_ANSWER_CHARS } from '../limits';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';
import { headerReadsAsQuestion } from '../question-writer';
import { ATTRIBUTE_HEADERS, DEFINING_HEADER, EMPTY_CELL, IMPERATIVE, isPlural, VERDICT_COLUMN } from '../vocabulary';
import { JJ, listedReadings, N, NS } from '../sentence-parts/lexicon';

const MAX_CELL_CHARS = 400;
/** A number without a unit is sample data ("8866"), not a fact to learn. */
const BARE_NUMBER = /^[\d\s,.]+$/;

function isHeaderCell(cell: string): boolean {
  // A full stop ends a sentence, not an abbreviated header ("Approx.", "Avg. size").
  const sentence = /[.!]$/.test(cell) && !/^\p{L}{1,7}\.$/u.test(cell.split(/\s+/).at(-1)!);
  // Headers are capitalised, or names in mixed case ("gRPC", "iOS").
  return cell.length <= 40 && cell.split(/\s+/).length <= 5 && /^(?:[\p{Lu}\d]|\p{Ll}+\p{Lu})/u.test(cell) && !sentence && !BARE_NUMBER.test(cell);
}

/**
 * Comparison cards from a table, one per row attribute. Two layouts:
 * - rows are things, columns attributes (| Pattern | Use case |): "What is the use case of X?";
 * - columns are things, rows attributes (| Feature | SQL | NoSQL |):
 *   "How do SQL and NoSQL differ in consistency?" with each thing's cell in the answer.
 */
export function tableCards(table: Table): ExtractedCard[] {
  const [header, ...rows] = table.children.map((row) => row.children.map((cell) => cellText(toPlainText(cell))));
  if (!header || header.length < 2) return [];
  const line = (i: number) => table.children[i + 1].position?.start.line ?? table.position?.start.line ?? 1;
  const asked = questionRows(header, rows, line);
  if (asked) return asked;
  if (rows.length === 0) return [];
  // A header that reads like data ("message_id | bigint", long sentences) is not a header.
  if (!header.every((cell, i) => (i === 0 && cell === '') || isHeaderCell(cell))) return termRows([header, ...rows], line);
  // An empty corner (| | REST | gRPC |) heads a grid whose columns are the things compared.
  return ATTRIBUTE_HEADERS.test(header[0]) || header[0] === '' ? compareColumns(header, rows, line) : describeRows(header, rows, line);
}

/**
 * A drill table (| Question | Answer |) or a flashcard export turned table ("What is X?<tab>...",
 * its first row a question too): when the first cell of most rows asks a question, each row is a
 * question and its answer, the rest of the row. Null when the table is not laid out so.
 */
function questionRows(header: string[], rows: string[][], line: (i: number) => number): ExtractedCard[] | null {
  // The header row is a card of its own when it asks a question itself (there was no header).
  const all = /[?？]$/.test(header[0]) ? [header, ...rows] : rows;
  const at = (i: number) => (all === rows ? line(i) : i === 0 ? line(-1) : line(i - 1));
  const asking = all.filter((row) => /[?？]$/.test(row[0]) && row[0].length >= 8);
  if (all.length === 0 || asking.length * 2 <= all.length) return null;
  return all.flatMap((row, i) => {
    const answer = row.slice(1).filter((cell) => !EMPTY_CELL.test(cell)).join('\n');
    if (!/[?？]$/.test(row[0]) || !answer || !fits(answer)) return [];
    return [{ kind: 'qa' as const, prompt: { form: 'asked' as const, question: row[0] }, answer, line: at(i) }];
  });
}

/** A term a glossary row defines: a few words, no sentence punctuation. */
const MAX_TERM_WORDS = 5;

/**
 * A glossary exported as two columns with no header ("Bloom filter<tab>A probabilistic set ..."):
 * every row, the first too, defines its first cell by its second. Empty when any row is not so.
 */
function termRows(all: string[][], line: (i: number) => number): ExtractedCard[] {
  const defines = (row: string[]) =>
    row.length === 2 && row[0].length >= 2 && row[0].split(/\s+/).length <= MAX_TERM_WORDS && !/[.,;:!?]$/.test(row[0]) && /\p{L}/u.test(row[0]) &&
    row[1].split(/\s+/).length > row[0].split(/\s+/).length && fits(row[1]);
  if (all.length < 2 || !all.every(defines)) return [];
  return all.map((row, i) => ({ kind: 'definition' as const, prompt: { form: 'define' as const, term: row[0], plural: false }, answer: row[1], line: line(i - 1) }));
}

function compareColumns(header: string[], rows: string[][], line: (i: number) => number): ExtractedCard[] {
  const columns = header.slice(1).map((thing, j) => ({ thing, j })).filter(({ thing }) => !VERDICT_COLUMN.test(thing));
  const things = columns.map(({ thing }) => thing);
  if (things.length < 2 || things.some((t) => EMPTY_CELL.test(t))) return [];
  return rows.flatMap((row, i) => {
    const attribute = row[0];
    if (EMPTY_CELL.test(attribute)) return [];
    const cells = columns.map(({ thing, j }) => [thing, row[j + 1] ?? ''] as const).filter(([, cell]) => !EMPTY_CELL.test(cell));
    if (cells.length < 2) return [];
    const answer = cells.map(([thing, cell]) => `${thing}: ${cell}`).join('\n');
    const prompt = { form: 'compare' as const, things, attribute };
    return fits(answer) ? [{ kind: 'comparison' as const, prompt, answer, line: line(i) }] : [];
  });
}

/**
 * Rows are things: one card per cell whose column header reads as a question about the row
 * ("Use case", "Best for", "Can route on"); the other cells of the row make one row card.
 */
function describeRows(header: string[], rows: string[][], line: (i: number) => number): ExtractedCard[] {
  // Codes keyed by number ("404 | Not Found | ...") are named by the number and its name; step
  // numbers ("1 | Try") and amounts are no codes.
  const coded = header.length >= 3 && rows.length >= 2 && rows.every((row) => /^\d{2,}$/.test(row[0]) && isName(row[1] ?? ''));
  return rows.flatMap((row, i) => {
    const written = coded ? `${row[0]} ${row[1]}` : row[0];
    if (EMPTY_CELL.test(written) || written.length < 3 || written.length > 60 || /[.!]$/.test(written) || BARE_NUMBER.test(written)) return [];
    // "Linearizable" in a "Model" column is the linearizable model: an adjective names its kind by the column.
    const thing = isAdjective(written) && /^\p{L}+$/u.test(header[0]) && !isPlural(header[0]) ? `${written} ${header[0].toLowerCase()}` : written;
    const cells = header.slice(1).flatMap((attribute, j) => {
      if (coded && j === 0) return [];
      const cell = row[j + 1] ?? '';
      // A header such as "Choose SQL" is a verdict column, not an attribute to ask about.
      if (EMPTY_CELL.test(cell) || EMPTY_CELL.test(attribute) || BARE_NUMBER.test(cell) || IMPERATIVE.test(attribute)) return [];
      return [{ attribute, cell }];
    });
    // An abbreviated header ("Approx.") asks nothing on its own: its cell goes with the row's other answers.
    const abbreviated = (attribute: string) => /\.$/.test(attribute);
    const asked = cells.filter(({ attribute, cell }) => !abbreviated(attribute) && (DEFINING_HEADER.test(attribute) || headerReadsAsQuestion(attribute)) && fits(cell));
    const aside = asked.length > 0 ? cells.filter(({ attribute }) => abbreviated(attribute)) : [];
    const rest = cells.filter((c) => !asked.includes(c) && !aside.includes(c));
    const withAside = (answer: string) => [answer, ...aside.map(({ attribute, cell }) => `${attribute} ${cell}`)].join('\n');
    // A "Meaning" column defines its row's term: "What is Quorum?", not "What is the meaning of Quorum?".
    const cards: ExtractedCard[] = asked.map(({ attribute, cell }) => ({
      kind: 'comparison' as const,
      prompt: DEFINING_HEADER.test(attribute) ? { form: 'define' as const, term: thing, plural: isPlural(thing) } : { form: 'cell' as const, thing, header: attribute },
      answer: withAside(cell),
      line: line(i),
    }));
    const answer = rest.map(({ attribute, cell }) => `${attribute}: ${cell}`).join('\n');
    if (rest.length > 0 && fits(answer)) {
      cards.push({ kind: 'comparison', prompt: { form: 'row', thing, headers: rest.map((c) => c.attribute) }, answer, line: line(i) });
    }
    return cards;
  });
}

/** A short name in a cell ("Not Found", "Too Many Requests"): a few capitalised words. */
function isName(cell: string): boolean {
  const words = cell.split(/\s+/);
  return words.length <= 5 && words.every((word) => /^\p{Lu}/u.test(word)) && !/[.!?]$/.test(cell);
}

/** "Causal", "Sequential": a word the lexicon lists as an adjective and not a noun, or an unlisted one shaped like an adjective. */
function isAdjective(text: string): boolean {
  if (!/^\p{L}+$/u.test(text)) return false;
  const readings = listedReadings(text.toLowerCase());
  return readings === 0 ? ADJECTIVE_ENDING.test(text) : (readings & JJ) !== 0 && (readings & (N | NS)) === 0;
}

const ADJECTIVE_ENDING = /\p{L}{3}(?:i[sz]able|ible|al|ous|ive|ic|ful|less)$/u;

/** Check marks read as yes/no; anything else is kept as written. */
function cellText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (/^[✅✔☑]\uFE0F?$/u.test(t)) return 'Yes';
  if (/^[❌✗✘✖]\uFE0F?$/u.test(t)) return 'No';
  return t;
}

function fits(answer: string): boolean {
  return answer.length <= Math.min(MAX_ANSWER_CHARS, MAX_CELL_CHARS * 4);
}
