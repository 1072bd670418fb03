import { EMOJI } from './emoji';

/** Arrows that lead a line: "→ Title", "=> Title", "⇒ Title". */
const ARROW = /^(=+>|-+>|~>|[→⇒⟶⟹➔➜➝➞➡»›])\s*/u;
/** Bracketed enumerators: "(i)", "(2)", "[A]", "(b)." ("(Optional)" is a word, not an enumerator). */
const BRACKETED = /^([(\[{])\s*(\d{1,3}|[ivx]{1,5}|[IVX]{1,5}|[a-z]|[A-Z])\s*([)\]}])[.:]?(?:\s+|$)/u;
/** Bare enumerators, which markdown may read as list items: "1)", "iv.", "b)", "A.", "二、". */
const BARE = /^(\d{1,3}|[ivx]{1,5}|[IVX]{1,5}|[a-z]|[A-Z]|[一二三四五六七八九十]{1,3})(?:([.)])(?:\s+|$)|([、．])\s*)/u;
/** Enumerator glyphs: circled, parenthesised and full-stop numbers and letters ("①", "⑵", "ⓐ", "❸"). */
const GLYPH_RANGES: [number, number][] = [
  [0x2460, 0x2473], [0x2474, 0x2487], [0x2488, 0x249b], [0x249c, 0x24b5], [0x24b6, 0x24cf], [0x24d0, 0x24e9],
  [0x24ea, 0x24ff], [0x2776, 0x277f], [0x2780, 0x2789], [0x278a, 0x2793], [0x3251, 0x325f], [0x32b1, 0x32bf],
];
const GLYPH = /^([\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf])[.)]?\s*/u;
/** A closing label mark: "Title:", "Title :-", "Title :–". */
const CLOSER = /\s*:\s*([-–—]*)\s*$/u;

/**
 * What decorates a title-like line. `style` is the same for every item of one enumeration style
 * ("(i)" and "(iv)" -> "(i)", "①" and "③" -> "①") and null for an undecorated line; `kind` says
 * whether markdown reads the line as a list item ("1)", "a.") or not ("(i)", "①", "[A]"), or it is
 * led by an arrow. `closer` is "" (none), ":" or ":-" (a dash after the colon: the strong form).
 */
export interface Decoration {
  style: string | null;
  kind: 'arrow' | 'enumerator' | 'list' | null;
  title: string;
  closer: '' | ':' | ':-';
}

export function splitDecoration(line: string): Decoration {
  const text = line.trim();
  const { style, kind, length } = leadingDecoration(text);
  const rest = text.slice(length);
  // Only a line ending in ":" or a dash can have a closer; most lines end otherwise.
  const closer = /[:\-–—]$/u.test(rest) ? CLOSER.exec(rest) : null;
  const title = (closer ? rest.slice(0, closer.index) : rest).trim();
  return { style, kind, title, closer: closer ? (closer[1] ? ':-' : ':') : '' };
}

function leadingDecoration(text: string): Pick<Decoration, 'style' | 'kind'> & { length: number } {
  const arrow = ARROW.exec(text);
  if (arrow) return { style: arrow[1].replace(/^([=-])+/, '$1'), kind: 'arrow', length: arrow[0].length };
  const bracketed = BRACKETED.exec(text);
  if (bracketed) return { style: `${bracketed[1]}${enumeratorClass(bracketed[2])}${bracketed[3]}`, kind: 'enumerator', length: bracketed[0].length };
  const glyph = GLYPH.exec(text);
  if (glyph) {
    const code = glyph[1].codePointAt(0) ?? 0;
    const range = GLYPH_RANGES.find(([from, to]) => code >= from && code <= to);
    return { style: String.fromCodePoint(range?.[0] ?? code), kind: 'enumerator', length: glyph[0].length };
  }
  const bare = BARE.exec(text);
  // "1." and "1)" start markdown list items; "一、" starts no list.
  if (bare) return { style: `${enumeratorClass(bare[1])}${bare[2] ?? bare[3]}`, kind: bare[2] ? 'list' : 'enumerator', length: bare[0].length };
  return { style: null, kind: null, length: 0 };
}

/** "iv" -> "i", "B" -> "A", "12" -> "1", "三" -> "一": the class an enumerator belongs to. */
function enumeratorClass(token: string): string {
  if (/^\d+$/.test(token)) return '1';
  if (/^[一二三四五六七八九十]+$/.test(token)) return '一';
  if (/^[ivx]+$/.test(token)) return 'i';
  if (/^[IVX]+$/.test(token)) return 'I';
  return /^\p{Ll}$/u.test(token) ? 'a' : 'A';
}

/** Leading symbols that are no part of a title; brackets and quotes may open one. */
const LEADING_SYMBOLS = /^[^\p{L}\p{N}(\[{"'“‘]+/u;
const QUESTION_NUMBER = /^(?:q|question)\s*\d*\s*[:.)]\s+/i;
const OUTLINE_NUMBER = /^(?:\d+[.)])+(?:\d+)?\s+/;
const TRAILING = /(?:[\s:#\-–—→⇒⟶➔]|=>|->)+$/u;

/**
 * Cleans a heading into a concept title: decoration before it (symbols, arrows, outline numbers
 * "2.3.", enumerators "(i)", "①", "[A]", "b)") and after it (colons, ":-", dashes, hashes) is
 * dropped; inner text is kept as written. Invariant: a title holds a letter, or is "" (no topic:
 * a lone "4", "④", "(ii)" or "---" is debris).
 */
export function cleanTitle(raw: string): string {
  let title = raw.replace(EMOJI, '').replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== title; ) {
    previous = title;
    const decoration = splitDecoration(title.replace(LEADING_SYMBOLS, ''));
    title = decoration.style ? decoration.title : previous.replace(LEADING_SYMBOLS, '');
    title = title.replace(QUESTION_NUMBER, '').replace(OUTLINE_NUMBER, '');
  }
  title = title.replace(TRAILING, '').trim();
  return /\p{L}/u.test(title) ? title : '';
}

/** A readable title from a file path: "url-shortener_design.md" -> "Url shortener design". */
export function titleFromPath(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.(md|markdown|txt|html?)$/i, '').replace(/[-_]+/g, ' ').trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : 'Untitled';
}

/**
 * "Effects of Failures on Throughput": how many words of four letters or more a text has when
 * every one of them is capitalised, as in a title; 0 when any is not.
 */
export function titleCasedWords(text: string): number {
  const major = text.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  return major.every((word) => /^\p{Lu}/u.test(word)) ? major.length : 0;
}
