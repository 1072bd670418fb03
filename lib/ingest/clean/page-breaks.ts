import { codeMask, type Line } from '../lines';

/** A paragraph line that cannot end there: no closing punctuation, a lower-case letter or a comma last. */
const OPEN_END = /[\p{Ll},]$/u;
/** A line that starts no block of its own: prose opening in lower case (not a list item, heading, quote or table row). */
const CONTINUATION = /^\p{Ll}/u;
/** A line this long is a whole paragraph on one line, as PDF conversion writes them; hand-written lines are shorter. */
const MIN_CUT_LINE = 80;
/** Page numbers and similar debris a page break leaves between the two halves. */
const BREAK_DEBRIS = /^\s*(?:page\s+)?\d{1,4}\s*$/i;

/**
 * Joins a paragraph that a page break split in two ("... is used to" / blank / "overcome the
 * problem."), as PDF conversion leaves it: the first half ends mid-sentence, the second opens in
 * lower case and is one line. The second half moves onto the first half's line and its own line
 * is left blank, so line count and origins are unchanged; code is untouched.
 */
export function joinPageBreaks(lines: Line[]): Line[] {
  const code = codeMask(lines);
  const out = lines.map((line) => ({ ...line }));
  for (let i = 0; i < out.length; i++) {
    const text = out[i].text.trim();
    if (code[i] || text.length < MIN_CUT_LINE || !OPEN_END.test(text) || /^(?:[-*+>#|]|\d+[.)])\s/.test(text)) continue;
    let j = i + 1;
    while (j < out.length && (!out[j].text.trim() || BREAK_DEBRIS.test(out[j].text))) j++;
    // Only across a gap: lines that follow directly are one paragraph already.
    if (j === i + 1 || j >= out.length || code[j] || !CONTINUATION.test(out[j].text)) continue;
    if (out[j + 1]?.text.trim()) continue;
    out[i].text = `${out[i].text.trimEnd()} ${out[j].text.trim()}`;
    out[j].text = '';
  }
  return out;
}
