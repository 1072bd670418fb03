import { similarity, wordDiff, words, type DiffPart } from './text';

/**
 * Grading of typed answers. Pure.
 *
 * Invariants:
 * - Case, punctuation, accents and word order never matter.
 * - A word of 4+ letters may carry small typos (similarity >= {@link WORD_TYPO_SIMILARITY},
 *   i.e. about one edit per four letters); shorter words and every number must match exactly,
 *   so "10 ns" is never accepted for "1 ns".
 * - Only key terms count: stopwords and hedges ("about", "roughly") are never required.
 * - A list answer scores the share of its items recalled, each item on its own, in any order.
 */

/** Share of the expected key terms a correct answer must contain. */
export const WORD_RECALL_PASS = 0.8;
/** Share of a list's items a correct answer must recall. */
export const LIST_RECALL_PASS = 0.6;
export const WORD_TYPO_SIMILARITY = 0.75;
/** An item counts as recalled when this share of its key terms appears in the answer. */
export const ITEM_WORD_SHARE = 0.6;
/** Answers padded beyond this many times the expected words (plus slack) are not accepted. */
const PADDING_FACTOR = 2;
const PADDING_SLACK = 4;

const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'it', 'its', 'by', 'with', 'as', 'at', 'be', 'that', 'this',
]);

/**
 * Hedges that qualify an answer without being part of it: "About 3.65 days" is answered by
 * "3.65 days". Only words that never carry the fact itself belong here.
 */
const HEDGES = new Set([
  'about', 'approximately', 'approx', 'roughly', 'around', 'circa', 'ca', 'nearly', 'almost', 'some', 'just',
  'usually', 'typically', 'generally', 'often', 'mostly', 'basically', 'essentially', 'eg', 'ie', 'etc',
]);

/** One key term of the expected answer (or one list item) and whether the answer recalled it. */
export interface Recalled {
  text: string;
  recalled: boolean;
}

export interface TypedGrade {
  correct: boolean;
  /** 0..1: share of key terms (or list items) recalled. */
  score: number;
  diff: DiffPart[];
  /** What the score counted: each key term, or for a list each item, with whether it was recalled. */
  parts: Recalled[];
}

/** A decimal number such as "3.65" or "3,65" (with any punctuation around it): one term, not two. */
const DECIMAL = /^[^\p{L}\p{N}]*(\d+(?:[.,]\d+)+)[^\p{L}\p{N}]*$/u;

/** Words in order, a decimal number kept whole ("3,65" read as "3.65"). */
function terms(text: string): string[] {
  return text.split(/\s+/).flatMap((token) => {
    const decimal = DECIMAL.exec(token)?.[1];
    return decimal ? [decimal.replace(/,/g, '.')] : words(token);
  });
}

/** Key terms: stopwords and hedges dropped unless nothing else is left ("The" stays an answer). */
function keyTerms(text: string): string[] {
  const all = terms(text);
  const content = all.filter((w) => !STOPWORDS.has(w) && !HEDGES.has(w));
  return content.length > 0 ? content : all;
}

function wordMatches(expected: string, given: string): boolean {
  if (expected === given) return true;
  if (/\d/.test(expected) || expected.length < 4) return false;
  return similarity(expected, given) >= WORD_TYPO_SIMILARITY;
}

/** For each `expected` word, whether it is found in `given` (each given word used at most once). */
function matchWords(expected: string[], given: string[]): boolean[] {
  const pool = [...given];
  return expected.map((w) => {
    const at = pool.findIndex((g) => wordMatches(w, g));
    if (at < 0) return false;
    pool.splice(at, 1);
    return true;
  });
}

const share = (flags: boolean[]): number => (flags.length === 0 ? 1 : flags.filter(Boolean).length / flags.length);

/**
 * The items of a list answer: markdown lines ("- a\n- b"), markers dropped, or, for an answer on
 * one line, its "; "-separated parts (the quiz shows a list as "a; b; c").
 */
export function listItems(answer: string): string[] {
  const lines = answer
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
  if (lines.length !== 1) return lines;
  return lines[0].split(/\s*;\s*/).filter(Boolean);
}

export function gradeTyped(expected: string, given: string, kind: string): TypedGrade {
  const diff = wordDiff(expected, given);
  const answer = keyTerms(given);
  if (kind === 'list') {
    // Each item is judged on its own against the whole answer, so items may come in any order.
    const parts = listItems(expected).map((item) => ({ text: item, recalled: share(matchWords(keyTerms(item), answer)) >= ITEM_WORD_SHARE }));
    const score = parts.length === 0 ? 0 : parts.filter((p) => p.recalled).length / parts.length;
    return { correct: score >= LIST_RECALL_PASS, score, diff, parts };
  }
  const target = keyTerms(expected);
  const found = answer.length === 0 ? target.map(() => false) : matchWords(target, answer);
  const score = share(found);
  const padded = answer.length > PADDING_FACTOR * target.length + PADDING_SLACK;
  return { correct: score >= WORD_RECALL_PASS && !padded, score, diff, parts: target.map((text, i) => ({ text, recalled: found[i] })) };
}
