import type { Line } from '../lines';

/** Four or more tildes or underscores alone on a line: a rule, or a title's underline. */
const RULE_LINE = /^\s{0,3}(~{4,}|_{4,})\s*$/;
/** A fence line, its marker and what follows it (the info string of an opening fence). */
const FENCE = /^\s{0,3}(`{3,}|~{3,})(.*)$/;
/** An underline is drawn about as long as its title; a fence is three marks ("~~~"). */
const MIN_UNDERLINE_SHARE = 0.5;
const MAX_TITLE_CHARS = 60;

/**
 * Fence-like lines that fence nothing, as hand-written and OCR'd notes draw them:
 * - a run of tildes or underscores drawn under a title ("Consistent Hashing" over "~~~~~~~~")
 *   underlines it, so it becomes a setext underline and the title a heading;
 * - a fence with no info string that nothing closes is a divider: CommonMark would read the rest
 *   of the note as code, so it is blanked.
 * Line count and origins are unchanged; fences that open and close are left alone.
 */
export function repairFences(lines: Line[]): Line[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    if (isUnderline(out, i)) {
      out[i] = { ...out[i], text: '-'.repeat(out[i].text.trim().length) };
      continue;
    }
    const fence = FENCE.exec(out[i].text);
    if (!fence || (fence[1][0] === '`' && fence[2].includes('`'))) continue;
    const close = closingLine(out, i + 1, fence[1]);
    if (close !== -1) i = close;
    else if (!fence[2].trim()) out[i] = { ...out[i], text: '' };
  }
  return out;
}

function isUnderline(lines: Line[], i: number): boolean {
  const rule = RULE_LINE.exec(lines[i].text);
  // A title stands at the margin; an indented line continues an item above it.
  const written = lines[i - 1]?.text ?? '';
  const title = /^\S/.test(written) ? written.trim() : '';
  if (!rule || !title || title.length > MAX_TITLE_CHARS || /[.:;,]$/.test(title)) return false;
  // A title is a line of words, not a list item, a heading, a quote, a table row or a fence.
  if (/^(?:[-*+>|#]|\d{1,9}[.)]\s|`{3}|~{3})/.test(title) || !/\p{L}/u.test(title)) return false;
  return rule[1].length >= title.length * MIN_UNDERLINE_SHARE;
}

/** The line that closes a fence opened with `marker`, from line `from` on; -1 when none does. */
function closingLine(lines: Line[], from: number, marker: string): number {
  for (let j = from; j < lines.length; j++) {
    const fence = FENCE.exec(lines[j].text);
    if (fence && fence[1][0] === marker[0] && fence[1].length >= marker.length && !fence[2].trim()) return j;
  }
  return -1;
}
