import { codeMask, type Line } from '../lines';

/** Bullet glyphs that exports and OCR put where markdown has "-". */
const GLYPH_BULLET = /^(\s*)[•◦▪▫●○■□‣⁃∙·➢➤►▸↳]\s*/u;
/** A line holding only a bullet marker: the item's text is on the next line (Notion, Word exports). */
const LONE_MARKER = /^\s*([-*+•◦▪●○■‣⁃])\s*$/u;

/** A multi-level outline number before a title: "2.3. Title", "1.4.1 Title". */
const OUTLINE_NUMBER = /^\d{1,3}(?:\.\d{1,3})+[.)]?\s+\S/;

/**
 * Normalises bullets to markdown: glyph bullets become "- ", and a lone marker line is joined to
 * the text on the following line. Line count and origins are unchanged (the marker line is left
 * blank), code blocks are untouched.
 */
export function normaliseBullets(lines: Line[]): Line[] {
  const code = codeMask(lines);
  const out = lines.map((line) => ({ ...line }));
  for (let i = 0; i < out.length; i++) {
    if (code[i]) continue;
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
