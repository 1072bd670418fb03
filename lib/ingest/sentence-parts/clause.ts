import { FIRST_ADJECTIVE, FIRST_VERB, FROM_NOUN, FROM_VERB, JJ, NOUN, NS, VB, VBD, VBG, VBN, VBZ } from './lexicon';
import { nounPhrase, type NounPhrase } from './noun-phrase';
import { opensVerb, verbGroup, type VerbGroup } from './verb-group';
import { canBeNoun, isAdverb, isPrep, verbOnly, type Word } from './words';

/** The main clause of a sentence: words before the subject, the subject and the verb group. */
export interface Clause {
  /** Words [0, frameEnd) come before the subject (or before the verb when there is no subject). */
  frameEnd: number;
  subject: NounPhrase | null;
  subjectStart: number;
  verb: VerbGroup | null;
}

/** Longest subject and longest frame, in tokens: beyond these a split is a guess, and costs time. */
const MAX_SUBJECT = 12;
const MAX_FRAME = 20;

const NO_CLAUSE: Clause = { frameEnd: 0, subject: null, subjectStart: 0, verb: null };

/**
 * Finds the main clause. The subject and its verb are looked for before the next arrow, colon,
 * semicolon or dash (later clauses stay in the predicate): first at the start, then after each
 * comma ("In long polling, the server ...") or "Label:", after a leading adverb ("Typically the
 * ...") or a leading prepositional phrase ("In Raft the leader ..."). With no subject, a sentence
 * may still open with a verb: an imperative, a question, or "There is/are".
 */
export function mainClause(words: Word[]): Clause {
  for (const start of subjectStarts(words)) {
    const found = subjectAndVerb(words, start, scopeEnd(words, start));
    if (found) return found;
  }
  const first = words[0];
  if (first?.role === 'there' && words[1]?.role === 'be') return { ...NO_CLAUSE, frameEnd: 1, subjectStart: 1, verb: verbGroup(words, 1, scopeEnd(words, 1)) };
  // A question, an instruction, or a note with its subject dropped ("Reduces overhead").
  if (first && (/^(?:be|have|do|modal)$/.test(first.role) || imperative(words, 0) || (verbOnly(first) && first.tags & VBZ))) {
    return { ...NO_CLAUSE, verb: { start: 0, end: 1, finite: 0, lexical: 0, auxiliary: -1, copula: first.role === 'be', passive: false } };
  }
  return NO_CLAUSE;
}

/** Arrows, colons, semicolons and dashes end the clause that holds the subject and its verb. */
function isBoundary(w: Word): boolean {
  return w.kind === 'arrow' || (w.kind === 'mark' && /^[:;—–]$/.test(w.text));
}

function scopeEnd(words: Word[], from: number): number {
  for (let i = from; i < words.length; i++) if (isBoundary(words[i])) return i;
  return words.length;
}

/** Where the subject may start, in the order tried: the start, after a comma or a "Label:". */
function subjectStarts(words: Word[]): number[] {
  const starts = [0];
  // After a comma only when something opened a frame ("In long polling, the server ..."): in
  // "Images, video segments and fonts are ..." the commas separate the subject's own items.
  const framed = !!words[0] && (isPrep(words[0]) || isAdverb(words[0]) || /^(?:sub|to|wh)$/.test(words[0].role) || (words[0].tags & VBG) !== 0 || words[0].kind !== 'word');
  words.forEach((w, i) => {
    if (((w.kind === 'comma' && framed) || (w.kind === 'mark' && w.text === ':')) && i + 1 < words.length && i < MAX_FRAME) starts.push(i + 1);
  });
  const scope = scopeEnd(words, 0);
  if (isAdverb(words[0])) starts.push(1);
  if (isPrep(words[0])) {
    // "In Raft the leader ...": the prepositional phrase ends where a determiner opens the subject.
    let j = /^(?:det|demo)$/.test(words[1]?.role ?? '') ? 2 : 1;
    while (j < scope && words[j].role === 'open') j++;
    if (j > 1 && /^(?:det|demo|pron)$/.test(words[j]?.role ?? '')) starts.push(j);
  }
  return starts;
}

/** The best subject + verb split starting at `start`, or null when none is plausible. */
function subjectAndVerb(words: Word[], start: number, scope: number): Clause | null {
  let best: Clause | null = null;
  let bestScore = 0;
  for (let k = start + 1; k < Math.min(scope, start + MAX_SUBJECT + 1); k++) {
    if (!opensVerb(words[k]) && !isAdverb(words[k])) continue;
    const subject = nounPhrase(words, start, k);
    if (!subject) continue;
    const verb = verbGroup(words, k, scope);
    if (!verb) continue;
    // "Cache hit: <20ms": a label before a colon, not a clause.
    if (words[verb.end]?.text === ':') continue;
    // "Two models get ...", "Tolerating duplicates means ...": a number or a gerund alone is no
    // subject when the word after it may be the plural noun it counts or takes as object.
    // "Tolerating duplicates means ...": a plural that is mostly a verb is still the object when a
    // verb follows it.
    if (k === start + 1 && (words[start].role === 'num' || (words[start].tags & VBG && /ing$/.test(words[start].lower))) && words[k].tags & NS && (!(words[k].tags & FIRST_VERB) || opensVerb(words[k + 1]))) continue;
    // "Keep two copies of ...": a number in words before a plural counts it; the plural is no
    // verb ("Client 2 downloads" numbers a name).
    if (k > start && words[k - 1].role === 'num' && /^\p{L}+$/u.test(words[k - 1].text) && words[k].tags & NS) continue;
    // "Other components such as ...", "Use markers like ...": after one word, a plural whose verb
    // reading is only inferred from the noun is the noun, ending the phrase the word opens.
    if (k === start + 1 && words[k].tags & FROM_NOUN && words[k].tags & NS) continue;
    // "Validates order (...)": a lone verb form read as a plural noun needs a sure verb after it.
    if (k === start + 1 && words[start].tags & FROM_VERB && certainty(words[verb.finite]) === 0) continue;
    // A personal pronoun is always a subject: "It scales".
    const sure = subject.pronoun && words[start].role === 'pron' ? 2 : 0;
    const score = agreement(words, subject, verb) + certainty(words[verb.finite]) + fit(words, verb) + sure - subject.penalty;
    // Ties go to the later verb: study notes favour long compound subjects ("Vector clocks help").
    if (score > 0 && score >= bestScore) {
      // "Batching writes improves": a gerund with its object heads the phrase.
      if (subject.gerundNumber && subject.number === 2 && verbNumber(words[verb.finite]) === 1) {
        Object.assign(subject, { head: start, headEnd: start + 1, number: 1 });
      }
      // Notes drop "is" after a noun, never after a pronoun: "It used to ..." is active.
      if (subject.pronoun && verb.auxiliary < 0) verb.passive = false;
      // "Topic split into partitions": one thing and a verb in its plural form is a participle
      // with its "is" dropped (a past participle spelt like the base).
      const finite = words[verb.finite];
      if (!subject.pronoun && verb.auxiliary < 0 && verb.lexical === verb.finite && subject.number === 1 && finite.tags & VB && finite.tags & VBN && isPrep(words[verb.end])) verb.passive = true;
      best = { frameEnd: start, subject, subjectStart: start, verb };
      bestScore = score;
    }
  }
  return best;
}

/** +2 when subject and verb agree in number, -3 when they clash, 0 when either is unmarked. */
function agreement(words: Word[], subject: NounPhrase, verb: VerbGroup): number {
  const form = verbNumber(words[verb.finite]);
  if (form === 0) return 0;
  const numbers = [subject.number, subject.gerundNumber].filter((n) => n !== 0);
  if (numbers.length === 0) return 0;
  return numbers.includes(form) ? 2 : -3;
}

/** 1 for a verb that needs a singular subject ("is", "updates"), 2 for a plural one ("are", "update"). */
function verbNumber(w: Word): 0 | 1 | 2 {
  if (w.role !== 'open') {
    if (/^(?:is|was|has|does|isn't|wasn't|hasn't|doesn't)$/.test(w.lower)) return 1;
    if (/^(?:are|were|have|do|aren't|weren't|haven't|don't)$/.test(w.lower)) return 2;
    return 0;
  }
  if (w.tags & VBD) return 0;
  if (w.tags & VBZ && /[^s']s$/.test(w.lower)) return 1;
  if (w.tags & VB && !(w.tags & VBZ)) return 2;
  return 0;
}

/** A word that is mostly an adjective, with no noun after it to describe: "cheap (keys sorted ...)". */
function standsAlone(adjective: Word, after: Word | undefined): boolean {
  return adjective.role === 'open' && (adjective.tags & FIRST_ADJECTIVE) !== 0 && !(after?.kind === 'word' && canBeNoun(after));
}

/** A word that can only be a verb is a surer verb than one that may also be a noun. */
function certainty(w: Word): number {
  if (w.role !== 'open') return 3;
  if (w.tags & FROM_NOUN) return -2;
  if (verbOnly(w)) return 2;
  return w.tags & FIRST_VERB ? 1 : 0;
}

/** How well the words after the verb group read as its continuation. */
function fit(words: Word[], verb: VerbGroup): number {
  const next = words[verb.end];
  const lexical = words[verb.lexical];
  let score = 0;
  // "clocks help": a plural noun before a plural verb is more likely the end of the subject.
  if (lexical.role === 'open' && verb.lexical === verb.finite && lexical.tags & NS && !(lexical.tags & FROM_VERB) && next?.role === 'open' && next.tags & VB && (verbOnly(next) || next.tags & FIRST_VERB)) score -= 2;
  // Nothing after a verb that may be a noun: more likely a noun phrase ("... in topic partitions").
  if (!next || isBoundary(next) || next.kind === 'aside') return score + (certainty(lexical) > 0 ? 1 : -2);
  if (next.kind !== 'word') return score + 1;
  // "Range scans cheap": a plural noun that may be a verb, then an adjective standing alone, is a
  // subject with its "are" dropped, not a verb.
  // ("stochastic means random": after an adjective the verb reading stands).
  // A determiner before ("An overloaded node looks dead") leaves the verb reading.
  const before = words[verb.lexical - 1];
  const determined = words.slice(0, verb.lexical).some((w) => w.role === 'det' || w.role === 'demo');
  if (lexical.role === 'open' && lexical.tags & NS && canBeNoun(before) && !(before.tags & FIRST_ADJECTIVE) && !determined && standsAlone(next, words[verb.end + 1])) return score - 3;
  // "IP addresses can be ...": a verb straight before a finite auxiliary was the subject's last noun.
  if (lexical.role === 'open' && (next.role === 'modal' || next.role === 'do' || (/^(?:be|have)$/.test(next.role) && !/^(?:be|been|being|having)$/.test(next.lower)))) return score - 3;
  // "Study notes written by ...": a plural noun before a participle it describes is no verb.
  if (lexical.role === 'open' && verb.lexical === verb.finite && lexical.tags & NS && next.role === 'open' && next.tags & VBN && !(next.tags & (VB | VBZ | VBD | FIRST_ADJECTIVE))) return score - 3;
  // A verb straight after the verb reads badly, unless it is an adjective before a noun ("retries failed requests").
  const attributive = next.tags & JJ && canBeNoun(words[verb.end + 1]);
  if (lexical.role === 'open' && next.role === 'open' && next.tags & (VB | VBZ | VBD) && !attributive) {
    // "stores writes": a verb form that may name the action ("writes") is often the object.
    if (verbOnly(next) && !(next.tags & FROM_VERB)) return score - 2;
    if (next.tags & (FIRST_VERB | FROM_VERB)) return score - 1;
  }
  return score + 1;
}

/**
 * "Use a queue", "Add index on user_id", "Retry with backoff": a base verb that opens an
 * instruction. A word that may also be a noun ("Read replicas", "Cost of ...") needs a sign that
 * a verb phrase follows: a determiner, pronoun, possessive, "to", an adverb or a preposition.
 */
function imperative(words: Word[], i: number): boolean {
  const w = words[i];
  if (!w || w.role !== 'open' || !(w.tags & VB)) return false;
  const next = words[i + 1];
  if (!(w.tags & (NOUN | JJ))) return true;
  if (!next) return false;
  // "Keep two copies": a count in words opens an object ("Step 1" numbers a name).
  const count = next.role === 'num' && /^\p{L}+$/u.test(next.text);
  return /^(?:det|demo|pron|to)$/.test(next.role) || count || next.possessive || (isPrep(next) && next.lower !== 'of') || isAdverb(next);
}
