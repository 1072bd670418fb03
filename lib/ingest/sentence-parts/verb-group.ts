import { FIRST_ADJECTIVE, listedReadings, RB, VB, VBD, VBG, VBN, VBZ } from './lexicon';
import { verbBase } from './verbs';
import { isAdverb, isPrep, type Word } from './words';

/** A verb group over words [start, end): adverbs, auxiliaries and the lexical verb, as written. */
export interface VerbGroup {
  start: number;
  end: number;
  /** First verb word (after leading adverbs): the one that agrees with the subject. */
  finite: number;
  /** The lexical verb, or the last auxiliary when there is none ("is" in "X is a Y"). */
  lexical: number;
  /** First auxiliary or modal, -1 when the lexical verb stands alone. */
  auxiliary: number;
  copula: boolean;
  passive: boolean;
}

const AUXILIARY = new Set(['be', 'have', 'do', 'modal']);

/** A word that may open a verb group: an auxiliary, a modal or a finite (or telegraphic) verb. */
export function opensVerb(w: Word | undefined): boolean {
  return !!w && (AUXILIARY.has(w.role) || (w.role === 'open' && (w.tags & (VB | VBZ | VBD | VBN)) !== 0));
}

/** Reads a verb group starting at k, or null when no verb follows the leading adverbs. */
export function verbGroup(words: Word[], k: number, end: number): VerbGroup | null {
  let f = k;
  while (f < end && isAdverb(words[f])) f++;
  if (f >= end || !opensVerb(words[f])) return null;
  const first = words[f];
  if (!AUXILIARY.has(first.role)) {
    const passive = telegraphicParticiple(first, words[f + 1]);
    return { start: k, end: f + 1, finite: f, lexical: f, auxiliary: -1, copula: false, passive };
  }
  // Auxiliary chain: "can be", "has been", "will have been", with adverbs between.
  let last = f;
  let j = skipAdverbs(words, f + 1, end);
  while (j < end && (words[j].role === 'be' || (words[j].role === 'have' && /modal|do/.test(words[last].role)))) {
    last = j;
    j = skipAdverbs(words, j + 1, end);
  }
  const lexical = j < end ? words[j] : undefined;
  const wanted = words[last].role === 'have' ? VBN : words[last].role === 'be' ? VBN | VBG : VB;
  // "is worth", "is limited": a word the lexicon lists first as an adjective describes the subject after "be".
  const adjective = words[last].role === 'be' && lexical !== undefined && (lexical.tags & FIRST_ADJECTIVE) !== 0;
  if (lexical && lexical.role === 'open' && lexical.tags & wanted && !adjective) {
    const passive = words[last].role === 'be' && (lexical.tags & VBN) !== 0 && !/ing$/.test(lexical.lower);
    return { start: k, end: j + 1, finite: f, lexical: j, auxiliary: f, copula: false, passive };
  }
  // No lexical verb: the last auxiliary is the main verb ("is" in "X is a Y", "has" in "X has Y").
  const copula = words[last].role === 'be';
  return { start: k, end: last + 1, finite: f, lexical: last, auxiliary: last === f ? -1 : f, copula, passive: false };
}

/** "could instead submit": a word listed as a preposition that the lexicon reads as an adverb, before a verb. */
function adverbialParticle(w: Word, next: Word | undefined): boolean {
  return w.role === 'prep' && (listedReadings(w.lower) & RB) !== 0 && !!next && next.role === 'open' && (next.tags & VB) !== 0;
}

/** The base form of the group's lexical verb. */
export function groupBase(words: Word[], group: VerbGroup): string {
  return verbBase(words[group.lexical].lower);
}

function skipAdverbs(words: Word[], i: number, end: number): number {
  let j = i;
  while (j < end && (isAdverb(words[j]) || adverbialParticle(words[j], words[j + 1]))) j++;
  // Adverbs belong to the group only when a verb word follows them.
  return j < end && (AUXILIARY.has(words[j].role) || (words[j].role === 'open' && words[j].tags & (VB | VBN | VBG))) ? j : i;
}

/**
 * Notes drop "is"/"are": "NAT used to extend ...", "Data kept in Redis", "Tests needed". A past
 * participle with no auxiliary is passive when a preposition, "to" or nothing follows it; an object
 * ("assigned each job") or an adverb ("changed unexpectedly") makes it an active past tense.
 */
function telegraphicParticiple(w: Word, next: Word | undefined): boolean {
  if (!(w.tags & VBN) || w.tags & VBZ || verbBase(w.lower) === w.lower) return false;
  return !next || next.kind !== 'word' || next.role === 'to' || isPrep(next);
}
