import type { Table } from 'mdast';
import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS } from '../limits';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';
import { IMPERATIVE } from './wording';

/** First-column headers that mean "rows are attributes, columns are the things compared". */
const ATTRIBUTE_HEADERS = /^(?:feature|features|aspect|aspects|attribute|attributes|criteria|criterion|dimension|dimensions|property|properties|characteristic|characteristics|category|metric|metrics|comparison|factor|factors|parameter|parameters|trait|)$/i;
/** Columns that judge the others instead of being compared ("Winner", "Notes"). */
const VERDICT_COLUMN = /^(?:winner|verdict|notes?|comments?|recommendation|recommended|best|choice|remarks?)$/i;
/** Cells that carry no fact. */
const EMPTY_CELL = /^(?:|-|–|—|n\/a|na|none|\?|tbd)$/i;
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
  const subject = things.length === 2 ? `${things[0]} and ${things[1]}` : `${things.slice(0, -1).join(', ')} and ${things.at(-1)}`;
  return rows.flatMap((row, i) => {
    const attribute = row[0];
    if (EMPTY_CELL.test(attribute)) return [];
    const cells = columns.map(({ thing, j }) => [thing, row[j + 1] ?? ''] as const).filter(([, cell]) => !EMPTY_CELL.test(cell));
    if (cells.length < 2) return [];
    const question = `How do ${subject} differ in ${lowerFirst(attribute)}?`;
    const answer = cells.map(([thing, cell]) => `${thing}: ${cell}`).join('\n');
    return fits(question, answer) ? [{ kind: 'comparison' as const, question, answer, line: line(i) }] : [];
  });
}

function describeRows(header: string[], rows: string[][], line: (i: number) => number): ExtractedCard[] {
  return rows.flatMap((row, i) => {
    const thing = row[0];
    if (EMPTY_CELL.test(thing) || thing.length < 3 || thing.length > 60 || /[.!]$/.test(thing) || BARE_NUMBER.test(thing)) return [];
    return header.slice(1).flatMap((attribute, j) => {
      const cell = row[j + 1] ?? '';
      // A header such as "Choose SQL" is a verdict column, not an attribute to ask about.
      if (EMPTY_CELL.test(cell) || EMPTY_CELL.test(attribute) || BARE_NUMBER.test(cell) || IMPERATIVE.test(attribute)) return [];
      const question = rowQuestion(thing, attribute);
      return fits(question, cell) ? [{ kind: 'comparison' as const, question, answer: cell, line: line(i) }] : [];
    });
  });
}

/**
 * The question a row asks of one column, phrased for the header's grammar:
 * "When to use" -> "When to use X?"; "How it scales" -> "For X: how it scales?";
 * "Can route on" (a modal) -> "What can X route on?";
 * "Best for" / "Used by" (ends in a preposition) -> "What is X best for?";
 * "Systems using it" (refers to the row) -> "What are the systems using X?";
 * a noun ("Use case") -> "What is the use case of X?".
 */
function rowQuestion(thing: string, attribute: string): string {
  if (/^(?:when|why) to use$/i.test(attribute)) return `${attribute} ${thing}?`;
  if (/^(?:when|why|how|where|which)\b/i.test(attribute)) return `For ${thing}: ${attribute.toLowerCase()}?`;
  const modal = /^(can|could|should|must|will|may)\s+(.+)$/i.exec(attribute);
  if (modal) return `What ${modal[1].toLowerCase()} ${thing} ${lowerFirst(modal[2])}?`;
  if (/\s(?:for|by|in|with|at|to|on|against)$/i.test(attribute)) return `What is ${thing} ${lowerFirst(attribute)}?`;
  const verb = /^\S*[^s]s\b/i.test(attribute) ? 'are' : 'is';
  if (/\bit\b/i.test(attribute)) return `What ${verb} the ${lowerFirst(attribute).replace(/\bit\b/i, thing)}?`;
  return `What ${/[^s]s$/i.test(attribute) ? 'are' : 'is'} the ${lowerFirst(attribute)} of ${thing}?`;
}

/** Check marks read as yes/no; anything else is kept as written. */
function cellText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (/^[✅✔☑]\uFE0F?$/u.test(t)) return 'Yes';
  if (/^[❌✗✘✖]\uFE0F?$/u.test(t)) return 'No';
  return t;
}

function fits(question: string, answer: string): boolean {
  return question.length <= MAX_QUESTION_CHARS && answer.length <= Math.min(MAX_ANSWER_CHARS, MAX_CELL_CHARS * 4);
}

/** "Use Case" -> "use case"; acronyms ("SLA", "QPS") keep their capitals. */
function lowerFirst(text: string): string {
  return text.replace(/\b\p{Lu}\p{Ll}+\b/gu, (word) => word.toLowerCase());
}
