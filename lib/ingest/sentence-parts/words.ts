import { FIRST_VERB, FROM_NOUN, FROM_VERB, JJ, listedReadings, N, NNP, NOUN, NS, RB, VB, VBD, VBG, VBN, VBZ, VERB } from './lexicon';
import type { Token } from './tokens';

/** The closed class a word belongs to; 'open' for nouns, verbs, adjectives and adverbs. */
export type Role =
  | 'det' | 'demo' | 'pron' | 'be' | 'have' | 'do' | 'modal' | 'neg' | 'prep' | 'sub' | 'cc' | 'wh'
  | 'to' | 'there' | 'num' | 'adv' | 'open' | 'code' | 'aside' | 'comma' | 'arrow' | 'mark';

/** A token with its closed class and open-class readings (bits from ./lexicon). */
export interface Word extends Token {
  role: Role;
  tags: number;
  /** "leader's", "users'": a possessive that ends a modifier of the next noun. */
  possessive: boolean;
}

const CLOSED: [Role, string][] = [
  ['det', 'the a an each every some any no all both either neither another such many most several few much more less fewer my your our their its his her'],
  ['demo', 'this that these those'],
  ['pron', 'it they we you he she i them us him me itself themselves everyone everything nothing something someone anyone anything'],
  ['be', "is are was were be been being am isn't aren't wasn't weren't"],
  ['have', "has have had having hasn't haven't hadn't"],
  ['do', "does do did doesn't don't didn't"],
  ['modal', "can could may might must shall should will would cannot can't couldn't won't wouldn't shouldn't mustn't"],
  ['neg', 'not never'],
  ['prep', 'of in on at by for with from into onto over under between among across through via per without within about against along around behind beyond during except inside outside toward towards upon vs vs. versus than like past throughout beneath above below near off up down out instead'],
  ['sub', 'when whenever if because while although though since as until unless once before after whereas where wherever whether so'],
  ['cc', 'and or but nor yet plus &'],
  ['wh', 'what which who whom whose how why'],
  ['to', 'to'],
  ['there', 'there'],
  ['num', 'one two three four five six seven eight nine ten hundred thousand million billion'],
  // Adverbs that modify a verb or a clause and are not "-ly" words.
  ['adv', 'then also only just still already often now however therefore thus hence otherwise even again rather too very quite later soon always sometimes usually typically generally'],
];
/** Clitics split off by the tokenizer: "it's" -> "it" + "'s". */
const CONTRACTION = new Map<string, Role>([["'s", 'be'], ["'re", 'be'], ["'m", 'be'], ["'ve", 'have'], ["'ll", 'modal'], ["'d", 'modal']]);
const ROLE = new Map<string, Role>(CLOSED.flatMap(([role, words]) => words.split(' ').map((w): [string, Role] => [w, role])));

/** "one", "with", "which": a word of English grammar the open-class lexicon does not list. */
export function isClosedWord(lower: string): boolean {
  return ROLE.has(lower);
}

/** "one", "two", "three": a number spelled out. */
export function isNumberWord(lower: string): boolean {
  return ROLE.get(lower) === 'num';
}

/** "also", "often", "still": an adverb of the closed class, which qualifies what a sentence says. */
export function isClosedAdverb(lower: string): boolean {
  return ROLE.get(lower) === 'adv';
}

/** "of", "on", "between": a preposition, which ends the head of a noun phrase ("Hosts on the same network"). */
export function isPreposition(lower: string): boolean {
  return ROLE.get(lower) === 'prep';
}

/** "each", "the", "these": a word that opens a noun phrase and is lower case inside a sentence. */
export function isDeterminer(lower: string): boolean {
  const role = ROLE.get(lower);
  return role === 'det' || role === 'demo';
}

/** "before", "after", "since", "until", "as" open a clause or a phrase. */
const BOTH_PREP_AND_SUB = new Set(['before', 'after', 'since', 'until', 'as', 'once']);

/** Words that make a phrasal term with a verb-like word before them ("Write through", "Fan out"). */
export const PARTICLES = new Set(['out', 'through', 'aside', 'back', 'up', 'down', 'off', 'over', 'behind', 'around', 'ahead', 'away', 'in']);

export function isPrep(w: Word | undefined): boolean {
  return !!w && (w.role === 'prep' || (w.role === 'sub' && BOTH_PREP_AND_SUB.has(w.lower)));
}

/**
 * Readings by word as written, for the first word of a sentence and for the others. A word's
 * readings never change, so they are kept: notes repeat their vocabulary, and working a word out
 * costs dozens of lookups. A reading is used only for the lower-case form it was read as (the
 * clitic of "let's" is read as "us").
 */
const known = { first: new Map<string, Reading>(), later: new Map<string, Reading>() };

interface Reading {
  lower: string;
  role: Role;
  tags: number;
  possessive: boolean;
}

/** Reads the tokens of one sentence. */
export function readWords(tokens: Token[]): Word[] {
  return tokens.map((token, i) => {
    const first = i === 0;
    const kept = first ? known.first : known.later;
    let word = kept.get(token.text);
    if (word?.lower !== token.lower) {
      const possessive = token.kind === 'word' && /\p{L}(?:['’]s|s['’])$/u.test(token.text);
      const base = possessive ? token.lower.replace(/['’]s?$/, '') : token.lower;
      const role = roleOf(token, base, first);
      const tags = role === 'open' || role === 'adv' || role === 'num' ? readingsOf(token.text, base, first) : 0;
      word = { lower: token.lower, role, tags, possessive };
      if (!kept.has(token.text)) kept.set(token.text, word);
    }
    const read = token as Word;
    read.role = word.role;
    read.tags = word.tags;
    read.possessive = word.possessive;
    return read;
  });
}

function roleOf(token: Token, lower: string, first: boolean): Role {
  if (token.kind !== 'word') return token.kind;
  if (/^\d[\d.,:]*[%kKmMbB]?$/.test(lower)) return 'num';
  if (token.text === 'A' && !first) return 'open'; // "User A", "Server A": a name, not an article
  return CONTRACTION.get(lower) ?? ROLE.get(lower) ?? 'open';
}

/**
 * Open-class readings: the lexicon's, those that inflection adds ("replicas" from "replica",
 * "sharded" from an unknown "shard"), and shape: acronyms, mixed case ("gRPC"), code, words with
 * digits and capitalised words inside a sentence are names.
 */
function readingsOf(text: string, lower: string, first: boolean): number {
  // "f failures", "w/ 2f+1 nodes": a lone letter other than "a" and "I" is a variable or a shorthand, never a verb.
  if (lower.length === 1 && lower !== 'a' && lower !== 'i') return NNP | N;
  if (/[_/]|\.\p{L}/u.test(text) || /\d/.test(text)) return NNP | (/\p{Lu}{2,}s$/u.test(text) ? NS : N);
  if (/^\p{Lu}{2,}s$/u.test(text)) return NNP | NS; // "CDNs", "APIs"
  if (/\p{Lu}/u.test(text.slice(1)) && !text.includes('-')) return NNP | N; // "IANA", "gRPC", "ZooKeeper"
  if (text.includes('-')) return hyphenated(lower);
  if (!first && /^\p{Lu}/u.test(text)) return NNP | N;
  let bits = listedReadings(lower) | inflected(lower) || compound(lower);
  // A capitalised word the lexicon does not know may name a product or system ("Redis", "Memcached").
  if (bits === 0) bits = /^\p{Lu}/u.test(text) ? NNP | N | (guessed(lower) & VBG) : guessed(lower);
  if (bits & VBG) bits |= N; // a gerund names an activity: "Sharding splits ..."
  return bits;
}

/** "write-ahead", "Two-phase", "read-heavy", "row-level": modifiers or nouns, plural by their last part. */
function hyphenated(lower: string): number {
  const last = lower.slice(lower.lastIndexOf('-') + 1);
  const bits = listedReadings(last) | inflected(last);
  return JJ | (bits & NS && !(bits & N) ? NS : N);
}

/** Readings from a regular inflection of a listed (or morphologically plain) stem. */
function inflected(lower: string): number {
  let bits = 0;
  for (const stem of stems(lower, 's')) {
    const stemBits = listedReadings(stem);
    if (stemBits & N) bits |= NS;
    if (stemBits & VB) bits |= VBZ | (stemBits & FIRST_VERB);
  }
  // "increments", "hashes": technical nouns are used as verbs; a weak reading, not a listed one.
  if (bits & NS && !(bits & VBZ) && !(listedReadings(lower) & VBZ)) bits |= VBZ | FROM_NOUN;
  // "writes", "reads": the -s form of a verb may also be the plural of the action it names.
  if (bits & VBZ && !(bits & NS) && !(listedReadings(lower) & NOUN)) bits |= NS | FROM_VERB;
  for (const stem of stems(lower, 'ed')) if (listedReadings(stem) & VB) bits |= VBD | VBN;
  for (const stem of stems(lower, 'ing')) if (listedReadings(stem) & VB) bits |= VBG;
  return bits;
}

/** Bound prefixes of English (a closed set) that make new words from listed ones. */
const PREFIX = /^(?:re|pre|un|de|dis|mis|non|sub|super|inter|intra|multi|over|under|out|up|co|auto|micro|macro|mega|meta|anti|semi|post|cross|hyper|geo|bi|tri)$/;

/**
 * "precomputes" (pre + computes), "timelines" (time + lines): an unknown word made of a bound
 * prefix or a listed word, then a listed word of 4+ letters, reads like its last part.
 */
function compound(lower: string): number {
  for (let i = 2; i <= lower.length - 4; i++) {
    const prefix = lower.slice(0, i);
    if (!PREFIX.test(prefix) && (prefix.length < 3 || !(listedReadings(prefix) & NOUN))) continue;
    const bits = listedReadings(lower.slice(i)) | inflected(lower.slice(i));
    if (bits) return bits;
  }
  return 0;
}

/** Readings of a word the lexicon does not know, from its ending. */
function guessed(lower: string): number {
  if (/ing$/.test(lower)) return VBG | N;
  if (/ed$/.test(lower)) return VBD | VBN | JJ;
  if (/ly$/.test(lower)) return RB;
  if (/(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|ency|ancy|ure|age)$/.test(lower)) return N;
  if (/(?:ous|ful|less|able|ible|ive|ic|al|ary)$/.test(lower)) return JJ | N;
  if (/[^su]s$/.test(lower)) return NS | VBZ;
  return N | VB;
}

/** Candidate stems of a word that ends in the given inflection, most likely first. */
export function stems(lower: string, ending: 's' | 'ed' | 'ing'): string[] {
  if (ending === 's') {
    if (!/[^su']s$/.test(lower) || lower.length < 4) return [];
    const out = [lower.slice(0, -1)];
    if (/ies$/.test(lower)) out.unshift(`${lower.slice(0, -3)}y`);
    else if (/(?:s|x|z|ch|sh|o)es$/.test(lower)) out.unshift(lower.slice(0, -2));
    return out;
  }
  if (!lower.endsWith(ending) || lower.length < ending.length + 2) return [];
  const stem = lower.slice(0, -ending.length);
  const out = [stem, `${stem}e`];
  if (/([^aeiou])\1$/.test(stem) && !/(?:ll|ss|zz|ff)$/.test(stem)) out.unshift(stem.slice(0, -1));
  if (ending === 'ed' && /ied$/.test(lower)) out.unshift(`${lower.slice(0, -3)}y`);
  return out;
}

/** Grammatical number of a noun or pronoun head: 1 singular, 2 plural, 0 unknown. */
export function numberOf(w: Word): 0 | 1 | 2 {
  if (w.role === 'pron' || w.role === 'demo') {
    if (/^(?:they|we|you|i|these|those|them|us)$/.test(w.lower)) return 2;
    return 1;
  }
  if (w.role === 'code' || w.role === 'aside') return 0;
  const noun = w.tags & NOUN;
  if (w.tags & VBG || !noun) return 1; // a gerund, or a verb's base form used as a noun ("commit")
  if ((noun & NS) && !(noun & N)) return 2;
  if ((noun & N) && !(noun & NS)) return w.tags & NNP && /s$/.test(w.lower) ? 0 : 1;
  return 0;
}

/** A word that can only be a verb (no listed noun, adjective or name reading). */
export function verbOnly(w: Word | undefined): boolean {
  return !!w && w.role === 'open' && (w.tags & VERB) !== 0 && ((w.tags & (NOUN | JJ)) === 0 || (w.tags & FROM_VERB) !== 0);
}

export function canBeNoun(w: Word | undefined): boolean {
  return !!w && (w.role === 'code' || w.role === 'num' || (w.role === 'open' && (w.tags & (NOUN | VBG)) !== 0));
}

/** An adverb that may stand inside a verb group ("then", "first", "often"): no noun or verb reading. */
export function isAdverb(w: Word | undefined): boolean {
  return !!w && (w.role === 'adv' || w.role === 'neg' || (w.role === 'open' && (w.tags & RB) !== 0 && (w.tags & (NOUN | VB | VBZ | VBD)) === 0));
}
