import { codeMask, type Line } from '../lines';

/** A caption or placeholder left where a figure or table was: "Figure 4-2", "Fig. 3: Request flow", "Table 12 Key-value pairs". */
const FIGURE_LINE = /^\s*(?:figure|fig\.|table|image|diagram|illustration)\s*\d+(?:[-.–]\d+)*\b[\s:.–-]*(?:\S.{0,60})?$/iu;
/** A page number or a "Page 12" / "12 of 300" footer. */
const PAGE_NUMBER = /^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i;
/** "p.13", "pg 4", "- 12 -": a page marker written as such, never a chapter number. */
const PAGE_MARKER = /^\s*(?:p|pg|pp)\.?\s*\d{1,4}\s*$|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$/i;
/** "p.11        Kafka / logs": a page marker heading a scanned page, set apart from the title beside it. */
const PAGE_PREFIX = /^\s*(?:p|pg|page)\.?\s*\d{1,4}(?:\s{3,}|\t+)(?=\S)/i;
/** Lines that are only punctuation or box-drawing debris ("?" alone separates explicit cards). */
const PUNCTUATION_ONLY = /^\s*[^\p{L}\p{N}\s`|#>*_=~?-]+\s*$/u;

/**
 * Blanks figure captions, punctuation-only lines and page markers ("p.13"), and takes a page
 * marker off the title beside it; runs before headings are inferred.
 */
export function blankCaptions(lines: Line[]): Line[] {
  const code = codeMask(lines);
  return blankWhere(lines, (text) => FIGURE_LINE.test(text) || PUNCTUATION_ONLY.test(text) || PAGE_MARKER.test(text)).map((line, i) =>
    !code[i] && PAGE_PREFIX.test(line.text) ? { ...line, text: line.text.replace(PAGE_PREFIX, '') } : line,
  );
}

/**
 * Blanks page numbers. Runs after heading inference, which reads a number alone on a line before
 * a title as a chapter number.
 */
export function blankPageNumbers(lines: Line[]): Line[] {
  return blankWhere(lines, (text) => PAGE_NUMBER.test(text));
}

/** Line count and origins are unchanged; code blocks are untouched. */
function blankWhere(lines: Line[], isDebris: (text: string) => boolean): Line[] {
  const code = codeMask(lines);
  return lines.map((line, i) => (!code[i] && isDebris(line.text) ? { ...line, text: '' } : line));
}
