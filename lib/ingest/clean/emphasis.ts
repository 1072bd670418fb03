import { codeMask, type Line } from '../lines';

/** A bold span on one line: `**` ... `**`, the shortest that closes. */
const BOLD_SPAN = /\*\*(?=\S)(.+?)\*\*/g;
/** An asterisk that is not half of a `**` pair. */
const SINGLE_ASTERISK = /(?<![*\\])\*(?!\*)/g;
const INLINE_CODE = /(`+)[^`]*?\1/g;

/**
 * Escapes literal asterisks inside bold text ("**A* (A-Star)**", "**O(n*m)**"). An odd number of
 * single asterisks in a bold span cannot be balanced emphasis, so the writer meant the character;
 * left alone, the parser pairs it with the bold markers and the title comes out as "A (A-Star)*".
 * Line count and origins are unchanged; code blocks and inline code are untouched.
 */
export function escapeLiteralAsterisks(lines: Line[]): Line[] {
  const code = codeMask(lines);
  return lines.map((line, i) => {
    if (code[i] || !line.text.includes('**')) return line;
    const text = outsideInlineCode(line.text, (part) =>
      part.replace(BOLD_SPAN, (span, inner: string) => {
        const singles = inner.match(SINGLE_ASTERISK)?.length ?? 0;
        return singles % 2 === 1 ? `**${inner.replace(SINGLE_ASTERISK, '\\*')}**` : span;
      }),
    );
    return text === line.text ? line : { ...line, text };
  });
}

function outsideInlineCode(text: string, edit: (part: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(INLINE_CODE)) {
    out += edit(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + edit(text.slice(last));
}
