import { codeMask, type Line } from '../lines';
import { isKnownWord } from '../sentence-parts';
import { stems } from '../sentence-parts/words';

/** A word with a vertical bar between two lower-case letters ("Ba|ancing"). */
const BARRED_WORD = /\p{L}*\p{Ll}\|\p{Ll}\p{L}*/gu;
/** A capitalised word with a lower-case "l" among its capitals ("LIMITlNG"): OCR's reading of "I". */
const CAPITALS_WITH_L = /\b\p{Lu}{2,}l\p{Lu}+\b|\b\p{Lu}{3,}l\b/gu;
/** A lower-case word with "rn" in it ("rnemory", "alrnost"): OCR's reading of "m". */
const RN_WORD = /\b\p{Ll}*rn\p{Ll}*\b/gu;
/** Lines that may hold a misread letter: the tests above, cheap enough to run on every line. */
const SUSPECT = /\p{Ll}\|\p{Ll}|\p{Lu}l|rn/u;

/**
 * Repairs letters OCR misreads, when the word the repair makes is one the lexicon knows and the
 * word as read is not:
 * - a vertical bar inside a word is a lower-case "l" ("Ba|ancing" -> "Balancing"; "cat|grep" stays a pipe);
 * - a lower-case "l" among capitals is an "I" ("RATE LIMITlNG" -> "RATE LIMITING");
 * - "rn" is an "m" ("lots of rnemory" -> "lots of memory"; "modern" stays).
 * Lines with code spans are untouched, as is code. Line count and origins are unchanged.
 */
export function repairOcrLetters(lines: Line[]): Line[] {
  // Most lines hold no suspect letter: the code mask is only worked out for notes that do.
  if (!lines.some((line) => SUSPECT.test(line.text))) return lines;
  const code = codeMask(lines);
  return lines.map((line, i) => {
    if (code[i] || line.text.includes('`') || !SUSPECT.test(line.text)) return line;
    const text = line.text
      .replace(BARRED_WORD, (word) => repaired(word, word.replace('|', 'l')))
      .replace(CAPITALS_WITH_L, (word) => repaired(word, word.replace(/l/g, 'I')))
      .replace(RN_WORD, (word) => repaired(word, word.replace(/rn/g, 'm')));
    return text === line.text ? line : { ...line, text };
  });
}

/** The repair when it makes a known word of an unknown one; the word as read otherwise. */
function repaired(read: string, repair: string): string {
  return !knownWord(read.replace('|', '').toLowerCase()) && knownWord(repair.toLowerCase()) ? repair : read;
}

function knownWord(lower: string): boolean {
  return isKnownWord(lower) || (['s', 'ed', 'ing'] as const).some((ending) => stems(lower, ending).some(isKnownWord));
}
