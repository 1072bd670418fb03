import { codeMask, type Line } from './lines';

/**
 * Notes with no markdown headings (plain text, OCR, PDF conversions, outline exports) get headings
 * inferred from the shape of their lines. The rules, strongest first:
 * - an outline number "2.3." / "2.3" before a title: depth = number of components;
 * - "N." / "N)" before a short title, in a note that uses multi-level outline numbers: depth 1;
 * - a line holding only a chapter number (or "Chapter N") followed by a short title: depth 1;
 * - weak headings, one level below the last strong heading: short title-like lines between blank
 *   lines, ALL-CAPS lines, short labels ending in ":" or ":-", and lines that are wholly bold.
 * Inferred headings are written as ATX headings; line count and origins are unchanged.
 */
export function inferHeadings(lines: Line[]): Line[] {
  const code = codeMask(lines);
  if (!needsInference(lines, code)) return lines;
  const outlineNote = lines.filter((l, i) => !code[i] && MULTI_LEVEL.test(l.text)).length >= 3;
  const out = lines.map((line) => ({ ...line }));
  let strongDepth = 0;
  /** Depth of the last unmarked title heading since the last strong one; labels nest under it. */
  let titleDepth = 0;

  const blank = (i: number) => i < 0 || i >= out.length || !out[i].text.trim() || out[i].text.startsWith('#');
  const nextContent = (i: number) => {
    let j = i + 1;
    while (j < out.length && !out[j].text.trim()) j++;
    return j < out.length ? j : -1;
  };
  /** Characters in the paragraph starting at line i: hand-written lines wrap short. */
  const paragraphLength = (i: number) => {
    let length = 0;
    for (let j = i; j < out.length && !blank(j) && length <= MIN_CONTENT_CHARS; j++) length += out[j].text.trim().length + 1;
    return length;
  };
  const setHeading = (i: number, depth: number, title: string) => {
    out[i].text = `${'#'.repeat(Math.min(6, Math.max(1, depth)))} ${title}`;
  };

  for (let i = 0; i < out.length; i++) {
    if (code[i]) continue;
    const text = out[i].text.trim();
    const written = /^(#{1,6})\s/.exec(text);
    if (written) {
      // Headings the author wrote anchor the depth of the ones inferred after them.
      strongDepth = written[1].length;
      titleDepth = 0;
      continue;
    }
    if (!text || text.startsWith('|') || text.startsWith('>')) continue;

    const multi = MULTI_LEVEL.exec(text);
    // "1.5 million users ..." is prose; an outline number ends in "." or ")" or heads a short title.
    const outline = multi && (multi[2] ? isTitle(multi[3], MAX_OUTLINE_TITLE) : isShortTitle(multi[3]));
    if (multi && outline) {
      const depth = multi[1].split('.').filter(Boolean).length;
      setHeading(i, depth, `${multi[1]} ${multi[3]}`);
      strongDepth = depth;
      titleDepth = 0;
      continue;
    }
    const single = SINGLE_LEVEL.exec(text);
    if (single && outlineNote && isTitle(single[2], MAX_TITLE) && !endsSentence(single[2])) {
      setHeading(i, 1, `${single[1]}. ${single[2]}`);
      strongDepth = 1;
      titleDepth = 0;
      continue;
    }
    const next = nextContent(i);
    if (CHAPTER_NUMBER.test(text) && next !== -1 && next - i <= 2 && isShortTitle(out[next].text.trim()) && /^\p{Lu}/u.test(out[next].text.trim())) {
      out[i].text = '';
      setHeading(next, 1, out[next].text.trim());
      strongDepth = 1;
      titleDepth = 0;
      i = next;
      continue;
    }
    const chapter = CHAPTER_TITLE.exec(text);
    if (chapter) {
      setHeading(i, 1, text);
      strongDepth = 1;
      titleDepth = 0;
      continue;
    }
    if (next === -1) continue;
    const weak = weakHeadingTitle(text, out[next].text.trim(), paragraphLength(next), blank(i - 1));
    if (!weak) continue;
    // "Pros:" after "Token bucket" belongs to the token bucket, not beside it.
    if (weak.label && titleDepth > 0) {
      setHeading(i, titleDepth + 1, weak.title);
    } else {
      setHeading(i, strongDepth + 1, weak.title);
      if (!weak.label) titleDepth = strongDepth + 1;
    }
  }
  return out;
}

/** Outline numbers with two or more components: "2.3.", "1.4.1 ", "3.2)". */
const MULTI_LEVEL = /^(\d{1,3}(?:\.\d{1,3})+)([.)]?)\s+(\S.*)$/;
const SINGLE_LEVEL = /^(\d{1,3})[.)]\s+(\S.*)$/;
const CHAPTER_NUMBER = /^(?:chapter\s+)?\d{1,2}$/i;
const CHAPTER_TITLE = /^(?:chapter|part|lesson|module|unit)\s+\d{1,3}\b\s*[:.\-–—]?\s*\S.{0,80}$/i;
const MAX_OUTLINE_TITLE = 200;
const MAX_TITLE = 80;
const MAX_WEAK_TITLE = 70;
const MAX_WEAK_WORDS = 10;
/** A line this long after a short title is content, not another title. */
const MIN_CONTENT_CHARS = 40;

/** Few markdown headings for the note's length: fewer than one per 150 lines of text. */
function needsInference(lines: Line[], code: boolean[]): boolean {
  let headings = 0;
  let text = 0;
  lines.forEach((line, i) => {
    if (code[i] || !line.text.trim()) return;
    text++;
    if (/^\s{0,3}#{1,6}\s+\S/.test(line.text) || /^\s{0,3}(=+|-+)\s*$/.test(line.text)) headings++;
  });
  return headings < Math.max(1, text / 150);
}

function isTitle(text: string, max: number): boolean {
  return text.length <= max && /^[\p{L}\p{N}"'“(]/u.test(text) && !/[,;]$/.test(text);
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

/** Handwritten notes often title a section in lower case: "load balancing" alone on its line. */
function isLowerCaseTitle(text: string): boolean {
  return words(text) <= 4 && /^[\p{Ll}][\p{L}\p{N} '-]*$/u.test(text);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const LIST_ITEM = /^([-*+]|\d{1,3}[.)])\s/;
const BOLD_LINE = /^\*\*([^*]+?)\*\*\s*:?$|^__([^_]+?)__\s*:?$/;
const LABEL_LINE = /^([\p{Lu}][^:]{0,40}?)\s*:-?$/u;

/**
 * The title of a weak heading, or null. `following` is the next non-blank line: a heading must
 * introduce content, so the line after it must not be another short title.
 */
function weakHeadingTitle(text: string, following: string, followingLength: number, afterBreak: boolean): { title: string; label: boolean } | null {
  if (LIST_ITEM.test(text) || /https?:\/\//.test(text)) return null;
  // Marked titles (bold, ALL CAPS, "Label:") need only be followed by something that is not a title.
  const followedByText = !isAllCaps(following) && !BOLD_LINE.test(following) && !following.startsWith('#');
  const bold = BOLD_LINE.exec(text);
  if (bold) {
    const title = (bold[1] ?? bold[2]).trim();
    return words(title) <= MAX_WEAK_WORDS && followedByText ? { title, label: true } : null;
  }
  const label = LABEL_LINE.exec(text);
  if (label && words(label[1]) <= 6 && !SENTENCE_LEAD_IN.test(label[1])) return followedByText ? { title: label[1], label: true } : null;
  if (isAllCaps(text) && words(text) <= MAX_WEAK_WORDS) return followedByText ? { title: text, label: false } : null;
  // An unmarked short line is a title only between a break and real content.
  // Hand-written notes wrap short: under a lower-case title the whole next paragraph counts.
  const introducesContent =
    following.length > MIN_CONTENT_CHARS || LIST_ITEM.test(following) || following.startsWith('|') ||
    (isLowerCaseTitle(text) && followingLength > MIN_CONTENT_CHARS);
  if (afterBreak && (isShortTitle(text) || isLowerCaseTitle(text)) && !text.endsWith(':') && introducesContent) {
    return { title: text, label: false };
  }
  return null;
}

/** "It consists of the following components:" introduces a list; it names no topic. */
const SENTENCE_LEAD_IN = /^(?:it|this|that|these|those|they|we|you|there|here)\b|\bthe following\b/i;

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
