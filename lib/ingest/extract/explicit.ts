import type { Paragraph, PhrasingContent } from 'mdast';
import { codeMask } from '../lines';
import { parseMarkdown } from '../parse';
import { toPlainText } from '../plain-text';

/**
 * Obsidian Spaced Repetition (OSR) flashcards, read from the raw markdown line by line as OSR
 * reads them, with OSR's default settings:
 *   - `Q::A` is a card on one line (spaces around the separator are optional);
 *   - `Q:::A` is a reversed card: Q -> A and A -> Q;
 *   - question lines, a line `?`, answer lines make a multi-line card (`??`: reversed);
 *   - each `==deletion==` makes a cloze card (OSR's bold and {{curly}} clozes are off by default).
 * A multi-line card's question is every line of its paragraph before the `?`; its answer runs to
 * the next blank line (a fenced code block, blank lines and all, is part of it).
 * Fenced code, inline code and HTML comments never hold card syntax; `<!--SR:...-->` scheduling
 * data, `#flashcards` tags and `^block-ids` are not card text.
 *
 * Where OSR's grammar gives a surprising result, the author's evident intent wins:
 * a `::` line ends the question or answer of a multi-line card before it (OSR swallows it); an
 * answer line followed by a `?` line is that next card's question; headings and thematic breaks
 * end every card; table rows hold no `::` card; a highlight has no space just inside its marks
 * (`a == b == c` is no cloze).
 */

/** One card written explicitly by the author in OSR syntax. Lines are 1-based note lines. */
export interface ExplicitCard {
  kind: 'explicit' | 'cloze';
  /** As the learner sees it: plain text, markup such as #flashcards tags and ^block-ids stripped. */
  question: string;
  answer: string;
  /** First line of the card. */
  line: number;
  /** Last line of the card, scheduling comment included (so other extractors can skip these lines). */
  endLine: number;
}

/** Every OSR card in `text` (a section of a markdown note whose first line is note line `firstLine`). */
export function explicitCardsInText(text: string, firstLine: number): ExplicitCard[] {
  return findCards(text).map((card) => ({ ...card, line: firstLine + card.line, endLine: firstLine + card.endLine }));
}

/**
 * True when a paragraph holds explicit cards, so other extractors leave it alone. The paragraph's
 * markdown is rebuilt from its tree.
 */
export function hasExplicitCards(paragraph: Paragraph): boolean {
  return findCards(markdownOf(paragraph.children)).length > 0;
}

/** A card as found: `line` and `endLine` are 0-based lines of the text searched. */
type FoundCard = ExplicitCard;

/**
 * One line of the text. Invariant: `probe` has the length of `text` and differs only where
 * `text` holds inline code (masked), so a syntax match in `probe` is one in `text` outside code.
 */
interface NoteLine {
  kind: 'text' | 'blank' | 'code' | 'hidden' | 'boundary';
  /** The line without blockquote markers and HTML comments. */
  text: string;
  probe: string;
  /** A line of nothing but `<!--SR:...-->` scheduling data: it belongs to the card above it. */
  schedule: boolean;
}

/** Stands in for inline code (and whole code lines) in a probe: matches no card syntax. */
const MASK = '\u0000';

/**
 * What any card needs somewhere in the text: "::", a "?" line, "==", or a comment whose removal
 * could join two colons. Most sections hold none of them, and need no line-by-line reading.
 */
const CARD_SYNTAX = /::|\?|==|<!--/;

function findCards(text: string): FoundCard[] {
  if (!CARD_SYNTAX.test(text)) return [];
  const lines = scanLines(text);
  const inline = lines.map(inlineParts);
  const cards: FoundCard[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].kind !== 'text') {
      i++;
      continue;
    }
    const parts = inline[i];
    if (parts) {
      const end = withSchedule(lines, i);
      cards.push(...bothWays(parts.separator, [parts.question], [parts.answer], i, end));
      i = end + 1;
      continue;
    }
    const paragraphEnd = endOfParagraph(lines, inline, i);
    let separator = i + 1;
    while (separator < paragraphEnd && !separatorOf(lines[separator])) separator++;
    if (separator < paragraphEnd) {
      const end = answerEnd(lines, inline, separator);
      if (end > separator) {
        const question = lines.slice(i, separator).filter(isContent);
        const answer = lines.slice(separator + 1, end + 1).filter(isContent);
        cards.push(...bothWays(separatorOf(lines[separator])!, question, answer, i, end));
        i = end + 1;
        continue;
      }
    }
    const clozes = clozeCards(lines.slice(i, paragraphEnd), i, withSchedule(lines, lastContent(lines, i, paragraphEnd)));
    if (clozes.length > 0) {
      cards.push(...clozes);
      i = clozes[0].endLine + 1;
      continue;
    }
    i = separator < paragraphEnd ? separator + 1 : paragraphEnd;
  }
  return cards;
}

/** Where the paragraph starting at `start` ends (exclusive): a blank line, a heading, code or the next `::` card. */
function endOfParagraph(lines: NoteLine[], inline: readonly (object | null)[], start: number): number {
  let end = start + 1;
  while (end < lines.length && ((lines[end].kind === 'text' && !inline[end]) || lines[end].kind === 'hidden')) end++;
  return end;
}

const QUOTE_MARKERS = /^ {0,3}(?:>[ \t]?)+/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}=+[ \t]*$/;

function scanLines(text: string): NoteLine[] {
  const bodies = text.split(/\r?\n/).map((line) => line.replace(QUOTE_MARKERS, ''));
  // OSR takes a fence at any indentation (inside list items too).
  const code = codeMask(bodies.map((body) => ({ text: body.trimStart(), origin: 0 })));
  let commentDepth = 0;
  return bodies.map((body, i): NoteLine => {
    if (code[i]) return { kind: 'code', text: body, probe: MASK.repeat(body.length), schedule: false };
    const visible = withoutComments(body, maskInlineCode(body), commentDepth);
    commentDepth = visible.depth;
    const { text: line, probe } = visible;
    if (!line.trim()) {
      const hidden = body.trim() !== '';
      return { kind: hidden ? 'hidden' : 'blank', text: '', probe: '', schedule: hidden && body.trim().startsWith('<!--SR:') };
    }
    const boundary = HEADING.test(line) || THEMATIC_BREAK.test(line) || SETEXT_UNDERLINE.test(line);
    return { kind: boundary ? 'boundary' : 'text', text: line, probe, schedule: false };
  });
}

/**
 * Masks code spans: as in CommonMark, a run of backticks opens one that the next run of the same
 * length closes; a run that nothing closes is literal text. Linear in the line's length.
 */
function maskInlineCode(line: string): string {
  if (!line.includes('`')) return line;
  const runs = [...line.matchAll(/`+/g)].map((run) => ({ from: run.index, length: run[0].length }));
  // closer[r]: the next run after run r of the same length, if any.
  const closer: (number | undefined)[] = [];
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    closer[r] = nextOfLength.get(runs[r].length);
    nextOfLength.set(runs[r].length, r);
  }
  let masked = '';
  let last = 0;
  for (let r = 0; r < runs.length; r++) {
    const close = closer[r];
    if (close === undefined) continue;
    const to = runs[close].from + runs[close].length;
    masked += line.slice(last, runs[r].from) + MASK.repeat(to - runs[r].from);
    last = to;
    r = close;
  }
  return masked + line.slice(last);
}

/** Drops `<!-- ... -->` (nested, as OSR reads them, and across lines via `depth`). */
function withoutComments(text: string, probe: string, depth: number): { text: string; probe: string; depth: number } {
  if (depth === 0 && !probe.includes('<!--')) return { text, probe, depth };
  let keptText = '';
  let keptProbe = '';
  for (let k = 0; k < probe.length; ) {
    if (probe.startsWith('<!--', k)) {
      depth++;
      k += 4;
    } else if (depth > 0 && probe.startsWith('-->', k)) {
      depth--;
      k += 3;
    } else {
      if (depth === 0) {
        keptText += text[k];
        keptProbe += probe[k];
      }
      k++;
    }
  }
  return { text: keptText, probe: keptProbe, depth };
}

/** A table row ("| localhost | ::1 |") is not a card, though OSR would read one. */
const TABLE_ROW = /^\s*\|/;

/** A line's `::` / `:::` card: the first separator outside inline code, words on both sides. */
function inlineParts(line: NoteLine): { separator: '::' | ':::'; question: NoteLine; answer: NoteLine } | null {
  if (line.kind !== 'text' || TABLE_ROW.test(line.text)) return null;
  const reversed = line.probe.indexOf(':::');
  const at = reversed >= 0 ? reversed : line.probe.indexOf('::');
  if (at < 0) return null;
  const width = reversed >= 0 ? 3 : 2;
  const question = { ...line, text: line.text.slice(0, at), probe: line.probe.slice(0, at) };
  const answer = { ...line, text: line.text.slice(at + width), probe: line.probe.slice(at + width) };
  if (!withoutMarkers(question.text).trim() || !withoutMarkers(answer.text).trim()) return null;
  return { separator: reversed >= 0 ? ':::' : '::', question, answer };
}

function separatorOf(line: NoteLine): '?' | '??' | null {
  if (line.kind !== 'text') return null;
  const mark = line.probe.trim();
  return mark === '?' || mark === '??' ? mark : null;
}

/**
 * The last line of a multi-line card's answer, which starts after `separator`; `separator` itself
 * when there is no answer. The answer ends at a blank line, a heading, the next `::` card, a stray
 * `?`, or before the line that asks the next multi-line card.
 */
function answerEnd(lines: NoteLine[], inline: readonly (object | null)[], separator: number): number {
  let end = separator;
  for (let j = separator + 1; j < lines.length; j++) {
    const line = lines[j];
    if (line.kind === 'hidden') continue;
    if (line.kind === 'code') {
      end = j;
      continue;
    }
    if (line.kind !== 'text' || inline[j] || separatorOf(line)) break;
    if (j > separator + 1 && asksNext(lines, j)) break;
    end = j;
  }
  return end > separator ? withSchedule(lines, end) : separator;
}

function asksNext(lines: NoteLine[], j: number): boolean {
  let next = j + 1;
  while (next < lines.length && lines[next].kind === 'hidden') next++;
  return next < lines.length && separatorOf(lines[next]) !== null;
}

/** A card's last line, or the scheduling comment right below it. */
function withSchedule(lines: NoteLine[], end: number): number {
  return lines[end + 1]?.schedule ? end + 1 : end;
}

function lastContent(lines: NoteLine[], from: number, to: number): number {
  let last = to - 1;
  while (last > from && !isContent(lines[last])) last--;
  return last;
}

function isContent(line: NoteLine): boolean {
  return line.kind === 'text' || line.kind === 'code';
}

/** Cards of one question and answer, and the answer-to-question card too when reversed. */
function bothWays(separator: '::' | ':::' | '?' | '??', questionLines: NoteLine[], answerLines: NoteLine[], line: number, endLine: number): FoundCard[] {
  const question = sideText(questionLines);
  const answer = sideText(answerLines);
  if (!question || !answer) return [];
  const card: FoundCard = { kind: 'explicit', question: asPrompt(question), answer, line, endLine };
  return separator === ':::' || separator === '??' ? [card, { ...card, question: answer, answer: question }] : [card];
}

/**
 * A one-line prompt written as a statement ("Capital of France") still reads as a question; a
 * prompt of several lines, or one ending in its own punctuation ("Define CAP:"), stays as written.
 */
function asPrompt(question: string): string {
  return question.includes('\n') || /[?？!.:;…]$/.test(question) ? question : `${question}?`;
}

/** Obsidian highlight: no space just inside its marks, no `==` within. */
const HIGHLIGHT = /==(?=[^\s=])((?:(?!==).)*?\S)==/g;

/**
 * One cloze card per deletion of a paragraph holding `==deletions==`; the other deletions read as
 * plain text. Lines are rendered one by one (a deletion re-renders only its own line) and read as
 * one sentence.
 */
function clozeCards(paragraph: NoteLine[], line: number, endLine: number): FoundCard[] {
  const texts = paragraph.filter((l) => l.kind === 'text');
  if (!texts.some((l) => l.probe.includes('=='))) return [];
  const plain = texts.map((l) => clozeLineText(unwrapHighlights(l)));
  const cards: FoundCard[] = [];
  texts.forEach((target, t) => {
    for (const deletion of target.probe.matchAll(HIGHLIGHT)) {
      const from = deletion.index;
      const to = from + deletion[0].length;
      const head = unwrapHighlights({ ...target, text: target.text.slice(0, from), probe: target.probe.slice(0, from) });
      const tail = unwrapHighlights({ ...target, text: target.text.slice(to), probe: target.probe.slice(to) });
      const [blankHead, blankTail, ...rest] = clozeLineText(`${head}${BLANK}${tail}`).split(BLANK);
      const answer = plainText(target.text.slice(from + 2, to - 2));
      if (blankTail === undefined || rest.length > 0 || !answer) continue;
      const before = [...plain.slice(0, t), blankHead].filter((text, k) => text || k === t).join(' ');
      const after = [blankTail, ...plain.slice(t + 1)].filter((text, k) => text || k === 0).join(' ');
      cards.push({ kind: 'cloze', question: `Fill in the blank: ${before}____${after}`, answer, line, endLine });
    }
  });
  return cards;
}

/** One line of a cloze sentence as plain text, whitespace collapsed. */
function clozeLineText(markdown: string): string {
  return plainText(withoutMarkers(markdown).replace(LIST_MARKER, '').trim()).replace(/\s+/g, ' ').trim();
}

/** Marks the blank while the sentence is rendered: a private-use character markdown leaves alone. */
const BLANK = '\uE000';

function unwrapHighlights(line: NoteLine): string {
  let text = '';
  let last = 0;
  for (const match of line.probe.matchAll(HIGHLIGHT)) {
    text += line.text.slice(last, match.index) + line.text.slice(match.index + 2, match.index + match[0].length - 2);
    last = match.index + match[0].length;
  }
  return text + line.text.slice(last);
}

/** `#flashcards` and `#flashcards/deck/...` tags (Obsidian tags are case-insensitive). */
const FLASHCARD_TAG = /(^|\s)#flashcards(?:\/[^\s#]*)?(?=\s|$)/gi;
/** An Obsidian block id closing a line: ` ^id`. */
const BLOCK_ID = /(?<=^|\s)\^[A-Za-z0-9-]+\s*$/;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

function withoutMarkers(text: string): string {
  return text.replace(FLASHCARD_TAG, '$1').replace(BLOCK_ID, '').trimEnd();
}

/**
 * The plain text of one side of a card: highlights unwrapped, tags and block ids dropped, lines
 * dedented; a side that is a single list item reads without its bullet. Code lines are only
 * dedented (their blank lines are kept).
 */
function sideText(lines: NoteLine[]): string {
  const kept = lines
    .map((line) => (line.kind === 'code' ? line.text : withoutMarkers(unwrapHighlights(line)).trimEnd()))
    .filter((text, k) => lines[k].kind === 'code' || text.trim());
  const indentOf = (text: string) => /^\s*/.exec(text)![0].length;
  const indent = kept.reduce((least, text) => (text.trim() ? Math.min(least, indentOf(text)) : least), Infinity);
  const body = kept.map((text) => text.slice(Math.min(indent, indentOf(text))));
  if (body.length > 0 && body.filter((text) => LIST_MARKER.test(text)).length === 1 && LIST_MARKER.test(body[0])) {
    body[0] = body[0].replace(LIST_MARKER, '');
  }
  return plainText(body.join('\n'));
}

function plainText(markdown: string): string {
  return toPlainText(parseMarkdown(markdown));
}

/** Inline markdown of a paragraph's tree, close enough to the note's text to find card syntax in. */
function markdownOf(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'html':
          return node.value;
        case 'inlineCode': {
          const ticks = '`'.repeat(Math.max(0, ...(node.value.match(/`+/g) ?? []).map((run) => run.length)) + 1);
          return `${ticks} ${node.value} ${ticks}`;
        }
        case 'strong':
          return `**${markdownOf(node.children)}**`;
        case 'emphasis':
          return `*${markdownOf(node.children)}*`;
        case 'delete':
          return `~~${markdownOf(node.children)}~~`;
        case 'link':
          return `[${markdownOf(node.children)}](${node.url})`;
        case 'break':
          return '\n';
        default:
          return '';
      }
    })
    .join('');
}
