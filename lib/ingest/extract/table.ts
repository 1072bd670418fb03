import type { Table } from 'mdast';
import { MAX_ANSWER_CHARS } from '../limits';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';
import { headerReadsAsQuestion } from '../question-writer';
import { ATTRIBUTE_HEADERS, EMPTY_CELL, IMPERATIVE, VERDICT_COLUMN } from '../vocabulary';

const MAX_CELL_CHARS = 400;
/** A number without a unit is sample data ("8866"), not a fact to learn. */
const BARE_NUMBER = /^[\d\s,.]+$/;

function isHeaderCell(cell: string): boolean {
  return cell.length <= 40 && cell.split(/\s+/).length <= 5 && /^[\p{Lu}\d]/u.test(cell) && !/[.!]$/.test(cell) && !BARE_NUMBER.test(cell);
}

/**
 * Comparison cards from a table, one per row attribute. Two layouts:
 * - rows are things, columns attributes (| Pattern | Use case |): "What is the use case of X?";
 * - columns are things, rows attributes (| Feature | SQL | NoSQL |):
 *   "How do SQL and NoSQL differ in consistency?" with each thing's cell in the answer.
 */
export function tableCards(table: Table): ExtractedCard[] {
  const [header, ...rows] = table.children.map((row) => row.children.map((cell) => cellText(toPlainText(cell))));
  if (!header || header.length < 2 || rows.length === 0) return [];
  // A header that reads like data ("message_id | bigint", long sentences) is not a header.
  if (!header.every((cell, i) => (i === 0 && cell === '') || isHeaderCell(cell))) return [];
  const line = (i: number) => table.children[i + 1].position?.start.line ?? table.position?.start.line ?? 1;
  return ATTRIBUTE_HEADERS.test(header[0]) ? compareColumns(header, rows, line) : describeRows(header, rows, line);
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
  return rows.flatMap((row, i) => {
    const thing = row[0];
    if (EMPTY_CELL.test(thing) || thing.length < 3 || thing.length > 60 || /[.!]$/.test(thing) || BARE_NUMBER.test(thing)) return [];
    const cells = header.slice(1).flatMap((attribute, j) => {
      const cell = row[j + 1] ?? '';
      // A header such as "Choose SQL" is a verdict column, not an attribute to ask about.
      if (EMPTY_CELL.test(cell) || EMPTY_CELL.test(attribute) || BARE_NUMBER.test(cell) || IMPERATIVE.test(attribute)) return [];
      return [{ attribute, cell }];
    });
    const asked = cells.filter(({ attribute, cell }) => headerReadsAsQuestion(attribute) && fits(cell));
    const rest = cells.filter((c) => !asked.includes(c));
    const cards: ExtractedCard[] = asked.map(({ attribute, cell }) => ({
      kind: 'comparison' as const,
      prompt: { form: 'cell' as const, thing, header: attribute },
      answer: cell,
      line: line(i),
    }));
    const answer = rest.map(({ attribute, cell }) => `${attribute}: ${cell}`).join('\n');
    if (rest.length > 0 && fits(answer)) {
      cards.push({ kind: 'comparison', prompt: { form: 'row', thing, headers: rest.map((c) => c.attribute) }, answer, line: line(i) });
    }
    return cards;
  });
}

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
