/**
 * Grammatical parts of one English sentence from study notes (frame, subject, verb group,
 * predicate), so the card extractor can write self-contained questions for shapeless prose.
 *
 * Why hand-written rules on a lexicon, not a tagger. Notes are telegraphic ("NAT used to extend
 * ..."), open with terms that look like verbs ("Write through updates ..."), and carry acronyms,
 * code and asides; what decides the split is which words *may* be nouns or verbs, and taggers
 * trained on news prose commit to one reading too early. Measured (same rules fed each tagger's
 * tags; 30 held-out note sentences written after tuning; speed on the first sentence of every
 * paragraph of a 1.4 MB notes corpus, 13k sentences, noisy 2-core machine):
 *   held-out all-correct  per 5,000 sentences  import
 *   wink-nlp + model      13/30                ~0.5 s               ~0.35 s
 *   compromise            24/30                ~9 s (tagging 3 s)   ~0.35 s
 *   en-pos                14/30                ~0.9 s               ~0.9 s
 *   pos (LGPL)            16/30                ~0.5 s               ~0.3 s
 *   wink-pos-tagger       18/30                ~0.5 s               ~0.4 s
 *   wink-lexicon + rules  26/30                ~0.3 s               ~0.1 s (13k words: misses "cache", "retry")
 *   en-lexicon + rules    28/30                ~0.2 s               ~0.35 s  <- this module
 * en-lexicon (MIT, ~110k words, readings in frequency order) is read for every reading a word may
 * have; inflection, bound prefixes and word shape fill the gaps; agreement and word-order scores
 * pick the split. Pure: no I/O, clock or randomness; the word list loads once at import.
 */
import { mainClause } from './sentence-parts/clause';
import { remembered } from './sentence-parts/remembered';
import { hasName } from './sentence-parts/noun-phrase';
import { groupBase } from './sentence-parts/verb-group';
import { tokenize } from './sentence-parts/tokens';
import { canBeNoun, isAdverb, isClosedWord, isPrep, numberOf, PARTICLES, readWords, stems, verbOnly, type Word } from './sentence-parts/words';
import { FIRST_ADJECTIVE, FIRST_VERB, JJ, listedReadings, N, NNP, NOUN, VB, VBG, VBN } from './sentence-parts/lexicon';

export { isDeterminer } from './sentence-parts/words';

export type SubjectKind = 'specific' | 'generic' | 'pronoun' | 'none';

export interface SentenceParts {
  /** The subject noun phrase as written ("Push CDNs", "IANA (Internet ...)"), '' if none. */
  subject: string;
  /** Its head noun ("CDNs", "IANA"); a phrasal term whole ("Write through"); '' if none. */
  head: string;
  /** pronoun: it/they/this...; generic: determiner + common words; specific: names, acronyms, code, compounds. */
  subjectKind: SubjectKind;
  /** The main verb group as written, adverbs inside it included ("can be sharded", "then commits"). */
  verb: string;
  /** The lexical verb in base form ("shard"); "be" for a copula. */
  verbBase: string;
  /** The first auxiliary or modal ("is", "can", "does"), '' when the verb stands alone. */
  auxiliary: string;
  /** The main verb is a form of "be" with no other lexical verb ("X is a Y"). */
  copula: boolean;
  /** "is used", "can be sharded", and telegraphic "NAT used to ...". */
  passive: boolean;
  /** The text after the verb group, as written, without the closing . ! or ?. */
  predicate: string;
  /** False when something precedes the subject, or there is no subject. */
  startsWithSubject: boolean;
  /** Text before the subject ("In long polling,"), or before the verb when there is none ("There"). */
  frame: string;
}

/**
 * Splits a sentence into frame, subject, verb group and predicate, each cut from the sentence as
 * written. Invariant: when a verb is found, frame + subject + verb + predicate is the sentence
 * without its closing . ! or ?, up to the whitespace between them; with no verb, all are empty.
 */
export const sentenceParts: (sentence: string) => Readonly<SentenceParts> = remembered(parseSentence);

function parseSentence(sentence: string): SentenceParts {
  const text = sentence.trim().replace(/\s*[.!?]+$/, '');
  const words = readWords(tokenize(text));
  const clause = mainClause(words);
  const parts: SentenceParts = {
    subject: '', head: '', subjectKind: 'none', verb: '', verbBase: '', auxiliary: '', copula: false,
    passive: false, predicate: '', startsWithSubject: false, frame: '',
  };
  const { verb, subject } = clause;
  if (!verb) return parts;
  const cut = (from: number, to: number) => (from < to ? text.slice(words[from].start, words[to - 1].end) : '');
  parts.frame = cut(0, clause.frameEnd);
  if (subject) {
    parts.subject = cut(clause.subjectStart, verb.start);
    parts.head = cut(subject.head, subject.headEnd);
    parts.subjectKind = subject.pronoun ? 'pronoun' : kindOf(words, clause.subjectStart, subject.coreEnd, subject.determiner);
    parts.startsWithSubject = clause.frameEnd === 0;
  }
  parts.verb = cut(verb.start, verb.end);
  parts.verbBase = groupBase(words, verb);
  parts.auxiliary = verb.auxiliary >= 0 ? words[verb.auxiliary].text : '';
  parts.copula = verb.copula;
  parts.passive = verb.passive;
  parts.predicate = verb.end < words.length ? text.slice(words[verb.end].start).trim() : '';
  return parts;
}

/**
 * specific: names, acronyms, code, hyphenated compounds, or several words with no determiner;
 * generic: a determiner with common words ("the server"), or one bare plural ("Heartbeats").
 */
function kindOf(words: Word[], start: number, coreEnd: number, determiner: boolean): SubjectKind {
  if (hasName(words, start, coreEnd)) return 'specific';
  if (determiner) return 'generic';
  if (coreEnd - start > 1) return 'specific';
  // One common word written in lower case ("purpose is to ...", "servers ...") names a kind, not a thing.
  const word = words[start];
  return numberOf(word) === 2 || (word.text === word.lower && !(word.tags & NNP)) ? 'generic' : 'specific';
}

/**
 * True when a predicate opens with an adjective describing the subject ("dead", "cheap to run"),
 * not one describing an object ("stale data"): the verb links, it does nothing to anything.
 */
export function describes(predicate: string): boolean {
  const [first, next] = readWords(tokenize(predicate.trim()));
  return !!first && first.role === 'open' && (first.tags & FIRST_ADJECTIVE) !== 0 && !(next?.kind === 'word' && canBeNoun(next));
}

/** "can't hold", "never commits", "does not need": a verb group that denies. */
export function denies(parts: SentenceParts): boolean {
  return /n't\b|\b(?:not|never|cannot)\b/i.test(parts.verb) || /^(?:not|never)\b/i.test(parts.predicate);
}

/** "To avoid partial updates", "in order to scale reads": a purpose, a base verb after "to". */
export function statesPurpose(text: string): boolean {
  const match = /^(?:in order |so as )?to\s+(\p{L}+)/iu.exec(text.trim());
  return !!match && (listedReadings(match[1].toLowerCase()) & VB) !== 0;
}

/** True when the text has a finite verb (a clause, not a noun-phrase fragment such as "Client-side load balancing with retries"). */
export const hasFiniteVerb = remembered((text) => sentenceParts(text).verb !== '');

/**
 * "recall", "keep", "distribute": a word the lexicon lists first as a verb, in its base form, so a
 * line opening on it (in sentence case) gives an order even where the parser finds no clause.
 */
export function isOrderVerb(lower: string): boolean {
  const readings = listedReadings(lower);
  return (readings & FIRST_VERB) !== 0 && (readings & VB) !== 0;
}

/**
 * True when a short text names a thing: a noun phrase with no verb, or one opening on a word that
 * may be a verb with no subject before it that reads as a name ("write back", "read replica"),
 * not as an order ("check the cache").
 */
export const namesThing = remembered(readsAsName);

function readsAsName(text: string): boolean {
  if (!isNounPhrase(text)) return false;
  const words = readWords(tokenize(text.trim()));
  // "moves almost every key": inside a name a determiner follows a preposition or a conjunction
  // ("cost of the index"); after anything else it opens a verb's object.
  for (let k = 1; k < words.length; k++) {
    const previous = words[k - 1];
    if ((words[k].role === 'det' || words[k].role === 'demo') && !isPrep(previous) && !/^(?:and|or|vs)$/.test(previous.lower)) return false;
  }
  if (!hasFiniteVerb(text)) return true;
  // A name opening on a verb has it in its base form and no object ("write back", "fan out").
  const parts = sentenceParts(text);
  return parts.subject === '' && words.length <= MAX_VERB_NAME_WORDS && words[0]?.lower === parts.verbBase && !words.some((w) => w.role === 'pron');
}

/** "write back", "fan out on write": a name that opens on a verb is this short. */
const MAX_VERB_NAME_WORDS = 4;

/** Part-of-speech of a label's first word, for telling a term ("Read replica") from an instruction ("Read the docs"). */
export const isNounPhrase = remembered(readsAsNounPhrase);

function readsAsNounPhrase(text: string): boolean {
  const words = readWords(tokenize(text.trim().replace(/\s*[.!?:]+$/, '')));
  const [first, second] = words;
  if (!first) return false;
  // "The CAP theorem", "This approach"; not "This reduces latency".
  if (first.role === 'det' || first.role === 'demo') return !!second && (canBeNoun(second) || (second.tags & JJ) !== 0) && !verbOnly(second);
  if (first.role === 'code' || first.role === 'num') return true;
  if (first.role !== 'open') return false;
  if (first.tags & VBG && /ing$/.test(first.lower)) return !second || !/^(?:det|demo|pron|num)$/.test(second.role);
  // "Hinted handoff", "Replicated log": a past participle before a noun modifies it.
  if (first.tags & VBN && !(first.tags & VB) && second && canBeNoun(second) && !verbOnly(second)) return true;
  // "Range scans cheap": a noun, then a word that is mostly an adjective, is a statement with its
  // verb dropped; a last word that is a noun and a verb as well heads a compound ("Idempotency key").
  const last = words[words.length - 1];
  const nouns = words.slice(0, -1);
  const adjectiveOnly = last.tags & FIRST_ADJECTIVE && !(last.tags & N && last.tags & VB);
  if (nouns.length > 0 && last.role === 'open' && adjectiveOnly && nouns.every((w) => w.role === 'open' && canBeNoun(w) && !(w.tags & FIRST_ADJECTIVE))) return false;
  if (!(first.tags & VB)) return (first.tags & (NOUN | JJ)) !== 0;
  return !instruction(words);
}

/**
 * A label that opens with a word that may be a verb is an instruction when a verb's complement
 * follows ("Read the docs", "Store sessions in Redis"), a term otherwise ("Read replica", "Write
 * through", "Fan out on write", "Write amplification").
 */
function instruction(words: Word[]): boolean {
  const [first, second, third] = words;
  if (!second) return verbOnly(first);
  if (/^(?:det|demo|pron|num|to|wh|sub)$/.test(second.role) || second.possessive) return true;
  if (PARTICLES.has(second.lower)) return !!third && /^(?:det|demo|pron|num)$/.test(third.role);
  if (isPrep(second) || isAdverb(second)) return second.lower !== 'of';
  if (!canBeNoun(second)) return true;
  // Verb + object + prepositional phrase: "Write data to disk", "Store sessions in Redis"; "of"
  // only after a word that can only be a verb ("Maintain knowledge of other networks").
  let i = 1;
  while (i < words.length && (canBeNoun(words[i]) || words[i].tags & JJ)) i++;
  if (i < words.length && isPrep(words[i]) && (words[i].lower !== 'of' || (verbOnly(first) && !namesProcess(words[i - 1])))) return true;
  // A verb-only word before a plain noun is an instruction unless the noun names a process or agent.
  return verbOnly(first) && !namesProcess(words[words.length - 1]);
}

/** "amplification", "balancer": a noun naming a process or an agent, which a verb may open as a term. */
function namesProcess(word: Word): boolean {
  return /(?:tion|sion|ment|ance|ence|ity|ness|ing|er|or|age|ure)s?$/.test(word.lower);
}

/** "... keep hot", "... -> distributed", "... for the": text ending on a determiner or an adjective that is no noun, which a noun must follow. */
export function endsOpen(text: string): boolean {
  const last = readWords(tokenize(text.trim())).at(-1);
  if (!last) return false;
  return last.role === 'det' || (last.role === 'open' && (last.tags & FIRST_ADJECTIVE) !== 0 && !canBeNoun(last));
}

/** True when the English lexicon lists a base-form verb reading of the (lower-case) word ("flood", "learn"). */
export function canBeVerb(lower: string): boolean {
  return (listedReadings(lower) & VB) !== 0;
}

/** True when the English lexicon lists the (lower-case) word: a common word, not a name or a coinage. */
export function isKnownWord(lower: string): boolean {
  return listedReadings(lower) !== 0;
}

/** Share of a statement's words the English lexicon must know for it to be read as English. */
const ENGLISH_SHARE = 0.6;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * True for English text: no more than a few characters of Chinese, Japanese or Korean, and most
 * lower-case words of three letters or more known to the English lexicon (Spanish or German prose
 * is not).
 */
export function isEnglish(text: string): boolean {
  if ((text.match(HAN_OR_KANA) ?? []).length > 3) return false;
  const all = text.match(/\p{L}{3,}/gu) ?? [];
  if (all.length === 0) return false;
  // Acronyms and names ("UTC", "Zulu") are in no lexicon, whatever the language around them.
  const common = all.filter((word) => !/^\p{Lu}/u.test(word));
  const words = common.length > 0 ? common : all;
  // "downsides", "znodes": a regular plural of a listed word, or of a word read as a compound, is English too.
  const known = words.filter((word) => {
    const lower = word.toLowerCase();
    return listedReadings(lower) !== 0 || isClosedWord(lower) || (lower.endsWith('s') && stems(lower, 's').some((stem) => listedReadings(stem) !== 0));
  }).length;
  return known / words.length >= ENGLISH_SHARE;
}
