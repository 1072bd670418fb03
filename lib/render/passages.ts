/** A rendered passage of a note: the original-note lines it covers, inclusive. */
export interface Passage {
  start: number;
  end: number;
}

/**
 * The passages that show `line`: the narrowest ones containing it (a list item rather than its
 * whole list). A line inside no passage (a blank line, or one the cleaner dropped) falls to the
 * first passage after it, else the last one before it; no passages, no match.
 */
export function passagesForLine(passages: Passage[], line: number): number[] {
  const containing = passages.map((p, i) => ({ ...p, i })).filter((p) => p.start <= line && line <= p.end);
  if (containing.length > 0) {
    const narrowest = Math.min(...containing.map((p) => p.end - p.start));
    return containing.filter((p) => p.end - p.start === narrowest).map((p) => p.i);
  }
  const after = passages.filter((p) => p.start > line).map((p) => p.start);
  if (after.length > 0) return passagesForLine(passages, Math.min(...after));
  const before = passages.filter((p) => p.end < line).map((p) => p.end);
  return before.length > 0 ? passagesForLine(passages, Math.max(...before)) : [];
}

/** The line of a `#line-<n>` fragment, or null for any other fragment. */
export function lineFromHash(hash: string): number | null {
  const match = /^#line-(\d{1,7})$/.exec(hash);
  return match ? Number(match[1]) : null;
}
