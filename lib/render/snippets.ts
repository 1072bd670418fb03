/** Text with the parts that matched a search marked; rendered as React text, so never parsed as HTML. */
export type Highlighted = { text: string; mark: boolean }[];

/** Sentinels that FTS5's highlight()/snippet() put around matches (control characters, not HTML). */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

/** Markdown syntax that is noise in a one-line snippet: block markers at line starts, emphasis, code ticks, table pipes. */
const BLOCK_MARKERS = /^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)/gm;
const INLINE_MARKERS = /\*\*|__|`+/g;

function tidy(text: string): string {
  return text.replace(BLOCK_MARKERS, '').replace(INLINE_MARKERS, '').replace(/\|/g, ' ').replace(/\s+/g, ' ');
}

/**
 * Splits FTS5 output at the sentinels into marked and plain runs. A sentinel out of place (note
 * text can contain the control characters too) is dropped, so marks never nest or dangle.
 */
export function parseMarked(raw: string): Highlighted {
  const runs: Highlighted = [];
  let open = false;
  let text = '';
  const flush = () => {
    const tidied = tidy(text);
    if (tidied) runs.push({ text: tidied, mark: open });
    text = '';
  };
  for (const char of raw) {
    if (char === MARK_OPEN || char === MARK_CLOSE) {
      if (open === (char === MARK_CLOSE)) {
        flush();
        open = !open;
      }
      continue;
    }
    text += char;
  }
  flush();
  if (runs.length > 0) {
    runs[0].text = runs[0].text.trimStart();
    runs[runs.length - 1].text = runs[runs.length - 1].text.trimEnd();
  }
  return runs.filter((run) => run.text);
}
