/** Hard limits on card sides, so a card fits on a screen and can be answered from memory. */
export const MAX_QUESTION_CHARS = 300;
export const MAX_ANSWER_CHARS = 1200;

/**
 * Splits prose into sentences; a sentence ends at . ! or ? followed by a space and a capital or
 * digit (after "?", any letter: "why queues? decouple them"), but not after an abbreviation that
 * never ends one ("e.g. ISP POP", "vs. TCP") nor inside parentheses, or at a full-width 。！？
 * (Chinese and Japanese put no space after them).
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])(?<!\b(?:[Ee]\.[Gg]|[Ii]\.[Ee]|[Vv]s|[Cc]f|[Ff]ig|[Ee]q|[Ss]ec|[Aa]pprox)\.)\s+(?=[\p{Lu}\p{N}"'(])|(?<=\?)\s+(?=\p{Ll})|(?<=[。！？])\s*(?=\S)/u)
    .map((s) => s.trim())
    .filter(Boolean)
    .reduce<string[]>((out, piece) => {
      // A split inside parentheses ("(retries? timeouts?)") is no sentence end.
      const last = out.at(-1);
      if (last !== undefined && (last.match(/\(/g) ?? []).length > (last.match(/\)/g) ?? []).length) out[out.length - 1] = `${last} ${piece}`;
      else out.push(piece);
      return out;
    }, []);
}

/**
 * Joins whole blocks (paragraphs, list lines, sentences) up to `max` characters. Never cuts
 * inside a block: if not even the first block fits, the result is empty and the card is dropped.
 */
export function fitWhole(blocks: string[], max = MAX_ANSWER_CHARS, separator = '\n'): string {
  let out = '';
  for (const block of blocks) {
    const next = out ? out + separator + block : block;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** An answer from blocks, falling back to whole sentences of the first block when it is too long. */
export function fitAnswer(blocks: string[], max = MAX_ANSWER_CHARS): string {
  const whole = fitWhole(blocks, max);
  if (whole || blocks.length === 0) return whole;
  return fitWhole(sentences(blocks[0]), max, ' ');
}
