import { createHash, hash } from 'node:crypto';

/**
 * Version of the extraction rules. Bump it whenever they change what a note yields, so notes
 * whose text did not change are still re-extracted once (matching keeps every card's history).
 */
export const EXTRACTOR_VERSION = '6';

/** Content hash of a note under the current rules: a re-ingest with the same hash is a no-op. */
export function contentHash(text: string): string {
  return createHash('sha256').update(`recall-extractor-${EXTRACTOR_VERSION}\u0000`).update(text).digest('hex');
}

/** A short stable key from its parts; parts are joined with a separator no title contains. */
export function stableKey(...parts: string[]): string {
  // One-shot hash: the same digest as createHash, without a Hash object per key (thousands per note).
  return hash('sha1', parts.join('\u0000'), 'base64url').slice(0, 22);
}

/** Case, punctuation and spacing do not change a question's identity. */
export function normaliseForKey(text: string): string {
  const lower = text.toLowerCase();
  // Most card text is ASCII, where the plain class gives the same result as the Unicode one, faster.
  return (ASCII.test(lower) ? lower.replace(/[^a-z0-9]+/g, ' ') : lower.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * normaliseForKey(text).slice(0, length), reading only the start of a long text. Lower-casing goes
 * character by character but for a final sigma ("Σ", which looks ahead), and each run of other
 * characters becomes one space, so the normalised form of a prefix without "Σ" is a prefix of the
 * whole text's normalised form.
 */
export function normalisedHead(text: string, length: number): string {
  const prefix = text.slice(0, length * 4);
  if (prefix.length < text.length && !prefix.includes('Σ')) {
    const head = normaliseForKey(prefix);
    if (head.length >= length) return head.slice(0, length);
  }
  return normaliseForKey(text).slice(0, length);
}

/**
 * Hands out keys for items that may repeat (two "Notes" sections under one parent): the n-th
 * repeat of the same base gets suffix n, so keys stay unique and stable in document order.
 */
export class KeyAllocator {
  private seen = new Map<string, number>();

  next(...parts: string[]): string {
    const base = stableKey(...parts);
    const count = this.seen.get(base) ?? 0;
    this.seen.set(base, count + 1);
    return count === 0 ? base : stableKey(base, String(count));
  }
}
