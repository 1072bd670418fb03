import { similarity, wordDiff, words, type DiffPart } from './text';

/**
 * Grading of typed answers. Pure.
 *
 * Invariants:
 * - Case, punctuation, accents and word order never matter.
 * - A word of 4+ letters may carry small typos (similarity >= {@link WORD_TYPO_SIMILARITY},
 *   i.e. about one edit per four letters); shorter words and every number must match exactly,
 *   so "10 ns" is never accepted for "1 ns".
 * - A list answer scores the share of its items recalled, in any order.
 */

/** Share of the expected content words a correct answer must contain. */
export const WORD_RECALL_PASS = 0.8;
/** Share of a list's items a correct answer must recall. */
export const LIST_RECALL_PASS = 0.6;
export const WORD_TYPO_SIMILARITY = 0.75;
/** An item counts as recalled when this share of its content words appears in the answer. */
export const ITEM_WORD_SHARE = 0.6;
/** Answers padded beyond this many times the expected words (plus slack) are not accepted. */
const PADDING_FACTOR = 2;
const PADDING_SLACK = 4;

const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'it', 'its', 'by', 'with', 'as', 'at', 'be', 'that', 'this',
]);

export interface TypedGrade {
  correct: boolean;
  /** 0..1: share of words (or list items) recalled. */
  score: number;
  diff: DiffPart[];
}

/** Content words: stopwords dropped unless nothing else is left ("The" stays an answer). */
function contentWords(text: string): string[] {
  const all = words(text);
  const content = all.filter((w) => !STOPWORDS.has(w));
  return content.length > 0 ? content : all;
}

function wordMatches(expected: string, given: string): boolean {
  if (expected === given) return true;
  if (/\d/.test(expected) || expected.length < 4) return false;
  return similarity(expected, given) >= WORD_TYPO_SIMILARITY;
}

/** Share of `expected` words found in `given` (each given word used at most once). */
function wordRecall(expected: string[], given: string[]): number {
  if (expected.length === 0) return 1;
  const pool = [...given];
  let found = 0;
  for (const w of expected) {
    const at = pool.findIndex((g) => wordMatches(w, g));
    if (at >= 0) {
      pool.splice(at, 1);
      found++;
    }
  }
  return found / expected.length;
}

/** The items of a markdown list answer ("- a\n- b"), markers dropped. */
export function listItems(answer: string): string[] {
  return answer
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
}

export function gradeTyped(expected: string, given: string, kind: string): TypedGrade {
  const diff = wordDiff(expected, given);
  const answer = contentWords(given);
  if (kind === 'list') {
    const items = listItems(expected);
    const recalled = items.filter((item) => wordRecall(contentWords(item), answer) >= ITEM_WORD_SHARE).length;
    const score = items.length === 0 ? 0 : recalled / items.length;
    return { correct: score >= LIST_RECALL_PASS, score, diff };
  }
  const target = contentWords(expected);
  const score = answer.length === 0 ? 0 : wordRecall(target, answer);
  const padded = answer.length > PADDING_FACTOR * target.length + PADDING_SLACK;
  return { correct: score >= WORD_RECALL_PASS && !padded, score, diff };
}
