import type { ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toPlainText } from '../plain-text';
import { BOILERPLATE, labelRole, TASK_MARKER } from '../vocabulary';

/**
 * A passage: the smallest block of a section that states something on its own: a paragraph, the
 * text of one list item (without its sub-list), a table row. Every informative passage must feed
 * a card; the others are skipped with the reason given here.
 */
export interface Passage {
  text: string;
  line: number;
  endLine: number;
  /** Key terms the author marked (bold, code) in the order written. */
  marked: string[];
  /** The passage this one hangs under (a list item's parent item, the paragraph before a list). */
  parent: string | null;
  /** True for the section's first block: a pronoun there refers to the section's subject. */
  opening: boolean;
  /** A table row is asked by the table's own cards, never as prose. */
  row: boolean;
}

export type SkipReason = 'code' | 'link list' | 'too short' | 'boilerplate' | 'no words' | 'data' | 'open question' | 'to-do';

/** "- [ ] Read the paper", "- TODO: check the limit": a task is something to do, not something to know. */
export function isTask(item: ListItem): boolean {
  const first = item.children[0];
  return item.checked === true || item.checked === false || (first?.type === 'paragraph' && TASK_MARKER.test(toPlainText(first).trim()));
}

/**
 * A reference-list entry: "Author. Title. Publisher, 2015." (fields separated by full stops,
 * ending on a year).
 */
const CITATION = /^[^.]{1,80}\.\s.+[,.]\s*(?:19|20)\d\d\.?$/u;
/** How much of a passage is read to tell data from prose. */
const DATA_SAMPLE_CHARS = 300;
/**
 * Brackets and operators above this share of the characters, and more than a few of them (a short
 * "term (aside)" has two), make a passage code, not prose.
 */
const MIN_CODE_SYMBOLS = 4;
const CODE_SYMBOL_SHARE = 0.05;
/** Fewer words than this say nothing a card could ask. */
const MIN_WORDS = 4;
/** Links holding at least this share of a passage's characters make it a link list. */
const LINK_SHARE = 0.5;

/**
 * The passages of a section's blocks, in document order, each with its skip reason if any, except
 * paragraphs whose lines are `taken` by a card already. Only a section under a heading
 * has an opening passage: a note's preamble is titled by its file name.
 */
export function passagesOf(nodes: RootContent[], headed: boolean, taken: Taken): { passage: Passage; skip: SkipReason | null }[] {
  const out: { passage: Passage; skip: SkipReason | null }[] = [];
  nodes.forEach((node, index) => collect(node, null, headed && index === 0, { out, taken }, nodes[index - 1]));
  return out;
}

/**
 * Whether a card was made from a block's lines: such a paragraph needs no reading here. With the
 * block's text, a card that leaves such text out (a list's card, of a commentary item) does not count.
 */
type Taken = (start: number, end: number, text?: string) => boolean;

interface Collector {
  out: { passage: Passage; skip: SkipReason | null }[];
  taken: Taken;
}

function isTaken(node: Paragraph, taken: Taken): boolean {
  return taken(node.position?.start.line ?? 0, node.position?.end.line ?? 0, toPlainText(node));
}

function collect(node: RootContent, parent: string | null, opening: boolean, into: Collector, previous?: RootContent): void {
  switch (node.type) {
    case 'paragraph':
      into.out.push(...paragraphPassages(node, parent, opening, into.taken));
      return;
    case 'blockquote':
      node.children.forEach((child, i) => collect(child as RootContent, parent, opening && i === 0, into));
      return;
    case 'list': {
      // A list hangs under the paragraph that introduces it ("Three ways to shard:").
      const leadIn = previous?.type === 'paragraph' ? toPlainText(previous).split('\n').at(-1)!.trim() : parent;
      for (const item of node.children) listItemPassages(item, leadIn, opening, into);
      return;
    }
    case 'table':
      into.out.push(...tablePassages(node).map(judge));
      return;
    case 'code':
      into.out.push({ passage: blockPassage(node.value, node, parent, opening), skip: 'code' });
      return;
    default:
      return;
  }
}

function listItemPassages(item: ListItem, parent: string | null, opening: boolean, into: Collector): void {
  if (isTask(item)) {
    into.out.push({ passage: blockPassage(toPlainText(item), item, parent, opening), skip: 'to-do' });
    return;
  }
  const [first, ...rest] = item.children;
  const own = first?.type === 'paragraph' ? first : null;
  if (own) into.out.push(...paragraphPassages(own, parent, opening, into.taken));
  const children = own ? rest : item.children;
  // The item's text is what its sub-items hang under.
  const label = own && children.length > 0 ? toPlainText(own).trim() : parent;
  for (const child of children) {
    if (child.type === 'list') for (const sub of child.children) listItemPassages(sub, label, false, into);
    else collect(child as RootContent, label, false, into);
  }
}

/**
 * A paragraph's passages: the paragraph, or its stretches when a line opens on a commentary label
 * ("Propagation; time to cross the medium" / "IMPORTANT: prop. is less than trans."), so the
 * remark is read on its own even when a card was made of the lines before it.
 */
function paragraphPassages(node: Paragraph, parent: string | null, opening: boolean, taken: Taken): { passage: Passage; skip: SkipReason | null }[] {
  // A paragraph of one line has no remark to split off: a taken one is not read at all.
  if (node.position?.start.line === node.position?.end.line && isTaken(node, taken)) return [];
  const text = toPlainText(node);
  const lines = /\n[^\n:：]{1,24}[:：]/u.test(text) ? text.split('\n') : [text];
  const starts = lines.flatMap((line, i) => (i === 0 || !opensCommentary(line) ? [] : [i]));
  if (starts.length === 0) return isTaken(node, taken) ? [] : [judgeParagraph(node, { ...blockPassage(text, node, parent, opening), marked: markedTerms(node.children) })];
  const first = node.position?.start.line ?? 1;
  const marked = markedTerms(node.children);
  return [0, ...starts].flatMap((from, k) => {
    const to = k < starts.length ? starts[k] : lines.length;
    if (taken(first + from, first + to - 1)) return [];
    const part = lines.slice(from, to).join('\n').trim();
    return [judge({ text: part, line: first + from, endLine: first + to - 1, marked: marked.filter((term) => part.includes(term)), parent, opening: opening && from === 0, row: false })];
  });
}

/** "IMPORTANT: ...", "Note: ...": a line opening on a label that comments on what precedes it. */
export function opensCommentary(line: string): boolean {
  const label = /^([\p{L}][\p{L} ]{0,20}?)\s*[:：]\s+\S/u.exec(line.trim())?.[1];
  return !!label && labelRole(label) === 'commentary';
}

function tablePassages(table: Table): Passage[] {
  return table.children.slice(1).map((row) => ({ ...blockPassage(row.children.map((cell) => toPlainText(cell)).join(' | '), row, null, false), row: true }));
}

function blockPassage(text: string, node: { position?: { start: { line: number }; end: { line: number } } }, parent: string | null, opening: boolean): Passage {
  const line = node.position?.start.line ?? 1;
  return { text: text.trim(), line, endLine: node.position?.end.line ?? line, marked: [], parent, opening, row: false };
}

function judge(passage: Passage): { passage: Passage; skip: SkipReason | null } {
  return { passage, skip: skipReason(passage) };
}

function judgeParagraph(node: Paragraph, passage: Passage): { passage: Passage; skip: SkipReason | null } {
  return { passage, skip: isLinkList(node) ? 'link list' : skipReason(passage) };
}

function skipReason(passage: Passage): SkipReason | null {
  const text = passage.text;
  if (!/\p{L}/u.test(text)) return 'no words';
  if (BOILERPLATE.test(text)) return 'boilerplate';
  if (TASK_MARKER.test(text)) return 'to-do';
  if (/^(?:https?:\/\/|www\.)\S+$/.test(text)) return 'link list';
  if (fewerWordsThan(text, MIN_WORDS)) return 'too short';
  if (isData(text)) return 'data';
  if (CITATION.test(text) || isReference(text)) return 'boilerplate';
  if (isOpenQuestion(text)) return 'open question';
  return null;
}

/**
 * Questions the note asks and leaves open ("what about LPWAN?", "traceroute gaps? why ...?"),
 * with at most a few words or asides beside them: nothing in them states an answer to
 * recall. A question the note answers is read by the question recognisers before passages are
 * judged, so only unanswered ones reach here.
 */
function isOpenQuestion(text: string): boolean {
  if (!/[?？]/.test(text)) return false;
  const statements = text
    .replace(/\([^()]*\)/g, ' ')
    .split(/(?<=[.?!？。])\s+|\n+/)
    .map((statement) => statement.trim())
    .filter((statement) => /\p{L}/u.test(statement));
  return statements.every((statement) => /[?？]$/.test(statement) || fewerWordsThan(statement, MIN_WORDS));
}

/** "R. Bayer", "R.M. Graham": an author named by initials, as reference lists write them. */
const AUTHOR_INITIALS = /(?<![\p{L}.])\p{Lu}\.\s?(?:\p{Lu}\.\s?)*\p{Lu}\p{Ll}+/gu;
const DOI = /\bdoi:\s*10\.\d{3,}/i;

/**
 * A bibliographic reference, by its shape: several authors by initials, or a DOI. It says where
 * to read, not what to recall.
 */
export function isReference(text: string): boolean {
  return (INITIAL.test(text) && (text.match(AUTHOR_INITIALS) ?? []).length >= 2) || DOI.test(text);
}

/** What every author initial holds, found fast: most text has none, and the full pattern looks behind at every letter. */
const INITIAL = /\p{Lu}\./u;

/**
 * Whether the text has fewer than `count` words with a letter; CJK text has no spaces, so its
 * characters count in pairs as words. Reads words only until there are enough.
 */
function fewerWordsThan(text: string, count: number): boolean {
  let words = 0;
  for (const [word] of text.matchAll(/\S+/g)) if (/\p{L}/u.test(word) && ++words >= count) return false;
  return words + Math.floor((text.match(/\p{Script=Han}/gu) ?? []).length / 2) < count;
}

/**
 * Sample data left from a table or a log ("ad001 202101010001 0023 6"), or code written as a
 * paragraph: most of its tokens hold digits, underscores or symbols rather than words of any language.
 */
function isData(text: string): boolean {
  // Code pasted as prose ("CREATE TABLE files ( id UUID, ... )") is dense with brackets and operators.
  const symbols = (text.match(/[(){}[\];=<>_\\|]/g) ?? []).length;
  if (symbols > MIN_CODE_SYMBOLS && symbols > text.length * CODE_SYMBOL_SHARE) return true;
  // The opening words tell data from prose; a long paragraph need not be read to its end.
  const tokens = text.slice(0, DATA_SAMPLE_CHARS).split(/\s+/).filter(Boolean);
  // Most tokens are plain ASCII words, told at once; the rest by the full rule.
  const wordlike = tokens.filter(
    (token) => /^[A-Za-z]+[.,;:!?)]*$/.test(token) || /^[\p{L}'’-]+[.,;:!?)]*$/u.test(token.replace(/^[("'“]+/, '')) || /\p{Script=Han}/u.test(token),
  );
  return wordlike.length * 2 < tokens.length;
}

/** Bold and code spans the author used to mark key terms, as plain text. */
function markedTerms(children: PhrasingContent[]): string[] {
  const terms: string[] = [];
  for (const child of children) {
    if (child.type === 'strong' || child.type === 'emphasis') terms.push(toPlainText(child).trim());
    else if (child.type === 'inlineCode') terms.push(child.value.trim());
  }
  return terms.filter((t) => t.length >= 2 && t.split(/\s+/).length <= 5);
}

/** True when links make up most of a paragraph: a reading list, not a statement. */
function isLinkList(node: Paragraph): boolean {
  if (!node.children.some((c) => c.type === 'link')) return false;
  const total = toPlainText(node).length;
  const linked = node.children.filter((c) => c.type === 'link').reduce((n, c) => n + toPlainText(c).length, 0);
  return total > 0 && linked / total >= LINK_SHARE;
}
