import { inferHeadings } from '../infer-headings';
import { repairOcrLetters } from './ocr-letters';
import { toLines, type Line } from '../lines';
import { normaliseBullets } from './bullets';
import { blankCaptions, blankPageNumbers } from './debris';
import { joinBrokenWords } from './broken-words';
import { escapeLiteralAsterisks } from './emphasis';
import { unescapeListNumbers } from './escaped-numbers';
import { blankFrontMatter } from './front-matter';
import { repairFences } from './fences';
import { convertHtml } from './html-lines';
import { convertTabTables } from './tab-tables';
import { repairMojibake } from './mojibake';
import { joinPageBreaks } from './page-breaks';

/** U+FFFD, also as its own mis-decoded forms: a character lost before the note reached us. */
const REPLACEMENT_CHARACTER = /\uFFFD|ÔøΩ|ï¿½/g;

/**
 * Text-level cleaning, in order: mis-decoded characters, front matter, HTML, fences that fence
 * nothing (underlines, unclosed dividers), bullets, literal
 * asterisks in bold, tab tables, inferred figure captions, words broken at a line end, letters OCR
 * read as symbols ("Ba|ancing"), paragraphs
 * split by a page break, escaped list numbers ("1\."), inferred
 * headings (which read chapter numbers and list numbers), then page numbers.
 * The result maps every cleaned line back to its line in the original note.
 */
export function cleanNote(text: string): Line[] {
  const repaired = repairMojibake(text).text.replace(REPLACEMENT_CHARACTER, '');
  let lines = toLines(repaired);
  lines = blankFrontMatter(lines);
  lines = convertHtml(lines);
  lines = repairFences(lines);
  lines = normaliseBullets(lines);
  lines = escapeLiteralAsterisks(lines);
  lines = convertTabTables(lines);
  lines = blankCaptions(lines);
  lines = joinBrokenWords(lines);
  lines = repairOcrLetters(lines);
  lines = joinPageBreaks(lines);
  lines = unescapeListNumbers(lines);
  lines = inferHeadings(lines);
  return blankPageNumbers(lines);
}
