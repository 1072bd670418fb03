import { FIRST_VERB, FROM_VERB, JJ, NNP, NS, VB, VBG, VBN, VBZ } from './lexicon';
import { canBeNoun, isAdverb, isPrep, numberOf, PARTICLES, type Word } from './words';

/** A noun phrase over words [start, end). */
export interface NounPhrase {
  /** Index of the head word; a phrasal term ("Write through") has its particle at headEnd - 1. */
  head: number;
  headEnd: number;
  /** End of the phrase before any aside, prepositional phrase or participle that follows the head. */
  coreEnd: number;
  determiner: boolean;
  pronoun: boolean;
  /** 1 singular, 2 plural, 0 unknown; a gerund with an object ("Batching writes") is singular. */
  number: 0 | 1 | 2;
  /** Alternative number when the phrase may be a gerund with its object. */
  gerundNumber: 0 | 1;
  /** Signs that the words are less likely one phrase: a verb-only modifier, a plural mid-compound. */
  penalty: number;
}

/**
 * Reads words [start, end) as one noun phrase, or returns null. Shape: a pronoun alone, or
 * determiner? modifiers* head aside? then prepositional phrases, participle phrases ("stored in the
 * outbox") and "and"/"or" joined phrases. Invariant: the whole range is consumed or null.
 */
export function nounPhrase(words: Word[], start: number, end: number): NounPhrase | null {
  if (start >= end) return null;
  const first = words[start];
  if (end - start === 1 && (first.role === 'pron' || first.role === 'demo')) {
    return { head: start, headEnd: end, coreEnd: end, determiner: false, pronoun: true, number: numberOf(first), gerundNumber: 0, penalty: 0 };
  }
  const core = nounCore(words, start, end, true);
  if (!core) return null;
  let i = core.end;
  let penalty = core.penalty;
  if (words[i]?.kind === 'aside') i++;
  // "IETF and RFC govern": phrases joined by "and" are plural together.
  let joined = false;
  while (i < end) {
    joined ||= words[i].role === 'cc' && words[i].lower === 'and';
    const next = tail(words, i, end);
    if (next === null) return null;
    i = next.end;
    penalty += next.penalty;
  }
  const head = words[core.head];
  const gerund = !core.determiner && core.head > start && (first.tags & VBG) !== 0 && /ing$/.test(first.lower);
  return {
    head: core.head,
    headEnd: core.headEnd,
    coreEnd: core.end,
    determiner: core.determiner,
    pronoun: false,
    number: joined ? 2 : core.headEnd - core.head > 1 ? 1 : numberOf(head),
    gerundNumber: gerund ? 1 : 0,
    penalty,
  };
}

interface Core {
  head: number;
  headEnd: number;
  end: number;
  determiner: boolean;
  penalty: number;
}

/** determiner? modifiers* head, the longest such run inside [start, end) that ends on a noun. */
function nounCore(words: Word[], start: number, end: number, leading: boolean): Core | null {
  let i = start;
  let determiner = false;
  let penalty = 0;
  // "the", "this", "each" and numbers ("Two problems") determine the phrase.
  if (/^(?:det|demo|num)$/.test(words[i].role) && i + 1 < end) {
    determiner = true;
    i++;
  }
  let head = -1;
  let headEnd = -1;
  // A verb-like word and a particle make one term at the start: "Write through", "Fan out".
  if (leading && !determiner && i + 1 < end && words[i].tags & VB && PARTICLES.has(words[i + 1].lower) && !/^(?:det|demo|pron)$/.test(words[i + 2]?.role ?? '')) {
    head = i;
    headEnd = i + 2;
    i += 2;
  }
  for (; i < end; i++) {
    const w = words[i];
    // "Table 1", "User A": a number or a letter after a noun labels it.
    if ((w.role === 'num' || /^\p{Lu}$/u.test(w.text)) && head >= 0 && headEnd === i) {
      headEnd = i + 1;
      continue;
    }
    if (canBeNoun(w) || w.possessive || (w.role === 'open' && w.tags & VB)) {
      penalty += nounCost(w);
      // "means replicas": a word that may be the verb is unlikely to sit inside a compound.
      if (w.tags & NS && w.tags & VBZ && i + 1 < end && canBeNoun(words[i + 1])) penalty += 3;
      head = w.possessive ? -1 : i; // "the leader's": a possessive needs a noun after it
      headEnd = i + 1;
      continue;
    }
    if (w.role === 'open' && w.tags & (JJ | VBN)) continue;
    if (isAdverb(w) && words[i + 1] && words[i + 1].tags & (JJ | VBN)) continue;
    break;
  }
  // "stochastic means ...", "idempotent means ...": a lone adjective opening a sentence may be the
  // word it talks about; the penalty lets any other reading win.
  if (head < 0 && leading && !determiner && i === start + 1 && words[start].tags & JJ) return { head: start, headEnd: i, end: i, determiner, penalty: penalty + 2 };
  if (head < 0) return null;
  // The phrase ends at its last noun; trailing modifiers belong to whatever follows.
  return { head, headEnd, end: headEnd, determiner, penalty };
}

/**
 * How unlikely a word is as part of a noun phrase: 2 when its noun reading is only inferred from a
 * verb ("writes", "Two-phase commit"), 1 when the lexicon lists it first as a verb ("let", "read").
 */
function nounCost(w: Word): number {
  if (w.role !== 'open' || w.tags & VBG) return 0;
  if (w.tags & FROM_VERB || !canBeNoun(w)) return 2;
  return w.tags & FIRST_VERB ? 1 : 0;
}

/** One post-modifier at i: a prepositional phrase, a participle, "and"/"or" + phrase, an aside. */
function tail(words: Word[], i: number, end: number): { end: number; penalty: number } | null {
  const w = words[i];
  if (w.kind === 'aside') return { end: i + 1, penalty: 0 };
  if (isPrep(w) || w.role === 'cc') {
    const core = i + 1 < end ? nounCore(words, i + 1, end, false) : null;
    return core ? { end: core.end, penalty: core.penalty } : null;
  }
  // "Messages stored in the outbox": a participle followed by a prepositional phrase.
  if (w.role === 'open' && w.tags & VBN && isPrep(words[i + 1])) return { end: i + 1, penalty: 0 };
  return null;
}

/** Specificity signs inside a phrase: names, acronyms, code, hyphenated compounds, digits. */
export function hasName(words: Word[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const w = words[i];
    if (w.role === 'code' || w.tags & NNP || (w.kind === 'word' && w.text.includes('-') && /\p{L}-\p{L}/u.test(w.text))) return true;
  }
  return false;
}
