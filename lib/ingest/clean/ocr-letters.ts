import { codeMask, type Line } from '../lines';
import { isKnownWord } from '../sentence-parts';
import { stems } from '../sentence-parts/words';

const BAR_BETWEEN_LETTERS = /\p{Ll}\|\p{Ll}/u;
/** A word with a vertical bar between two lower-case letters ("Ba|ancing"). */
const BARRED_WORD = /\p{L}*\p{Ll}\|\p{Ll}\p{L}*/gu;

/**
 * Repairs letters OCR misreads as symbols: a vertical bar inside a word is a lower-case "l" when
 * the word it makes is one the lexicon knows ("Ba|ancing" -> "Balancing"; "cat|grep" stays a
 * pipe). Lines with code spans are untouched, as is code. Line count and origins are unchanged.
 */
export function repairOcrLetters(lines: Line[]): Line[] {
  // Most notes hold no barred word: the code mask is only worked out for those that do.
  if (!lines.some((line) => BAR_BETWEEN_LETTERS.test(line.text))) return lines;
  const code = codeMask(lines);
  return lines.map((line, i) => {
    if (code[i] || !line.text.includes('|') || line.text.includes('`')) return line;
    const text = line.text.replace(BARRED_WORD, (word) => {
      const repaired = word.replace('|', 'l');
      return knownWord(repaired.toLowerCase()) ? repaired : word;
    });
    return text === line.text ? line : { ...line, text };
  });
}

function knownWord(lower: string): boolean {
  return isKnownWord(lower) || (['s', 'ed', 'ing'] as const).some((ending) => stems(lower, ending).some(isKnownWord));
}
