import { codeMask, type Line } from '../lines';

/**
 * Exporters escape a list or outline number at the start of a line ("1\. Title", "2.3\. Title",
 * "## 4\. Title") so that it does not render as a list; unescaped, each is a list item or an
 * outline number again instead of one paragraph running on for dozens of lines.
 */
const ESCAPED_NUMBER = /^(\s*(?:#{1,6}\s+|[-*+]\s+)?\d{1,3}(?:\.\d{1,3})*)\\([.)])/;

/** Unescapes line-start numbers. Line count and origins are unchanged; code blocks are untouched. */
export function unescapeListNumbers(lines: Line[]): Line[] {
  const code = codeMask(lines);
  return lines.map((line, i) => (!code[i] && ESCAPED_NUMBER.test(line.text) ? { ...line, text: line.text.replace(ESCAPED_NUMBER, '$1$2') } : line));
}
