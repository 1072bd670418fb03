import { codeMask, type Line } from './lines';
import { hasFiniteVerb, isNounPhrase, sentenceParts } from './sentence-parts';
import { splitDecoration, type Decoration } from './titles';
import { COURSE_SUFFIX, labelRole } from './vocabulary';

/**
 * Long stretches of text without a written heading get headings inferred from the shape of their
 * lines; so does a note with no written heading at all. A stretch runs from one written heading
 * (ATX, setext, or ATX inside a list item) to the next; it is long past MAX_STRETCH_LINES text
 * lines or MAX_STRETCH_CHARS characters (blank lines, code and table rows do not count). The rules,
 * strongest first:
 * - an outline number "2.3." / "2.3" before a title: depth = number of components;
 * - "N." / "N)" before a short title, in a note that uses multi-level outline numbers: depth 1;
 * - a line holding only a chapter number (or "Chapter N") followed by a short title: depth 1;
 * - decorated titles: a short title after an enumerator or arrow ("(i) Title", "① Title",
 *   "[A] Title", "→ Title") or before ":-" ("1) Title :-", "title :-");
 * - weak headings: short title-like lines between blank lines, ALL-CAPS lines, short labels ending
 *   in ":" or ":-", and lines that are wholly bold; in a stretch of short hand-written lines, also
 *   a capitalised name of a few words on a line of its own.
 * In a note that uses multi-level outline numbers, outline lines head topics in short stretches
 * too, and the lines indented under them move left to become their body.
 * Inferred headings nest under the written heading above their stretch: depth 1 becomes its depth
 * + 1 (an outline number's depth counts from the shallowest one in the stretch). Weak headings sit
 * one level below the last strong one; labels and decorated titles nest by style below the last
 * title, a style first seen one level deeper than those seen before it.
 * Inferred headings are written as ATX headings; line count and origins are unchanged. Invariant:
 * an inferred heading's title holds a letter.
 */
export function inferHeadings(lines: Line[]): Line[] {
  const code = codeMask(lines);
  const all = findStretches(lines, code);
  const stretches = all.filter((s) => s.infer);
  const opening = all[0]?.start === 0 && !all[0].infer ? noteTitle(lines, code, all[0]) : null;
  // Outline numbers title words ("1.2 Leader-follower"); a table's figures ("100.12  600") title nothing.
  const outlineNote = lines.filter((l, i) => !code[i] && /\p{L}/u.test(MULTI_LEVEL.exec(l.text.trim())?.[3] ?? '')).length >= 3;
  if (stretches.length === 0 && !opening && !outlineNote && !all.some((stretch) => hasSectionItem(lines, code, stretch))) return lines;
  const out = lines.map((line) => ({ ...line }));
  if (opening) out[opening.line].text = `${'#'.repeat(Math.max(1, all[0].base))} ${opening.title}`;
  // A note with no written heading may open on its own title line (isNoteHeadline).
  const headline = all.length === 1 && all[0].infer ? lines.findIndex((line) => line.text.trim() !== '') : -1;
  // An outline's numbers head its topics however short the stretch they sit in.
  for (const stretch of all) inferInStretch(out, code, stretch, outlineNote, !stretch.infer, headline);
  return out;
}

/**
 * A note whose written headings start below a short opening (an export's document title in bold,
 * then its first paragraphs) is titled by its first line when that line stands alone, is bold or
 * a short title, and content follows: the opening paragraphs are that title's, not the file name's.
 */
function noteTitle(lines: Line[], code: boolean[], { start, end }: Stretch): { line: number; title: string } | null {
  let i = start;
  while (i < end && !lines[i].text.trim()) i++;
  if (i >= end || code[i] || lines[i + 1]?.text.trim()) return null;
  const text = lines[i].text.trim();
  const bold = BOLD_LINE.exec(text);
  const title = bold ? (bold[1] ?? bold[2]).trim() : isShortTitle(text) ? text : null;
  let j = i + 1;
  while (j < end && !lines[j].text.trim()) j++;
  const following = j < end ? lines[j].text.trim() : '';
  if (!title || words(title) > MAX_WEAK_WORDS || readsAsStatement(title) || following.length <= MIN_CONTENT_CHARS || !introducesContent(following)) return null;
  return { line: i, title };
}

interface Stretch {
  /** First and past-the-last line of the stretch (written heading lines excluded). */
  start: number;
  end: number;
  /** Depth of the written heading above the stretch; before the first one, one less than its depth. */
  base: number;
  infer: boolean;
  /** Long, and mostly paragraphs rather than list items and table rows. */
  prose: boolean;
}

/** A stretch this long without a written heading needs topics of its own. */
const MAX_STRETCH_LINES = 40;
const MAX_STRETCH_CHARS = 2500;

const ATX = /^\s{0,3}(#{1,6})\s+\S/;
/** Exports write a heading as a list item: "- ## Title", "1. ### Title" (not "- # of users"). */
const LIST_ITEM_ATX = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(#{1,6})\s+(?!\p{Ll})\S/u;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;

/** Depth of a written heading on line i (0 for none); a setext underline line counts as its title's. */
function writtenDepth(lines: Line[], code: boolean[], i: number): number {
  if (code[i]) return 0;
  const text = lines[i].text;
  const atx = ATX.exec(text) ?? LIST_ITEM_ATX.exec(text);
  if (atx) return atx[1].length;
  const underline = setextUnderline(lines, code, i) ?? (SETEXT_UNDERLINE.test(text) ? setextUnderline(lines, code, i - 1) : null);
  return underline ? (underline.startsWith('=') ? 1 : 2) : 0;
}

/** The underline of a setext heading whose title is line j, or null. */
function setextUnderline(lines: Line[], code: boolean[], j: number): string | null {
  if (j < 0 || j + 1 >= lines.length || code[j] || code[j + 1] || !isParagraphLine(lines[j].text)) return null;
  return SETEXT_UNDERLINE.exec(lines[j + 1].text)?.[1] ?? null;
}

function isParagraphLine(text: string): boolean {
  return !!text.trim() && !/^\s*(?:[-*+>|#]|\d{1,9}[.)]\s)/.test(text) && !SETEXT_UNDERLINE.test(text);
}

/** Splits the note at its written headings; a note with none is one stretch, always inferred. */
function findStretches(lines: Line[], code: boolean[]): Stretch[] {
  const stretches: Stretch[] = [];
  const open = (start: number, base: number) => ({ start, end: start, base, infer: false, prose: false, lines: 0, chars: 0, listLines: 0 });
  let current = open(0, 0);
  const close = (end: number) => {
    current.end = end;
    current.infer = current.lines > MAX_STRETCH_LINES || current.chars > MAX_STRETCH_CHARS;
    current.prose = current.infer && current.listLines * 2 < current.lines;
    if (end > current.start) stretches.push(current);
  };
  /** Depth of the first written heading: what is inferred before it sits beside it, not above. */
  let firstDepth = 0;
  for (let i = 0; i < lines.length; i++) {
    const depth = writtenDepth(lines, code, i);
    if (depth) {
      close(i);
      firstDepth ||= depth;
      current = open(i + 1, depth);
      continue;
    }
    const text = lines[i].text.trim();
    if (code[i] || !text || text.startsWith('|')) continue;
    current.lines++;
    current.chars += text.length;
    if (LIST_ITEM.test(text)) current.listLines++;
  }
  close(lines.length);
  if (!firstDepth) stretches.forEach((s) => (s.infer = true));
  else if (stretches[0]?.start === 0) stretches[0].base = firstDepth - 1;
  return stretches;
}

/**
 * `outlineOnly`: a stretch short enough to need no inferred topics still takes its outline numbers
 * (in an outline note) and its numbered section items as headings, and nothing else. `headline`:
 * the first line of a note with no written heading, or -1.
 */
function inferInStretch(out: Line[], code: boolean[], stretch: Stretch, outlineNote: boolean, outlineOnly: boolean, headline: number): void {
  if (outlineOnly && !outlineNote && !hasSectionItem(out, code, stretch)) return;
  const { start, end, base } = stretch;
  const handWritten = !outlineOnly && shortLined(out, code, stretch);
  /** Under a written heading, the shallowest outline number of the stretch sits just below it. */
  const outlineShift = base > 0 ? base - shallowestOutline(out, code, stretch, outlineNote) + 1 : 0;
  let strongDepth = base;
  /** Depth of the last unmarked title heading since the last strong one; labels nest under it. */
  let titleDepth = 0;
  /** Styles of labels and decorated titles seen below the last title, shallowest first. */
  let styles: string[] = [];

  const blank = (i: number) => i < start || i >= end || !out[i].text.trim() || out[i].text.startsWith('#');
  const nextContent = (i: number) => {
    let j = i + 1;
    while (j < out.length && !out[j].text.trim()) j++;
    return j < out.length ? j : -1;
  };
  const previousContent = (i: number) => {
    let j = i - 1;
    while (j >= start && !out[j].text.trim()) j--;
    return j >= start ? out[j].text.trim() : '';
  };
  /** Characters in the paragraph starting at line i: hand-written lines wrap short. */
  const paragraphLength = (i: number) => {
    let length = 0;
    for (let j = i; j < out.length && !blank(j) && length <= MIN_CONTENT_CHARS; j++) length += out[j].text.trim().length + 1;
    return length;
  };
  /** The number of the last one-level outline heading ("2." of "2. Partitioning"), or null. */
  let lastTop: number | null = null;
  /** The line of the last heading inferred in this stretch. */
  let inferred: number | null = null;
  const setHeading = (i: number, depth: number, title: string) => {
    inferred = i;
    // A title found without its course bookkeeping keeps it as written ("SYSTEM DESIGN - LECTURE 3").
    const written = out[i].text.trim();
    const kept = written.replace(COURSE_SUFFIX, '') === title ? written : title;
    out[i].text = `${'#'.repeat(Math.min(6, Math.max(1, depth)))} ${kept}`;
  };
  const strong = (i: number, depth: number, title: string) => {
    setHeading(i, depth, title);
    strongDepth = depth;
    titleDepth = 0;
    styles = [];
  };
  /** Labels and decorated titles: a style seen before returns to its level, a new one goes deeper. */
  const styled = (i: number, style: string, title: string) => {
    const level = styles.indexOf(style);
    styles = level === -1 ? [...styles, style] : styles.slice(0, level + 1);
    setHeading(i, (titleDepth || strongDepth) + styles.length, title);
  };

  for (let i = start; i < end; i++) {
    if (code[i]) continue;
    // "DNS + CDN - lec 7" is read as a title without the course's bookkeeping.
    const trimmed = out[i].text.trim();
    // The suffix ends in its number (or a closing parenthesis after it).
    const text = /[\d)]$/.test(trimmed) ? trimmed.replace(COURSE_SUFFIX, '') : trimmed;
    if (!text || text.startsWith('|') || text.startsWith('>') || text.startsWith('#')) continue;

    const section = sectionItem(out, code, i, end, text);
    const outline = outlineHeading(text, outlineNote) ?? section;
    const top = SINGLE_LEVEL.exec(text)?.[1];
    // "3. Indexes" after the topics "1. Replication" and "2. Partitioning" is the next one, sub-numbers or not.
    const nextTop = top !== undefined && lastTop !== null && Number(top) === lastTop + 1;
    if (outline && (!outlineOnly || section || outline.depth > 1 || nextTop || opensOutline(text, out[nextContent(i)]?.text.trim() ?? ''))) {
      if (outline.depth === 1 && top !== undefined) lastTop = Number(top);
      dedentBody(out, code, i, end);
      strong(i, outline.depth + outlineShift, outline.title);
      continue;
    }
    if (outlineOnly) continue;
    const next = nextContent(i);
    const following = next === -1 ? '' : out[next].text.trim();
    if (CHAPTER_NUMBER.test(text) && next !== -1 && next - i <= 2 && isShortTitle(following) && /^\p{Lu}/u.test(following)) {
      out[i].text = '';
      strong(next, base + 1, following);
      i = next;
      continue;
    }
    if (CHAPTER_TITLE.test(text)) {
      strong(i, base + 1, text);
      continue;
    }
    // Decorated and weak titles are short; so is what tells them apart from content.
    if (next === -1 || next >= end || text.length > MAX_WEAK_LINE) continue;
    const decoration = splitDecoration(text);
    const decorated = decoratedTitle(decoration, following, previousContent(i), blank(i - 1));
    if (decorated) {
      styled(i, decorated.style, decorated.title);
      continue;
    }
    // An enumerator or arrow the decorated rule turned down leads an item, not a title.
    if (decoration.kind === 'enumerator' || decoration.kind === 'arrow') continue;
    const weak =
      // A lower-case statement right under a title inferred here is that title's content
      // ("Sharding" / "key choice matters most"); a noun phrase there is a subtitle ("load balancing").
      weakHeadingTitle(text, following, paragraphLength(next), blank(i - 1) && !(inferred === i - 1 && isLowerCaseTitle(text) && hasFiniteVerb(text)), handWritten) ??
      (stretch.prose && isProseTitle(text, previousContent(i), following, blank(i - 1), next > i + 1) ? { title: text, label: false } : null) ??
      (handWritten && isHandTitle(text, previousContent(i), following, paragraphLength(next)) ? { title: text, label: false } : null) ??
      (i === headline && isNoteHeadline(text, next - i, following) ? { title: text, label: false } : null);
    if (!weak) continue;
    if (weak.label) {
      // "Pros:" after "Token bucket" belongs to the token bucket, not beside it.
      styled(i, LABEL_STYLE, weak.title);
    } else {
      setHeading(i, strongDepth + 1, weak.title);
      titleDepth = strongDepth + 1;
      styles = [];
    }
  }
}

/** Outline numbers with two or more components: "2.3.", "1.4.1 ", "3.2)". */
const MULTI_LEVEL = /^(\d{1,3}(?:\.\d{1,3})+)([.)]?)\s+(\S.*)$/;
const SINGLE_LEVEL = /^(\d{1,3})[.)]\s+(\S.*)$/;
const CHAPTER_NUMBER = /^(?:chapter\s+)?\d{1,2}$/i;
const CHAPTER_TITLE = /^(?:chapter|part|lesson|module|unit)\s+\d{1,3}\b\s*[:.\-–—]?\s*\S.{0,80}$/i;
/** A page footer is no title: "Page 12", "p. 3 of 40". */
const PAGE_LINE = /^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const MAX_OUTLINE_TITLE = 200;
const MAX_TITLE = 80;
const MAX_WEAK_TITLE = 70;
const MAX_WEAK_WORDS = 10;
/** Longer lines are never decorated or weak titles (ten words, bold or capitals, fit well within). */
const MAX_WEAK_LINE = 150;
const MAX_DECORATED_WORDS = 8;
const MAX_PROSE_TITLE_WORDS = 6;
const MAX_INLINE_TITLE_WORDS = 3;
/** A line this long after a short title is content, not another title. */
const MIN_CONTENT_CHARS = 40;
/** The style shared by plain labels ("Pros:", "title :-") and wholly bold lines. */
const LABEL_STYLE = ':';

/**
 * An outline heading: "2.3 Title" (depth = number of components), or "2. Title" in an outline
 * note. "1.5 million users ..." is prose: an outline number ends in "." or ")" or heads a short title.
 */
function outlineHeading(text: string, outlineNote: boolean): { depth: number; title: string } | null {
  const multi = MULTI_LEVEL.exec(text);
  if (multi && (multi[2] ? isTitle(multi[3], MAX_OUTLINE_TITLE) : isShortTitle(multi[3]))) {
    return { depth: multi[1].split('.').filter(Boolean).length, title: `${multi[1]} ${multi[3]}` };
  }
  const single = SINGLE_LEVEL.exec(text);
  if (single && outlineNote && isTitle(single[2], MAX_TITLE) && !endsSentence(single[2])) {
    return { depth: 1, title: `${single[1]}. ${single[2]}` };
  }
  return null;
}

/** A numbered item whose nested outline runs this many lines is a section of the note. */
const MIN_SECTION_ITEM_LINES = 8;

/**
 * "1. Web crawler" over a long nested outline ("   a. Goals" / "      - Scale ..."): a top-level
 * numbered item with a short title and a body of MIN_SECTION_ITEM_LINES lines or more, all indented
 * under it, heads a topic as an outline number would.
 */
function sectionItem(out: Line[], code: boolean[], i: number, end: number, text: string): { depth: number; title: string } | null {
  const single = SINGLE_LEVEL.exec(text);
  if (!single || /^\s/.test(out[i].text) || !isShortTitle(single[2])) return null;
  let body = 0;
  for (let j = i + 1; j < end && body < MIN_SECTION_ITEM_LINES; j++) {
    if (!out[j].text.trim()) continue;
    if (code[j] || !/^\s/.test(out[j].text)) break;
    body++;
  }
  return body >= MIN_SECTION_ITEM_LINES ? { depth: 1, title: `${single[1]}. ${single[2]}` } : null;
}

function hasSectionItem(out: Line[], code: boolean[], { start, end }: Stretch): boolean {
  for (let i = start; i < end; i++) if (!code[i] && /^\d/.test(out[i].text) && sectionItem(out, code, i, end, out[i].text.trim())) return true;
  return false;
}

/** "1. Replication" followed by "1.1 Leader-follower": a numbered item that opens its own numbered parts. */
function opensOutline(text: string, following: string): boolean {
  const number = SINGLE_LEVEL.exec(text)?.[1];
  return !!number && MULTI_LEVEL.exec(following)?.[1].split('.')[0] === number;
}

/**
 * "1. Replication" then "   1.1 Leader-follower" then "       - writes go to the leader": the
 * lines nested under an outline line that becomes a heading move left by the column its title
 * starts at, so they are its body, not a list item's continuation or indented code. Stops at the
 * first line indented less.
 */
function dedentBody(out: Line[], code: boolean[], i: number, end: number): void {
  const written = out[i].text;
  const column = written.length - written.trimStart().length + (/^\s*[\d.)]+\s+/.exec(written)?.[0].trimStart().length ?? 0);
  if (column === 0) return;
  for (let j = i + 1; j < end; j++) {
    const text = out[j].text;
    if (!text.trim()) continue;
    if (code[j] || text.length - text.trimStart().length < column) return;
    out[j].text = text.slice(column);
  }
}

/** Fewest outline components among the stretch's outline headings (1 when it has none). */
function shallowestOutline(lines: Line[], code: boolean[], { start, end }: Stretch, outlineNote: boolean): number {
  let shallowest = Infinity;
  for (let i = start; i < end; i++) {
    if (!code[i]) shallowest = Math.min(shallowest, outlineHeading(lines[i].text.trim(), outlineNote)?.depth ?? Infinity);
  }
  return Number.isFinite(shallowest) ? shallowest : 1;
}

function isTitle(text: string, max: number): boolean {
  return text.length <= max && /^[\p{L}\p{N}"'“(]/u.test(text) && /\p{L}/u.test(text) && !/[,;]$/.test(text) && !PAGE_LINE.test(text);
}

function endsSentence(text: string): boolean {
  return /[.!]$/.test(text) && !/\b(?:etc|vs|e\.g|i\.e)\.$/i.test(text);
}

/**
 * "Round robin: each server in turn" is a labelled statement, not a title; "Option 3: Geohash" and
 * "Step 1 - Understand the problem" are titles (what follows the separator is capitalised).
 */
const LABELLED_STATEMENT = /\S\s*(?::|\s[-–—=]\s|→|=>)\s*\p{Ll}/u;

function isShortTitle(text: string): boolean {
  return (
    isTitle(text, MAX_WEAK_TITLE) &&
    !endsSentence(text) &&
    !LABELLED_STATEMENT.test(text) &&
    /^[\p{Lu}\p{N}]/u.test(text) &&
    words(text) <= MAX_WEAK_WORDS
  );
}

/** Lines of a stretch that wraps by hand are this short at the median; typed paragraphs run on. */
const MAX_HAND_LINE = 50;

/** A stretch written in short lines (handwriting, OCR), where a paragraph's first line may be a few words. */
function shortLined(lines: Line[], code: boolean[], { start, end }: Stretch): boolean {
  const lengths: number[] = [];
  for (let i = start; i < end; i++) {
    const text = lines[i].text.trim();
    if (text && !code[i] && !text.startsWith('|')) lengths.push(text.length);
  }
  lengths.sort((a, b) => a - b);
  return lengths.length > 0 && lengths[Math.floor(lengths.length / 2)] <= MAX_HAND_LINE;
}

/** Handwritten notes often title a section in lower case: "load balancing" alone on its line. */
function isLowerCaseTitle(text: string): boolean {
  return words(text) <= 4 && /^[\p{Ll}][\p{L}\p{N} '-]*$/u.test(text);
}

/** Counts whitespace-separated words without allocating: it runs on most lines of a note. */
function words(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Whether a UTF-16 code unit is one that `\s` matches (JavaScript's white space and line terminators). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const LIST_ITEM = /^([-*+]|\d{1,3}[.)])\s/;
const BOLD_LINE = /^\*\*([^*]+?)\*\*\s*:?$|^__([^_]+?)__\s*:?$/;
const LABEL_LINE = /^([\p{Lu}][^:]{0,40}?)\s*:-?$/u;

/**
 * A decorated title ("(i) Title", "① Title", "→ Title", "1) Title :-", "title :-") and its
 * style, or null. Like any heading it must introduce content: the next line is not another title
 * nor the next item of the same enumeration. ":-" marks a heading by itself; without it a list
 * number ("1.", "a)") leads a list item, an enumerator in a run of its own style or before a
 * statement leads an item, and an arrow leads a title only after a break (arrows also lead
 * conclusions).
 */
function decoratedTitle(decoration: Decoration, following: string, previous: string, afterBreak: boolean): { title: string; style: string } | null {
  const { style, kind, title, closer } = decoration;
  if ((!style && closer !== ':-') || style === CITATION_STYLE) return null;
  if (!isTitle(title, MAX_WEAK_TITLE)) return null;
  if (endsSentence(title) || LABELLED_STATEMENT.test(title) || words(title) > MAX_DECORATED_WORDS || /https?:\/\//.test(title)) return null;
  if (closer && SENTENCE_LEAD_IN.test(title)) return null;
  if (!introducesContent(following) || (style && splitDecoration(following).style === style)) return null;
  if (closer === ':-') return { title, style: style ?? LABEL_STYLE };
  if (readsAsStatement(title)) return null;
  const capitalised = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}"'“]/u.test(title);
  if (kind === 'enumerator' && (closer || capitalised) && splitDecoration(previous).style !== style) return { title, style: style ?? LABEL_STYLE };
  if (kind === 'arrow' && (closer || (afterBreak && capitalised))) return { title, style: style ?? LABEL_STYLE };
  return null;
}

/** "[12] Title:" cites a reference; it heads no topic. */
const CITATION_STYLE = '[1]';
/** A line that is nothing but a link. */
const LONE_LINK = /^<?https?:\/\/\S+>?$/;

/** What follows a heading must be content: not a heading, nor a title marked as one, nor a bare link. */
function introducesContent(following: string): boolean {
  return !!following && !following.startsWith('#') && !isAllCaps(following) && !BOLD_LINE.test(following) && !LONE_LINK.test(following);
}

/**
 * The title of a weak heading, or null. `following` is the next non-blank line: a heading must
 * introduce content, so the line after it must not be another short title.
 */
function weakHeadingTitle(text: string, following: string, followingLength: number, afterBreak: boolean, handWritten: boolean): { title: string; label: boolean } | null {
  if (LIST_ITEM.test(text) || /https?:\/\//.test(text)) return null;
  // Marked titles (bold, ALL CAPS, "Label:") need only be followed by something that is not a title.
  const followedByText = introducesContent(following);
  const bold = BOLD_LINE.exec(text);
  if (bold) {
    const title = (bold[1] ?? bold[2]).trim();
    return words(title) <= MAX_WEAK_WORDS && /\p{L}/u.test(title) && followedByText ? { title, label: true } : null;
  }
  const label = LABEL_LINE.exec(text);
  // "IMPORTANT:", "Note:" mark what follows as a remark; they name no topic.
  if (label && labelRole(label[1]) === 'commentary') return null;
  if (label && words(label[1]) <= 6 && !SENTENCE_LEAD_IN.test(label[1])) return followedByText ? { title: label[1], label: true } : null;
  if (isAllCaps(text) && words(text) <= MAX_WEAK_WORDS) return followedByText ? { title: text, label: false } : null;
  // An unmarked short line is a title only between a break and real content.
  // Hand-written notes wrap short: under a lower-case title, or in a stretch of short lines, the
  // whole next paragraph counts.
  const introducesText =
    following.length > MIN_CONTENT_CHARS || LIST_ITEM.test(following) || following.startsWith('|') ||
    ((handWritten || isLowerCaseTitle(text)) && followingLength > MIN_CONTENT_CHARS);
  if (afterBreak && (isShortTitle(text) || isLowerCaseTitle(text)) && !text.endsWith(':') && !readsAsStatement(text) && followedByText && introducesText) {
    return { title: text, label: false };
  }
  return null;
}

/**
 * In long prose (OCR'd handwriting, prose exports) a topic starts at a short plain line, in any
 * case, where the line before ended a sentence and a sentence follows. A line standing alone
 * between blank lines may have up to MAX_PROSE_TITLE_WORDS words; one inside a run of lines, fewer.
 */
function isProseTitle(text: string, previous: string, following: string, afterBreak: boolean, beforeBreak: boolean): boolean {
  const maxWords = afterBreak && beforeBreak ? MAX_PROSE_TITLE_WORDS : MAX_INLINE_TITLE_WORDS;
  return (
    SENTENCE_END.test(previous) &&
    words(text) <= maxWords &&
    isTitle(text, MAX_WEAK_TITLE) &&
    PLAIN_WORDS.test(text) &&
    !readsAsStatement(text) &&
    introducesContent(following) &&
    following.length > MIN_CONTENT_CHARS &&
    words(following) > maxWords &&
    !LIST_ITEM.test(following)
  );
}

/**
 * The first line of a note with no heading, alone above its first paragraph, is the note's own
 * title even when it reads like a record ("CS 4xx - distributed sys - notes 10/14").
 */
function isNoteHeadline(text: string, gapToNext: number, following: string): boolean {
  // "CAP theorem" straight over "in a partition you pick ...": a capitalised name over lower-case notes.
  const over = /^\p{Lu}/u.test(text) && /^\p{Ll}/u.test(following) && isNounPhrase(text) && !hasFiniteVerb(text);
  return (gapToNext > 1 || over) && words(text) <= MAX_WEAK_WORDS && !/[.!?:;,]$/.test(text) && isTitle(text, MAX_TITLE);
}

/** A title written on its own line in a run of hand-written lines has this many words at most ("Kafka", "Load balancing"). */
const MAX_HAND_TITLE_WORDS = 3;
/** A line ending so needs the next line to go on: "systems like", "reads and", "a,". */
const OPEN_END = /(?:[,(&+\/-]|\b(?:a|an|the|of|to|and|or|with|for|in|on|by|at|from|as|like|than|is|are|be|e\.g\.?))$/i;

/**
 * Hand-written notes title a topic on a line of its own, with no blank line around it: a name of
 * a few words, capitalised, that the line before does not run onto and a paragraph follows
 * ("RabbitMQ" between "retention by time, not deleted on read" and "broker pushes to consumers").
 */
function isHandTitle(text: string, previous: string, following: string, followingLength: number): boolean {
  return (
    words(text) <= MAX_HAND_TITLE_WORDS &&
    /^\p{Lu}/u.test(text) &&
    PLAIN_WORDS.test(text) &&
    (isNounPhrase(text) || pairedTitle(text, following)) &&
    !hasFiniteVerb(text) &&
    (previous === '' || !OPEN_END.test(previous)) &&
    introducesContent(following) &&
    !/^\p{Lu}[\p{L}\p{N}]*$/u.test(following) &&
    followingLength > MIN_CONTENT_CHARS
  );
}

/**
 * "Payments - idempotency" over "1. problem: ...": a title and its subtitle, each a few words
 * naming something, over a list. (A record, "token bucket - holds N tokens", says something of
 * its term and goes on below it in prose.)
 */
function pairedTitle(text: string, following: string): boolean {
  const halves = text.split(/\s[-–—]\s/);
  return halves.length === 2 && LIST_ITEM.test(following) && halves.every((half) => words(half) <= MAX_HALF_TITLE_WORDS && isNounPhrase(half));
}

const MAX_HALF_TITLE_WORDS = 3;

const SENTENCE_END = /[.!?]["'”’)]*$/;
/** Words, numbers and the few marks a title holds; no code, no sentence punctuation. */
const PLAIN_WORDS = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} '’&()\/-]*$/u;

/** "Replicas are read-only" states something; a title names it. Questions may be titles ("How data is stored"). */
const STATEMENT = /^(?!(?:how|what|why|when|where|which|who)\b)(?!.*\?$).*\s(?:is|are|was|were)\s/i;

/**
 * A line that says something rather than names it: "is"/"are" inside, a condition and what
 * follows it, or a subject, its verb and what follows over five words or more ("IETF and RFC
 * govern a lot of Internet standards"). Shorter lines keep the benefit of the doubt: "Cache hits
 * and misses" may read as a clause.
 */
const MIN_STATEMENT_WORDS = 5;

function readsAsStatement(text: string): boolean {
  if (STATEMENT.test(text) || CONDITION_THEN_CLAUSE.test(text)) return true;
  if (words(text) < MIN_STATEMENT_WORDS || /^(?:how|what|why|when|where|which|who)\b/i.test(text)) return false;
  // A verb with nothing after it closes a relative clause of a title ("Numbers every engineer
  // should know"); a verb that may be a noun ("Latency numbers ...") may be part of the name.
  const parts = sentenceParts(text);
  return parts.verb !== '' && parts.predicate !== '' && !isNounPhrase(parts.verb);
}

/** "When sending, use UTC", "If the leader fails, ...": a condition and what follows it (not "When to cache"). */
const CONDITION_THEN_CLAUSE = /^(?:when|whenever|if|while|because|although|once|since|after|before|unless)\b[^,]*,\s*\S/i;

/** "It is made of these parts:" introduces a list; it names no topic. */
const SENTENCE_LEAD_IN = /^(?:it|this|that|these|those|they|we|you|there|here)\b|\bthe following\b/i;

function isAllCaps(text: string): boolean {
  if (/\p{Ll}/u.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
