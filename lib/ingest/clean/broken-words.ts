import { listedReadings } from '../sentence-parts/lexicon';
import { codeMask, type Line } from '../lines';

/** "count- ing": a lower-case word cut by a hyphen and a space, as PDF conversion and OCR leave it. */
const BROKEN = /(?<![\p{L}\p{N}-])(\p{Ll}{2,})- (\p{Ll}{2,})(?![\p{L}\p{N}-])/gu;

/**
 * Joins words that text extraction broke at a line end ("count- ing" -> "counting") when the
 * English lexicon knows the joined word and knows neither half as the word it would have to be:
 * "read- and write-heavy" and "high- level" stay as written. Line count and origins are
 * unchanged; code blocks are untouched.
 */
export function joinBrokenWords(lines: Line[]): Line[] {
  const code = codeMask(lines);
  return lines.map((line, i) => {
    if (code[i] || !line.text.includes('- ')) return line;
    const text = line.text.replace(BROKEN, (whole, head: string, tail: string) => {
      const joined = head + tail;
      const known = listedReadings(joined) !== 0 || (/s$/.test(joined) && listedReadings(joined.slice(0, -1)) !== 0);
      return known && !(listedReadings(head) !== 0 && listedReadings(tail) !== 0) ? joined : whole;
    });
    return text === line.text ? line : { ...line, text };
  });
}
