import { distance } from 'fastest-levenshtein';

/**
 * Text comparison for quiz answers. Pure.
 * normalize: lower case, accents and punctuation dropped, whitespace collapsed, so "Token-bucket!"
 * and "token bucket" compare equal.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[`*_~[\]()]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** 1 - Levenshtein distance / longer length, over normalised text: 1 for equal, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const x = normalize(a);
  const y = normalize(b);
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  return 1 - distance(x, y) / longest;
}

/** Same as {@link similarity} but blind to word order (words sorted first). */
export function orderFreeSimilarity(a: string, b: string): number {
  return similarity(words(a).sort().join(' '), words(b).sort().join(' '));
}

/** Two answers a learner could not tell apart: equal after normalising, or nearly so. */
export const NEAR_EQUAL_SIMILARITY = 0.8;

/**
 * Also near-equal: one answer is the other plus at most one word ("CAP" / "CAP theorem"), words
 * compared with the same small-typo tolerance ("balancer" / "balancers").
 */
export function nearlyEqual(a: string, b: string): boolean {
  const x = normalize(a);
  const y = normalize(b);
  if (x === y) return true;
  if (Math.max(similarity(x, y), orderFreeSimilarity(x, y)) >= NEAR_EQUAL_SIMILARITY) return true;
  const [short, long] = x.length <= y.length ? [words(x), words(y)] : [words(y), words(x)];
  if (short.length === 0 || long.length - short.length > 1) return false;
  const pool = [...long];
  return short.every((w) => {
    const at = pool.findIndex((v) => v === w || (w.length >= 4 && similarity(v, w) >= NEAR_EQUAL_SIMILARITY));
    return at >= 0 && pool.splice(at, 1).length === 1;
  });
}

export type DiffPart = { op: 'same' | 'missing' | 'extra'; word: string };

/**
 * Word-level diff of `given` against `expected` (LCS over normalised words): "missing" words were
 * expected but not given, "extra" words were given but not expected.
 */
export function wordDiff(expected: string, given: string): DiffPart[] {
  const a = words(expected);
  const b = words(given);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', word: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ op: 'missing', word: a[i++] });
    } else {
      out.push({ op: 'extra', word: b[j++] });
    }
  }
  while (i < a.length) out.push({ op: 'missing', word: a[i++] });
  while (j < b.length) out.push({ op: 'extra', word: b[j++] });
  return out;
}
