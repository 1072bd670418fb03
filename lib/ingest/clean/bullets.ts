import { codeMask, type Line } from '../lines';

/** Bullet glyphs that exports and OCR put where markdown has "-". */
const GLYPH_BULLET = /^(\s*)[•◦▪▫●○■□‣⁃∙·➢➤►▸↳]\s*/u;
/** A line holding only a bullet marker: the item's text is on the next line (Notion, Word exports). */
const LONE_MARKER = /^\s*([-*+•◦▪●○■‣⁃])\s*$/u;

/** OCR reads a round bullet as a letter "o" or a guillemet: "o round robin - ...", "» L4 vs L7". */
const LETTER_BULLET = /^(\s*)(?:o|»|›)\s+(?=\S)/u;
/** Lines opening so, at least this many in a note, are a list; one alone is a word ("o" is rare in English, "o well"). */
const MIN_LETTER_BULLETS = 2;

/** The lines whose "o " or "» " is a bullet: such lines recur in the note, each followed by a lower-case word or a name. */
function letterBulletLines(lines: Line[], code: boolean[]): Set<number> {
  const found = new Set<number>();
  lines.forEach((line, i) => {
    if (!code[i] && LETTER_BULLET.test(line.text) && /^\s*\S+\s+[\p{L}\d]/u.test(line.text)) found.add(i);
  });
  return found.size >= MIN_LETTER_BULLETS ? found : new Set();
}

/** "A. Cache-aside: ...", "b) Write-through", "iii. Fetcher": a letter or a lower-case roman numeral enumerating an outline's items. */
const LETTER_ENUMERATOR = /^(\s*)([A-Za-z]|[ivx]{1,5})[.)]\s+(?=\S)/;
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];

/** The enumerator after `mark` in its sequence: "b" after "a", "iv" after "iii"; null at the end. */
function following(mark: string, roman: boolean): string | null {
  if (roman) return ROMAN[ROMAN.indexOf(mark) + 1] ?? null;
  return String.fromCharCode(mark.charCodeAt(0) + 1);
}

/**
 * The lines whose letter or numeral enumerates an item: at one indentation, "A." then "B." (or
 * "a)" then "b)", or "i." then "ii.") and on, the lines between them deeper or blank. A lone "A."
 * opens a sentence ("A. Smith said ..."), and "I." with no "H." before it is a roman numeral.
 */
function letterItemLines(lines: Line[], code: boolean[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const first = code[i] ? null : LETTER_ENUMERATOR.exec(lines[i].text);
    if (!first || !/^(?:[Aa]|i)$/.test(first[2]) || found.has(i)) continue;
    const roman = first[2] === 'i';
    const run = [i];
    let expected = following(first[2], roman);
    for (let j = i + 1; j < lines.length && !code[j] && expected; j++) {
      const text = lines[j].text;
      if (!text.trim()) continue;
      const indent = /^\s*/.exec(text)![0].length;
      if (indent > first[1].length) continue;
      const next = LETTER_ENUMERATOR.exec(text);
      if (indent < first[1].length || !next || next[1].length !== first[1].length || next[2] !== expected) break;
      run.push(j);
      expected = following(expected, roman);
    }
    if (run.length >= 2) for (const line of run) found.add(line);
  }
  return found;
}

/** A multi-level outline number before a title: "2.3. Title", "1.4.1 Title". */
const OUTLINE_NUMBER = /^\d{1,3}(?:\.\d{1,3})+[.)]?\s+\S/;

/**
 * Normalises bullets to markdown: glyph bullets and the letters or numerals of a lettered outline
 * ("A.", "B."; "i.", "ii.") become "- ", "o " or "» " opening two lines or
 * more (OCR's reading of a round bullet) are dropped, and a lone marker line is joined to the
 * text on the following line. Line count and origins are unchanged (the marker line is left
 * blank), code blocks are untouched.
 */
export function normaliseBullets(lines: Line[]): Line[] {
  const code = codeMask(lines);
  const out = lines.map((line) => ({ ...line }));
  const letterBullets = letterBulletLines(out, code);
  const letterItems = letterItemLines(out, code);
  for (let i = 0; i < out.length; i++) {
    if (code[i]) continue;
    if (letterItems.has(i)) {
      out[i].text = out[i].text.replace(LETTER_ENUMERATOR, '$1- ');
      continue;
    }
    if (letterBullets.has(i)) {
      // The marker goes, the line stays a hand-written record: as a markdown item, the unmarked
      // record after it ("health checks: ...") would be read as the item's wrapped text.
      out[i].text = out[i].text.replace(LETTER_BULLET, '$1');
      continue;
    }
    if (LONE_MARKER.test(out[i].text)) {
      const next = out[i + 1];
      // An outline number ("4.3. Hadoop") after a stray marker opens a section, not an item.
      if (next && !code[i + 1] && next.text.trim() && !LONE_MARKER.test(next.text) && !OUTLINE_NUMBER.test(next.text.trim())) {
        next.text = `- ${next.text.trim().replace(GLYPH_BULLET, '')}`;
      }
      out[i].text = '';
      continue;
    }
    out[i].text = out[i].text.replace(GLYPH_BULLET, '$1- ');
  }
  return out;
}
