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

/** A multi-level outline number before a title: "2.3. Title", "1.4.1 Title". */
const OUTLINE_NUMBER = /^\d{1,3}(?:\.\d{1,3})+[.)]?\s+\S/;

/**
 * Normalises bullets to markdown: glyph bullets become "- ", "o " or "» " opening two lines or
 * more (OCR's reading of a round bullet) are dropped, and a lone marker line is joined to the
 * text on the following line. Line count and origins are unchanged (the marker line is left
 * blank), code blocks are untouched.
 */
export function normaliseBullets(lines: Line[]): Line[] {
  const code = codeMask(lines);
  const out = lines.map((line) => ({ ...line }));
  const letterBullets = letterBulletLines(out, code);
  for (let i = 0; i < out.length; i++) {
    if (code[i]) continue;
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
