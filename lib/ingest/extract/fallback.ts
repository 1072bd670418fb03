import { capitalise } from '../card-text';
import { remembered } from '../sentence-parts/remembered';
import { sentences } from '../limits';
import type { Prompt } from '../prompt';
import { FIRST_ADJECTIVE, JJ, listedReadings, N, NS, RB, VBG } from '../sentence-parts/lexicon';
import { canBeVerb, denies, isDeterminer, isOrderVerb, describes, endsOpen, hasFiniteVerb, statesPurpose, isEnglish, isKnownWord, isNounPhrase, namesThing, sentenceParts, type SentenceParts } from '../sentence-parts';
import { ALIAS, AUXILIARY, CAUSATIVE_VERB, DISCOURSE, EXAMPLE_OPENING, FUNCTION_START, isPlural, JUDGING_VERB, labelRole, LINKING_VERB, POINTS_ELSEWHERE, REFERRING_WORD } from '../vocabulary';
import type { ExtractedCard } from './extracted-card';
import { isReference, type Passage } from './passages';
import { ADVICE_TITLE, isTitleOver } from './question-answer';
import { titleCasedWords } from '../titles';
import { opensRecord } from './records';
import { reasonOf } from './reason';
import { lowerCommon, MAX_SUBJECT_WORDS, namesAKind, openingPhrase, settingOf } from './statement';
import { isClosedAdverb, isNumberWord } from '../sentence-parts/words';

/**
 * Cards for a passage no shape recogniser used: the coverage backbone. The passage is cut into
 * statements (sentences, or lines where a note puts one statement per line) and those into
 * focused answers; each answer is asked by its own first statement:
 * - a question followed by more text is asked, the rest answering it;
 * - a named subject that is something ("Consistent hashing is a ...") is defined;
 * - a named subject that does something is asked what it does ("What does IANA allocate?");
 * - a generic subject ("the server") is asked in its topic ("In long polling, what does the server do?");
 * - a generic subject that is something ("The idea is ...", "purpose is ...") is asked as a facet of
 *   the label the passage hangs under, or of the topic;
 * - a pronoun is read as the subject before it, or as the topic in a section's opening passage;
 * - a fragment with a verb under a label ("- used to extend address space" under "NAT") is asked
 *   of the label; outline shapes ("X -> Y", "term (aside)", "label: text") have forms of their own;
 * otherwise the statement becomes a fill-in-the-blank of a term the author marked, an acronym or a
 * name, and failing that it is handed back as a leftover for the topic's "key points" cards.
 * Answers are the note's statements as written, so the card holds the facts of the passage.
 */
export function passageCards(passage: Passage, topic: string, labelsAreFacets = false): { cards: ExtractedCard[]; leftover: string[]; skipped: string | null } {
  if (passage.row) return { cards: [], leftover: [], skipped: 'a table row whose headers ask nothing' };
  // "5. **The Raft algorithm**" over its sub-items: a title in bold, naming what follows.
  const text = passage.text.trim();
  if (passage.marked.includes(text) && wordsIn(text) <= MAX_TITLE_WORDS && isNounPhrase(text) && !hasFiniteVerb(text)) return { cards: [], leftover: [], skipped: 'a title' };
  const cards: ExtractedCard[] = [];
  const leftover: string[] = [];
  const label = parentLabel(passage.parent);
  let previousSubject: string | null = null;
  let previousTerm: string | null = null;
  // Statements pointing elsewhere ("Let's look at ..."), references and asides wholly in
  // parentheses state nothing; a leading arrow ("-> all rely on ...") only says the statement
  // follows from the one before.
  // "Why?" alone asks nothing a learner could read without the sentence before it.
  const statements = statementsOf(runInLabelled(passage).replace(/^(?:-+>|=+>|→|⇒)\s*/u, '')).map(withoutCommentaryLabel).filter((statement) => !/^\p{L}+\s*[?？]$/u.test(statement) && !POINTS_ELSEWHERE.test(statement) && !DISCOURSE.test(statement) && !/^\([^()]*\)\.?$/.test(statement) && !isReference(statement));
  for (const [index, chunk] of focusedChunks(statements).entries()) {
    const first = chunk[0];
    // The term the statement before defined, if it did: what a line with no subject of its own goes on about.
    const term = previousTerm;
    previousTerm = null;
    if (/[?？]$/.test(first)) {
      // A question the note leaves open gives nothing to recall; one answered after it is asked.
      if (chunk.length > 1) cards.push({ kind: 'qa', prompt: { form: 'asked', question: first }, answer: chunk.slice(1).join(' '), line: passage.line });
      continue;
    }
    // A chunk is read in the language most of it is in ("Dr." alone reads as no English).
    if (!isEnglish(first) && !isEnglish(chunk.join(' '))) {
      // The grammar below is English; each statement in another language is asked by the English
      // terms it uses, which the learner can recall in either language; the rest are key points.
      const unasked: string[] = [];
      for (const statement of chunk) {
        const blank = cloze(statement, [...passage.marked, ...latinTerms(statement)], topic, false);
        if (blank) cards.push({ kind: 'cloze', prompt: blank.prompt, answer: blank.term, line: passage.line });
        else unasked.push(statement);
      }
      // Chinese and Japanese sentences run on without a space; other scripts keep theirs.
      if (unasked.length > 0) leftover.push(unasked.join(HAN_OR_KANA.test(unasked.join('')) ? '' : ' '));
      continue;
    }
    // A lower-case facet line ("problem - 2x bursts at window edges") after a term's own line
    // belongs to that term; capitalised labels line by line ("Storage: ...", "Cost: ...") are
    // parallel records of what the passage hangs under.
    const shaped = shapedFragment(first, (/^\p{Ll}/u.test(first) ? term : null) ?? label ?? topic, labelsAreFacets);
    if (shaped) {
      cards.push({ kind: 'qa', prompt: shaped, answer: capitalise([withoutAskedLabel(first, shaped), ...chunk.slice(1)].join(' ')), line: passage.line });
      // Facet lines after ("ordering: ...") belong to a named term, not to "exactly once = ...".
      if ((shaped.form === 'define' && namesThing(shaped.term)) || shaped.form === 'alias') previousTerm = shaped.term;
      continue;
    }
    const parts = (label !== null && index === 0 ? subjectlessParts(first) : null) ?? partsOf(first);
    const owner = ownerOf(parts, previousSubject, term, index === 0, passage, label, topic);
    if (parts.subjectKind === 'specific') previousSubject = parts.subject;
    else if (owner) previousSubject = owner;
    // "Undo: remove the shadow page" with no item above it is a step of the topic.
    const prompt = labelledStep(first, label ?? topic, label === null) ?? reasonOf(first, label && placesIn(label) ? label : null) ?? askedBy(first, parts, owner, label ?? topic, owner !== null && owner === label, label);
    if (prompt) {
      cards.push({ kind: 'qa', prompt, answer: capitalise(chunk.join(' ')), line: passage.line });
      continue;
    }
    const condition = conditionOf(first);
    if (condition) {
      cards.push({ kind: 'qa', prompt: condition, answer: capitalise(chunk.join(' ')), line: passage.line });
      continue;
    }
    const blank = parts.verb ? cloze(first, passage.marked, topic, true) : null;
    if (blank) cards.push({ kind: 'cloze', prompt: blank.prompt, answer: blank.term, line: passage.line });
    else if (parts.verb || chunk.length > 1 || (wordsIn(first) >= MIN_FRAGMENT_WORDS && !isTitleCase(first))) leftover.push(chunk.join(' '));
  }
  const stated = cards.length > 0 || leftover.length > 0;
  return { cards, leftover, skipped: stated ? null : 'a fragment that states nothing on its own' };
}

/**
 * "**Motivation.** With mod-N placement ...": a bold word or two closed by a full stop is a run-in
 * heading, read as the label it is ("Motivation: With mod-N placement ...").
 */
function runInLabelled(passage: Passage): string {
  const head = passage.marked[0];
  const text = passage.text.trim();
  if (!head || !text.startsWith(head) || head.split(/\s+/).length > MAX_RUN_IN_WORDS) return text;
  const rest = text.slice(head.length);
  const label = /\.$/.test(head) ? head.slice(0, -1) : /^\.\s/.test(rest) ? head : null;
  return label && /^\p{Lu}/u.test(label) ? `${label}: ${rest.replace(/^\.?\s*/, '')}` : text;
}

const MAX_RUN_IN_WORDS = 3;

/** "write back: write to cache only" asked "What is write back?" is answered by what follows its label. */
function withoutAskedLabel(statement: string, prompt: Prompt): string {
  const advised = prompt.form === 'advice' ? LABEL_AND_TEXT.exec(statement)?.[1] ?? null : null;
  const label = prompt.form === 'define' || prompt.form === 'example' ? prompt.term : prompt.form === 'attribute' ? prompt.attribute : prompt.form === 'cell' ? prompt.header : advised;
  if (!label || statement.slice(0, label.length).toLowerCase() !== label.toLowerCase()) return statement;
  const separator = /^\s*(?::|[-–—=]|-+>|=+>|→|⇒)\s+(?=\S)/u.exec(statement.slice(label.length));
  if (!separator) return statement;
  const rest = statement.slice(label.length + separator[0].length);
  // "Hardware failures: e.g., lose power" asked for an example is answered "lose power".
  return prompt.form === 'example' ? rest.replace(EXAMPLE_OPENING, '') || rest : rest;
}

/** ", used by most stores,", ", the leader,": an aside set off by commas after the subject, of a few words. */
const APPOSITIVE = /^([^,]{2,60}?),\s+([^,]{2,60}),\s+(?=\p{Ll})/u;

/**
 * The parts of a statement; when the parser finds no verb, the same statement without an aside
 * between its subject and its verb ("Leaderless replication, used by most stores, sends ...").
 */
function partsOf(statement: string): SentenceParts {
  const parts = sentenceParts(statement);
  if (parts.verb) return parts;
  const aside = APPOSITIVE.exec(statement);
  if (!aside || aside[2].split(/\s+/).length > MAX_ASIDE_WORDS) return parts;
  // The aside is a phrase ("the leader", "used by most stores"), the words before it the whole subject.
  if (AUXILIARY.test(aside[2]) && !/^(?:which|who)\b/i.test(aside[2])) return parts;
  const without = sentenceParts(`${aside[1]} ${statement.slice(aside[0].length)}`);
  return without.verb && without.startsWithSubject && without.subject === aside[1].trim() ? without : parts;
}

const MAX_ASIDE_WORDS = 8;

/**
 * "maintain knowledge of other networks" / "can have a subnet" under "Router": a lower-case line
 * opening on an order verb or a modal has no subject of its own, and is read as "they maintain ...",
 * so its verb and object are asked of the label. Left alone, the parser takes "maintain knowledge
 * of other networks they" for a subject. A line whose own short subject is followed by its verb
 * ("log entries are replicated") keeps that reading.
 */
function subjectlessParts(statement: string): SentenceParts | null {
  const first = /^(\p{Ll}+)\s/u.exec(statement)?.[1];
  if (!first || !(isOrderVerb(first) || /^(?:can|could|should|must|will|may|might)$/.test(first))) return null;
  const own = sentenceParts(statement);
  if (own.verb && own.startsWithSubject && own.subject.split(/\s+/).length <= 2) return null;
  const parts = sentenceParts(`they ${statement}`);
  if (parts.subjectKind !== 'pronoun' || !parts.verb.toLowerCase().startsWith(first)) return null;
  return { ...parts, subject: '', head: '', subjectKind: 'none', startsWithSubject: false, frame: '' };
}

/** A passage wholly in bold and this short is a title. */
const MAX_TITLE_WORDS = 6;

/** A verbless description of a topic is short ("Volatile memory for faster access"); a longer one is a sentence not understood. */
const MAX_DESCRIPTION_WORDS = 6;

/** A term explained in parentheses is a name of a few words. */
const MAX_ASIDE_TERM_WORDS = 4;

/** Chinese or Japanese characters: scripts written without spaces between words. */
export const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A term named before "=" has at most this many words. */
const MAX_EQUALS_TERM_WORDS = 3;

/** "X -> Y" / "X => Y": an outline's "leads to"; "key->partition" with no space is one compound. */
const ARROW = /^(.{2,60}?)(?:\s+(?:-+>|=+>|→|⇒)\s*|(?:-+>|=+>|→|⇒)\s+)(\S.*)$/u;
/** "dns = phone book of the internet": a short term, an equals sign and its meaning. */
const EQUALS = /^([^=<>!()]{2,30}?)\s+=\s+(\S.{7,})$/u;
/** "static route (directly entered by administrator)": a term and its explanation. */
const TERM_AND_ASIDE = /^([^():：]{1,49}[\p{L}\p{N}])\s*\((.{8,})\)$/u;
/** "understandability: decomposition and ...", "token bucket - holds N tokens": a label and what it has. */
const LABEL_AND_TEXT = /^([^:]{2,40}?)(?:\s*:|\s+[-–—])\s+(\S.*)$/u;

/**
 * Outline fragments with a shape of their own: "X -> Y" asks what X leads to; "term (aside)"
 * defines the term; "Term: text" defines a capitalised term, "label: text" is a facet of what the
 * passage hangs under, and so is every label when `labelsAreFacets` (a summary of that topic).
 */
function shapedFragment(statement: string, facetOf: string, labelsAreFacets: boolean): Prompt | null {
  // "dns = phone book of the internet": a hand-written definition.
  const equals = EQUALS.exec(statement);
  // "exactly once = hard, ...": a few words with no verb before "=" name a term, whatever their part of speech.
  const loose = equals !== null && !namesThing(equals[1]) && !hasFiniteVerb(equals[1]) && /\p{L}/u.test(equals[1]) && !/[()]/.test(equals[1]) && wordsIn(equals[1]) <= MAX_EQUALS_TERM_WORDS;
  if (equals && (loose || namesThing(equals[1])) && labelRole(equals[1]) === 'term') return { form: 'define', term: equals[1].trim(), plural: isPlural(equals[1].trim()) };
  const arrow = ARROW.exec(statement);
  // "range based -> good for scans": two words before an outline's arrow name its topic, verb-like or not.
  const opening = arrow && /^\p{Ll}+/u.exec(arrow[1])?.[0];
  const short = !!opening && wordsIn(arrow![1]) <= 2 && (listedReadings(opening) & (N | NS)) !== 0 && (listedReadings(opening) & RB) === 0 && !REFERRING_WORD.test(arrow![1]) && !FUNCTION_START.test(arrow![1]);
  if (arrow && !/[:;=]/.test(arrow[1]) && (short || namesThing(arrow[1]))) {
    const subject = arrow[1].trim();
    // "CP system -> refuses writes during a partition": the arrow stands for the verb it dropped.
    const verb = /^(\p{Ll}+?)(?:e?s)\s+(?!of\b)\S/u.exec(arrow[2]);
    const base = verb && [verb[1], `${verb[1]}e`].find(canBeVerb);
    if (labelRole(subject) === 'term' && base) return { form: 'action', subject, generic: false, plural: isPlural(subject), verb: base, shape: 'do', modal: '' };
    // "Fix -> salt the key": a facet of what the passage hangs under, not a thing that leads somewhere.
    if (labelRole(subject) === 'term') return { form: 'leads', subject };
    return labelRole(subject) === 'facet' && isName(facetOf) ? { form: 'attribute', attribute: subject.toLowerCase(), subject: facetOf, plural: isPlural(subject), part: false } : null;
  }
  const aside = TERM_AND_ASIDE.exec(statement);
  // "layer of rules that govern ... (aside)" is a description with a clause in it, not a term.
  if (aside && aside[1].trim().split(/\s+/).length <= MAX_ASIDE_TERM_WORDS && !/\b(?:that|which|who|where)\b/i.test(aside[1]) && namesThing(aside[1])) {
    // "cache-aside (lazy loading)": a short noun phrase in the parentheses is another name.
    const other = aside[2].trim();
    const short = (phrase: string) => phrase.trim().split(/\s+/).length <= 3;
    // "(client, Redis, trie)" lists parts and "(updated hourly)" says when: neither is another name.
    const name = !/[,;]/.test(other) && !/^\p{L}+ed\b/u.test(other);
    if (short(aside[1]) && short(other) && name && isNounPhrase(other) && !hasFiniteVerb(other)) return { form: 'alias', term: aside[1].trim() };
    return { form: 'define', term: aside[1].trim(), plural: isPlural(aside[1].trim()) };
  }
  const labelled = LABEL_AND_TEXT.exec(statement);
  // "Where to enforce it: at the gateway ..." under "Rate limiting": advice on what the passage hangs under.
  const advice = labelled && ADVICE_TITLE.exec(labelled[1].trim());
  if (advice && /\bit$/i.test(advice[2]) && isName(facetOf)) {
    return { form: 'advice', wh: advice[1], action: advice[2].replace(/\s+it$/i, ''), object: facetOf };
  }
  // "Why it matters: caches keep their hit rate": a header asking about what the passage hangs under.
  if (labelled && /^(?:how|why|when|where)\s+it\s+\p{L}+$/iu.test(labelled[1].trim()) && isName(facetOf)) {
    return { form: 'cell', thing: facetOf, header: labelled[1].trim() };
  }
  // "hashing can't help: ...", "joins -> avoid: ..." are statements, not labels.
  if (!labelled || /->|=>|→|⇒|=/.test(labelled[1]) || (!isNounPhrase(labelled[1]) && labelRole(labelled[1]) !== 'facet') || /^(?:commentary|clause)$/.test(labelRole(labelled[1]))) return null;
  // "The guarantee stops at Kafka's edge: ...": a determiner and a verb make a sentence, not a label.
  if (/^(?:the|a|an|this|that|our|its|their)\s/i.test(labelled[1]) && hasFiniteVerb(labelled[1])) return null;
  const label = labelled[1].trim();
  // "WebSocket — When to Use": a title over what follows, which says nothing yet.
  if (isTitleOver(labelled[2])) return null;
  // "n: total number of nodes": a variable of a formula, which names nothing on its own.
  if (/^\p{L}\d?$/u.test(label)) return null;
  // "Hardware failures: e.g., lose power": an example of the label.
  if (EXAMPLE_OPENING.test(labelled[2]) && labelRole(label) === 'term') return { form: 'example', term: label };
  // A facet ("Solution: ...") or a lower-case label belongs to what the passage hangs under; a
  // capitalised label names a term of its own ("L2: Data link").
  // A lower-case label is a facet only as one plain noun ("downside: ..."); a compound
  // ("write-through: ..."), a phrase or an adjective ("causal: ...", a kind of something) names a
  // term, as handwritten notes write terms in lower case.
  const plainNoun = /^\p{L}+$/u.test(label) && (isKnownWord(label) || (/s$/.test(label) && isKnownWord(label.slice(0, -1)))) && !describes(label);
  const facet = labelRole(label) === 'facet' || labelsAreFacets || (!/^[\p{Lu}\d]/u.test(label) && plainNoun);
  if (!facet) return { form: 'define', term: label, plural: isPlural(label) };
  if (isName(facetOf)) return { form: 'attribute', attribute: label, subject: facetOf, plural: isPlural(label), part: false };
  return null;
}

/**
 * A verbless English fragment shorter than this that no question could ask ("Follower and
 * candidate crashes", an entry of a contents list) says nothing a learner could recall.
 */
const MIN_FRAGMENT_WORDS = 5;

/** "Effects of Failures on Throughput": every longer word capitalised, as a title is, not a statement. */
function isTitleCase(text: string): boolean {
  return titleCasedWords(text) >= 2 && !/[.!?;:：,]/.test(text);
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

/** Answers stay at most this long, so each card asks for one recallable piece. */
const FOCUSED_CHARS = 400;
/** Fill-in-the-blank sentences must be readable at a glance. */
const MIN_CLOZE_CHARS = 30;
const MAX_CLOZE_CHARS = 250;
/** Lines at least this share of the longest line are wrapped prose, not one statement each. */
const WRAPPED_SHARE = 0.7;
const MIN_WRAP_WIDTH = 50;

/**
 * The statements of a passage. Prose wrapped by hand has every line but the last near one width;
 * otherwise each line is a statement of its own ("one fact per line" notes), except that a line
 * continues the one before when that one cannot end there (an open parenthesis, a closing
 * preposition or conjunction), or is only an aside ("(typically dynamic)") or an example ("e.g.").
 */
function statementsOf(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const width = Math.max(0, ...lines.map((line) => line.length));
  // Lines that each open a record ("Storage: ...", "Cost: ...") are a list, however even their widths.
  const wrapped = lines.length < 2 || (width >= MIN_WRAP_WIDTH && lines.slice(0, -1).every((line) => line.length >= width * WRAPPED_SHARE) && !lines.slice(1).some(opensRecord));
  if (wrapped) return sentences(lines.join(' '));
  // Wrapping shows as several lines near one width, not one long line among short ones.
  const handWrapped = lines.length >= 3 && lines.filter((line) => line.length >= width * HAND_WRAP_SHARE).length >= 2;
  const statements: string[] = [];
  lines.forEach((line, i) => {
    const last = statements.at(-1);
    const joins = /^(?:\(|e\.g\b|i\.e\b|[-–—&+]\s|-+>|=+>|→|⇒)/i.test(line) || (last !== undefined && cannotEnd(last)) || (handWrapped && wrapsOnto(lines[i - 1], line, width));
    if (last !== undefined && joins) statements[statements.length - 1] = `${last} ${line}`;
    else statements.push(line);
  });
  return statements.flatMap(sentences);
}

/** Hand-written lines wrap at about one width; a line this share of the widest one may have wrapped. */
const HAND_WRAP_SHARE = 0.85;
const MIN_HAND_WRAP_WIDTH = 20;

/**
 * Handwriting and OCR wrap short and unevenly: a line near the paragraph's width with no closing
 * punctuation, followed by one in lower case that opens no record of its own, continues onto it
 * ("anycast: same IP announced from many" / "places, BGP routes ..."). A record opens with a name
 * and a separator ("label: ...", "token bucket - ...", "leaky bucket = ...", "miss => ..."), a
 * pronoun, or a question of its own ("where to put it?"), unless the line before ends on a word
 * that needs a noun after it.
 */
function wrapsOnto(previous: string | undefined, line: string, width: number): boolean {
  if (previous === undefined || width < MIN_HAND_WRAP_WIDTH || previous.length < width * HAND_WRAP_SHARE) return false;
  // "N times so ...": a lone capital other than "A" and "I" is a variable, not a sentence's start.
  if (/[.!?:;)\]]$/.test(previous) || !/^(?:\p{Ll}|[B-HJ-Z]\s+\p{Ll})/u.test(line)) return false;
  // "keep hot" / "data close to the reader": an adjective wants its noun, whatever the line opens with.
  if (endsOpen(previous)) return true;
  return !opensRecord(line) && !EQUALS.test(line) && !/^(?:it|they|this|these|those|he|she|we|you|i)\b/i.test(line) && !/^(?:what|why|how|when|where|which|who)\b[^.?!]*\?/i.test(line);
}

/** A line ending inside a parenthesis, on a hyphen or an operator ("INCR +"), or on a word that needs more after it. */
function cannotEnd(text: string): boolean {
  const open = (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
  // "pick C or A": a capital "A" at the end is a name, not the article.
  return open || /[-,+&=]$/.test(text) || (TRAILING_FUNCTION_WORD.test(text) && !/\sA$/.test(text));
}

const TRAILING_FUNCTION_WORD = /\b(?:a|an|the|of|to|in|on|at|by|for|with|from|into|via|across|between|over|through|onto|per|among|within|without|and|or|but|nor|as|that|which|than|is|are|was|were|be|can|will|should|must|may|not|(?:do|does|did|can|won|is|are|was|were)n't|w\/)$/i;

/** Whole statements grouped into answers of at most FOCUSED_CHARS; one-per-line statements stay apart. */
function focusedChunks(statements: string[]): string[][] {
  const chunks: string[][] = [];
  let size = 0;
  for (const statement of statements) {
    const current = chunks.at(-1);
    const joins = current && /[.!]$/.test(current.at(-1)!) && !/[?？]$/.test(current.at(-1)!) && !/^\p{Ll}/u.test(statement);
    // A question's answer runs on until a statement opens a record of its own ("distributed: ...",
    // "at least once delivery -> dups").
    const answers = /[?？]$/.test(current?.[0] ?? '') && !opensRecord(statement) && !ARROW.test(statement);
    // "Layer 7 balancers read ..." after "Layer 4 balancers route ...": a statement about a
    // parallel subject (another kind of the same thing) is a card of its own.
    const newSubject = !answers && current !== undefined && (mayBeParallel(current[0], statement) || bothNamed(current[0], statement)) && parallelSubjects(namedSubject(current[0]), namedSubject(statement));
    if (current && (joins || answers) && !newSubject && current.length < 4 && size + statement.length + 1 <= FOCUSED_CHARS) {
      current.push(statement);
      size += statement.length + 1;
    } else {
      chunks.push([statement]);
      size = statement.length;
    }
  }
  return chunks;
}

/** Words a subject opens with: two parallel subjects share one ("balancers", "CDNs"). */
const OPENING_SUBJECT_WORDS = 4;

/** A cheap test before parsing: the two statements' first words share one of four letters or more. */
function mayBeParallel(a: string, b: string): boolean {
  const opening = (text: string) => text.toLowerCase().split(/\s+/, OPENING_SUBJECT_WORDS).filter((word) => word.length >= 4);
  const first = opening(a);
  return opening(b).some((word) => first.includes(word));
}

/** "LRU drops ..." then "LFU drops ...", "Cache-aside ..." then "Write-through ...": two statements opening on technical names. */
const TECHNICAL_NAME = /^(?:\p{Lu}{2,6}\d?|\p{Lu}\p{Ll}+(?:-\p{L}+)+)\s/u;

function bothNamed(a: string, b: string): boolean {
  return TECHNICAL_NAME.test(a) && TECHNICAL_NAME.test(b) && a.slice(0, a.indexOf(' ')) !== b.slice(0, b.indexOf(' '));
}

/**
 * "Layer 4 balancers" and "Layer 7 balancers", "Push CDNs" and "Pull CDNs": two kinds of one
 * thing; "LRU" and "LFU", "Cache-aside" and "Write-through": two technical names of one shape.
 */
function parallelSubjects(a: string | null, b: string | null): boolean {
  const head = (text: string) => text.toLowerCase().replace(/^(?:a|an|the)\s+/, '').split(/\s+/);
  if (!a || !b || head(a).join(' ') === head(b).join(' ')) return false;
  const [wordsA, wordsB] = [head(a), head(b)];
  if (wordsA.length === 1 && wordsB.length === 1) return TECHNICAL_NAME.test(`${a} `) && TECHNICAL_NAME.test(`${b} `);
  return wordsA.length > 1 && wordsB.length > 1 && wordsA.at(-1) === wordsB.at(-1);
}

/** The named subject a statement opens with and does something ("Layer 7 balancers" of "Layer 7 balancers read ..."), or null. */
function namedSubject(statement: string): string | null {
  const parts = sentenceParts(statement);
  return parts.subjectKind === 'specific' && parts.startsWithSubject && parts.verb ? parts.subject.trim() : null;
}

/**
 * Who the statement is about when its own subject does not say: the subject of the statement
 * before (for a pronoun), the term the line before defined (for a fragment with a verb), the label
 * the passage hangs under (for a fragment), or the section's topic (for a pronoun or a fragment
 * opening the section).
 */
function ownerOf(parts: SentenceParts, previous: string | null, term: string | null, first: boolean, passage: Passage, label: string | null, topic: string): string | null {
  // "It is important to consider ...": "it" stands in for the clause after it, not for a thing.
  // So does "It is worth discussing whether ...".
  if (/^it$/i.test(parts.subject) && parts.copula && /^\p{L}+\s+(?:to|that|whether|\p{L}+ing)\b/u.test(parts.predicate)) return null;
  if (parts.subjectKind === 'pronoun' && /^(?:it|they|this|these)$/i.test(parts.subject)) {
    if (previous) return previous;
    if (first && passage.opening && isName(topic)) return topic;
    return null;
  }
  // "token bucket - holds N tokens" / "allows bursts up to N": a line opening on a verb in its
  // third-person form, with no subject, goes on about the term just defined.
  if (parts.subjectKind === 'none' && term && parts.frame === '' && /^\p{Ll}+s$/u.test(parts.verb)) return term;
  // "There are four terms ...": an existential says what exists, about no one.
  if (parts.subjectKind !== 'none' || !first || /^there$/i.test(parts.frame.trim())) return null;
  if (label) return label;
  if (passage.opening && !passage.parent && isName(topic)) return topic;
  return null;
}

/** An outline item names a place to ask in ("Pub/sub") when it is a name, not code ("sync()") nor a phrase ("the strongest option"). */
function placesIn(label: string): boolean {
  return isName(label) && !/[=(){}\[\]]/.test(label) && !/^(?:the|a|an|this|that)\s/i.test(label);
}

/** `within`: the outline item the statement hangs under, where a generic subject is placed. */
function askedBy(statement: string, written: SentenceParts, owner: string | null, facetOf: string, parentOwned: boolean, within: string | null): Prompt | null {
  const parts = describedByParticiple(written) ?? written;
  // "One trade-off people miss", "Two parameters": a subject counted is no name, whatever its capital.
  const specific = parts.subjectKind === 'specific' && !isNumberWord(/^[\p{L}'-]+/u.exec(parts.subject.trim())?.[0].toLowerCase() ?? '');
  const named = specific ? parts.subject : parts.subjectKind !== 'none' && parts.subjectKind !== 'pronoun' ? lowerCommon(parts.subject) : null;
  const subject = owner ?? named;
  // "The first one", "the other ones" point back at something named before.
  if (!subject || subject.split(/\s+/).length > MAX_SUBJECT_WORDS || !/^[\p{L}"'(]/u.test(subject) || /\bones?$/i.test(subject)) return null;
  // "maintain knowledge of ..." read as a subject is a verb phrase: nothing to ask by.
  if (!owner && !isNounPhrase(subject)) return null;
  if (!parts.verb) {
    if (!owner || parentOwned) return null;
    // "To avoid partial updates" under "Shadow paging" says what it is for, "aka thundering herd"
    // another name; "why cache -> reads >> writes" is no description of what it is.
    if (statesPurpose(statement)) return { form: 'purpose', term: owner };
    if (ALIAS.test(statement)) return { form: 'alias', term: owner };
    const description = statement.split(/\s(?:-+>|=+>|→|⇒)\s|[.;]\s/u)[0];
    return wordsIn(description) <= MAX_DESCRIPTION_WORDS && isNounPhrase(description) ? { form: 'define', term: owner, plural: isPlural(owner) } : null;
  }
  // "Supporting rollbacks is easy": how an activity is judged holds only in the topic it is done in.
  const activity = !owner && parts.copula && /^\p{L}+ing\s+\S/u.test(parts.subject.trim()) && (listedReadings(parts.subject.trim().split(/\s+/)[0].toLowerCase()) & VBG) !== 0;
  const generic = !owner && (parts.subjectKind === 'generic' || (parts.subjectKind === 'specific' && !specific) || activity);
  const place = generic && within && placesIn(within) ? { within } : {};
  // "Most CDNs steer ...", "Many PoPs announce ...": a quantifier counts several.
  // "Layer 4 balancers": a head word the lexicon lacks is plural by the compound it ends.
  const compound = parts.subject.trim().endsWith(parts.head) && /\s/.test(parts.subject.trim()) && !/^(?:a|an|each|every|one|this|that)\s/i.test(parts.subject) && isPlural(parts.subject);
  const plural = owner ? isPlural(owner) : (agreement(parts) ?? (isPlural(parts.head) || compound || /^(?:most|many|all|some|few|several|both|these|those|\d+)\s/i.test(parts.subject)));
  if (parts.copula && !parts.passive) {
    // "The idea is to ...": a facet of what it hangs under; "Consistent hashing is a ...": a term
    // to define; "Cache hits are cheap": a property of the subject.
    const facet = generic && labelRole(parts.head) === 'facet' && isName(facetOf);
    // "One side effect of TC/C is ...": the facet is the named thing's, not the section's.
    const owned = /\s(?:of|with|about)\s+(.+)$/i.exec(parts.subject.trim())?.[1];
    if (facet && owned) return isName(owned) ? { form: 'attribute', attribute: parts.head.toLowerCase(), subject: owned, plural: isPlural(parts.head), part: false } : { form: 'property', subject, generic, setting: settingOf(parts), ...place };
    if (facet) return { form: 'attribute', attribute: parts.head.toLowerCase(), subject: facetOf, plural: isPlural(parts.head), part: false };
    // "X can be Y" says what X may be, not what it is.
    // "Switching is process of ...": a bare word names its kind as well as a name does ("the idea" does not).
    // "A message queue is a buffer ...": an indefinite subject is the kind being defined ("a common
    // setting", described by an adjective, is one in its topic).
    const indefinite = /^an?\s+(\p{L}+)/iu.exec(parts.subject.trim());
    const kind = !generic || /^\p{L}[\p{L}-]*$/u.test(subject) || (!!indefinite && (listedReadings(indefinite[1].toLowerCase()) & FIRST_ADJECTIVE) === 0 && isName(parts.subject.trim().replace(/^an?\s+/i, '')));
    // "Shorteners are also a tool for phishing": an adverb marks one more thing said of it, not what it is.
    const qualified = isClosedAdverb(/^\p{L}+/u.exec(parts.predicate.trim())?.[0].toLowerCase() ?? '');
    if (kind && !qualified && !modalOf(parts) && namesAKind(parts.predicate)) return { form: 'define', term: subject, plural };
    return { form: 'property', subject, generic, setting: settingOf(parts), ...place };
  }
  if (!parts.verbBase) return null;
  // "Raft never commits ...", "One node can't hold ...": asking what it commits or holds would
  // ask the opposite of what the note says; so would "What does a node look?" for "looks dead".
  const setting = settingOf(parts);
  if (LINKING_VERB.test(parts.verbBase) && describes(parts.predicate)) return { form: 'property', subject, generic, setting, ...place };
  // "A blocklist is needed": a judgement of the subject, no manner to ask ("is recommended to" has a purpose).
  if (parts.passive && JUDGING_VERB.test(parts.verbBase) && !statesPurpose(parts.predicate)) return { form: 'property', subject, generic, setting, ...place };
  const shape = shapeOf(parts);
  // "Key choice matters most", "It works well": a verb with no object and a word or two of
  // degree says how the subject fares, not what it does.
  if (shape === 'do' && wordsIn(parts.predicate) <= 2 && !isNounPhrase(parts.predicate) && !CAUSATIVE_VERB.test(parts.verbBase)) return { form: 'property', subject, generic, setting, ...place };
  if (denies(parts)) {
    // "Raft never commits entries ..." -> "What does Raft never commit?"; other denials ("it is
    // never used for ...") are asked what is true of the subject.
    if (shape !== 'object') return { form: 'property', subject, generic, setting, ...place };
    return { form: 'action', subject, generic, plural, verb: parts.verbBase, shape, modal: modalOf(parts), setting, ...place, negation: /\bnever\b/i.test(parts.verb) ? 'never' : 'not' };
  }
  return { form: 'action', subject, generic, plural, verb: parts.verbBase, shape, modal: modalOf(parts), setting, ...place, ...(shape === 'undergo' ? { passive: passiveOf(parts) } : {}) };
}

/** The number the verb agrees in: "routers are", "a router has" say it whatever the lexicon knows of the subject. */
function agreement(parts: SentenceParts): boolean | null {
  // "Accuracy and compliance are ...": a copula agrees as an auxiliary does.
  const auxiliary = (parts.auxiliary || (parts.copula ? parts.verb.trim().split(/\s+/)[0] : '')).toLowerCase();
  if (/^(?:are|were|have|do)$/.test(auxiliary)) return true;
  if (/^(?:is|was|has|does)$/.test(auxiliary)) return false;
  if (auxiliary || parts.copula || parts.passive) return null;
  // "B-trees usually give ...", "IETF and RFC govern ...": a verb in its base form after a plural
  // or a pair agrees with several ("topic split into ..." may be a past); "gives" agrees with one.
  const lexical = parts.verb.trim().split(/\s+/).at(-1)!.toLowerCase();
  if (lexical === parts.verbBase) return /\sand\s|s$/i.test(parts.subject.trim()) ? true : null;
  return /s$/.test(lexical) && lexical.startsWith(parts.verbBase.replace(/y$/, '')) ? false : null;
}

/**
 * "Logs are timestamped records of ...": a participle right before a bare noun describes the noun,
 * so the statement says what the subject is ("is assigned an ID" keeps its passive). Read with
 * "be" as the verb and the participle opening what the subject is.
 */
function describedByParticiple(parts: SentenceParts): SentenceParts | null {
  if (!parts.passive || !/^(?:is|are|was|were)$/i.test(parts.auxiliary)) return null;
  const opening = openingPhrase(parts.predicate);
  const head = opening?.split(/\s+/)[0].toLowerCase() ?? '';
  // The noun comes straight after the participle: no determiner ("an ID"), adverb ("back") or verb ("using").
  const noun = (listedReadings(head) & (N | NS)) !== 0 && (listedReadings(head) & (RB | VBG | JJ)) === 0;
  if (!opening || !noun || !isNounPhrase(opening)) return null;
  const participle = parts.verb.trim().split(/\s+/).at(-1)!;
  return { ...parts, verb: parts.auxiliary, verbBase: 'be', copula: true, passive: false, predicate: `${participle} ${parts.predicate.trim()}` };
}

/**
 * "Most routers are configured to return ...": the auxiliary that leads the question ("are"), the
 * participle ("configured") and whether a purpose follows it, asked "... configured to do?".
 * A verb group with no auxiliary ("Routers typically deployed in ...") keeps none; one whose
 * auxiliary is not a word of "be", "have" or a modal ("gets stored") is asked what happens to it.
 */
function passiveOf(parts: SentenceParts): { auxiliary: string; participle: string; toDo: boolean; when: boolean } | undefined {
  const auxiliary = parts.auxiliary.toLowerCase();
  if (auxiliary !== '' && !/^(?:is|are|was|were|has|have|had|can|could|should|must|will|may|might|would)$/.test(auxiliary)) return undefined;
  // "is assigned an ID": a passive with an object of its own is asked what happens to the subject.
  const opening = openingPhrase(parts.predicate);
  if (opening && isNounPhrase(opening)) return undefined;
  // "carried out", "broken down": a particle after the participle completes the verb.
  const particle = /^(?:out|up|off|down|away|back)\b/i.exec(parts.predicate)?.[0].toLowerCase();
  const participle = [parts.verb.trim().split(/\s+/).at(-1)!.toLowerCase(), particle].filter(Boolean).join(' ');
  // "configured to return an ...", "designed to run as ...": a verb after "to", where "written to disk before" is a place.
  const [, verb, next] = /^to\s+(\p{L}+)\s*(\p{L}*)/iu.exec(parts.predicate) ?? [];
  const toDo = statesPurpose(parts.predicate) && (isOrderVerb(verb.toLowerCase()) || isDeterminer((next ?? '').toLowerCase()));
  // "If the buffer overflows, packets are dropped": the condition says when.
  const when = /^(?:if|when|whenever|once)\s/i.test(parts.frame.trim());
  return { auxiliary, participle, toDo, when };
}

/** "When a client exceeds its quota, the gateway answers 429": a condition, a comma, and what follows from it. */
const CONDITIONAL = /^(when|whenever|if|once|after)\s+([^,;:]{6,100}?),\s+(\S.{10,})$/i;

/** A condition and the conjunction that opens it ("when", "the buffer is full"). */
interface Condition {
  conjunction: string;
  clause: string;
}

/**
 * "When a client exceeds its quota, the gateway answers 429"; with no comma ("When a client is
 * over its limit the server answers 429") the condition ends where a determiner opens a clause
 * of its own, its subject then its verb, the latest such split winning.
 */
function conditionIn(statement: string): Condition | null {
  const marked = CONDITIONAL.exec(statement);
  if (marked) return { conjunction: marked[1], clause: marked[2] };
  const opening = /^(when|whenever|if|once|after)\s+/i.exec(statement);
  if (!opening) return null;
  const splits = [...statement.matchAll(/\s(?=(?:the|a|an|its|their|this)\s)/gi)].map((m) => m.index!).filter((at) => at > opening[0].length + 5).reverse().slice(0, MAX_CONDITION_SPLITS);
  for (const at of splits) {
    const clause = statement.slice(opening[0].length, at);
    const rest = sentenceParts(statement.slice(at + 1));
    if (!/[,;:]/.test(clause) && statement.length - at > 10 && rest.startsWithSubject && rest.verb) return { conjunction: opening[1], clause };
  }
  return null;
}

/** A condition with no comma is looked for at this many determiners, from the last. */
const MAX_CONDITION_SPLITS = 3;

/**
 * "What happens when a client exceeds its quota?" for a sentence stating what follows from a
 * condition, when no question could be asked by its subject. The condition must be a clause.
 */
function conditionOf(statement: string): Prompt | null {
  const found = conditionIn(statement);
  if (!found || !hasFiniteVerb(found.clause)) return null;
  const parts = sentenceParts(found.clause);
  // "When it fails, ...": which "it" the question could not say.
  if (parts.subjectKind === 'none' || parts.subjectKind === 'pronoun') return null;
  return { form: 'condition', conjunction: found.conjunction, condition: found.clause, generic: parts.subjectKind !== 'specific' };
}

function shapeOf(parts: SentenceParts): 'object' | 'purpose' | 'manner' | 'when' | 'undergo' | 'do' {
  const predicate = parts.predicate.trim();
  if (parts.passive && parts.verbBase === 'use') return 'purpose';
  if (/^by\s+\p{L}+ing\b/iu.test(predicate)) return 'manner';
  // "Split brain happens when two nodes ...": the clause says when, the verb has no object.
  if (!parts.passive && /^(?:when|whenever|once)\s/i.test(predicate)) return 'when';
  // "guarantees that a user sees ...", "will know where the servers are": the clause is the object.
  if (/^(?:that|what|which|where|whether|who|how|why)\s/i.test(predicate) && !parts.passive) return 'object';
  if (parts.passive) return 'undergo';
  // "What does the extension let?" asks half of "lets a resolver pass ...": ask what it does.
  if (CAUSATIVE_VERB.test(parts.verbBase)) return 'do';
  // A predicate that opens with a noun phrase is the verb's object: "allocates blocks of IPs";
  // after an article even a word mostly a verb is one ("submit a write").
  const opening = openingPhrase(predicate);
  return opening && (isNounPhrase(opening) || /^(?:a|an|the)\s+\p{L}+$/iu.test(opening)) ? 'object' : 'do';
}

function modalOf(parts: SentenceParts): string {
  const modal = /^(can|could|should|must|will|may|might|would)(?:n't)?$/i.exec(parts.auxiliary)?.[1] ?? (/^(?:ca|wo)n't$/i.test(parts.auxiliary) ? (/^ca/i.test(parts.auxiliary) ? 'can' : 'will') : '');
  return /^cannot$/i.test(parts.auxiliary) ? 'can' : modal.toLowerCase();
}

/**
 * "Learn: maintain a MAC address table" under "Switch": a verb label names something its parent
 * does, asked "How does Switch learn?".
 */
function labelledStep(statement: string, parent: string | null, topic = false): Prompt | null {
  const verb = /^(\p{L}+)\s*:\s+\S/u.exec(statement)?.[1];
  // A topic stands for its steps' doer only when it names one.
  if (!parent || !verb || isNounPhrase(verb) || !hasFiniteVerb(verb) || (topic && !isName(parent))) return null;
  return { form: 'action', subject: parent, generic: false, plural: isPlural(parent), verb: verb.toLowerCase(), shape: 'manner', modal: '' };
}

/** The label of the item a passage hangs under: "NAT" of "NAT: ...", or a short item as a whole. */
export function parentLabel(parent: string | null): string | null {
  if (!parent) return null;
  // "OSI (just a model, not rigid ...):": the aside after a name is no part of it.
  const named = /^([^():–—]{1,40}?)\s+\([^]*\)\s*[:：]?-?$/u.exec(parent)?.[1];
  if (named && isName(named)) return named;
  const labelled = /^([^:–—]{1,40}?)\s*(?::|\s[-–—]\s)/u.exec(parent)?.[1];
  const candidate = (labelled ?? parent).replace(/\s*[:：]-?$/, '').trim();
  return isName(candidate) ? candidate : null;
}

/**
 * A short noun phrase that can stand as a subject in a question. One that opens on a verb with no
 * subject before it is a name when it reads as one ("write back", "read replica"), not an order.
 */
export const isName = remembered(readsAsSubject);

function readsAsSubject(text: string): boolean {
  if (text.split(/\s+/).length > 5 || !/^[\p{L}\p{N}]/u.test(text) || /[.?!,;]$/.test(text) || labelRole(text) !== 'term') return false;
  return !hasFiniteVerb(text) || namesThing(text);
}

/** "Note: ...", "Example: ...": a label on the passage, not part of what it states. */
function withoutCommentaryLabel(text: string): string {
  const label = /^([\p{L}][\p{L} .]{0,20}?(?:\s*\([^()]{1,12}\))?)\s*[:：]\s+(?=\S)/u.exec(text);
  return label && labelRole(label[1].replace(/\.$/, '')) === 'commentary' ? capitalise(text.slice(label[0].length)) : text;
}



/**
 * A blank over the most telling term of a statement: one the author marked (bold, code), else an
 * acronym, a mixed-case word, a number with its unit, or a name the lexicon does not know. Terms
 * that repeat the topic's title would give themselves away and are not blanked. English statements
 * come here only with a verb (a fragment is nothing to complete); a statement in another language
 * is not parsed, and its characters carry more: half the length will do.
 */
function cloze(sentence: string, marked: string[], topic: string, english: boolean): { prompt: Prompt; term: string } | null {
  const min = english ? MIN_CLOZE_CHARS : MIN_CLOZE_CHARS / 2;
  if (sentence.length < min || sentence.length > MAX_CLOZE_CHARS || /[:;：；]$/.test(sentence)) return null;
  const known = topic.toLowerCase();
  for (const term of [...marked, ...technicalTerms(sentence)]) {
    const at = wholeWordAt(sentence, term);
    if (at < 0 || known.includes(term.toLowerCase()) || term.length < 2 || labelRole(term) === 'commentary') continue;
    // A term the sentence repeats would fill its own blank.
    if (wholeWordAt(sentence.slice(at + term.length), term) >= 0) continue;
    // "https" of an address, "doi" of an identifier: a scheme, not a term.
    if (/^:\S/.test(sentence.slice(at + term.length))) continue;
    const before = sentence.slice(0, at);
    const after = sentence.slice(at + term.length);
    // "____: Protect systems by ...": a label names what follows, it is not part of the statement.
    if (!before.trim() && /^\s*[:：]/.test(after)) continue;
    if ((before + after).replace(/[^\p{L}]/gu, '').length < min / 2) continue;
    return { prompt: { form: 'cloze', before, after }, term };
  }
  return null;
}

/** Where `term` occurs in `text` as a whole word ("PC" is not found inside "2PC"), or -1. */
function wholeWordAt(text: string, term: string): number {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text.charAt(at - 1) || ' ') && !/[\p{L}\p{N}]/u.test(text.charAt(at + term.length) || ' ')) return at;
  }
  return -1;
}

/**
 * The English terms a statement in another language borrows: in Chinese or Japanese, its runs of
 * Latin letters; in a language written in Latin letters (Spanish, German ...), its runs of words
 * the English lexicon knows, longest first ("Con hash partitioning las claves ..." -> "hash partitioning").
 */
function latinTerms(text: string): string[] {
  if (!HAN_OR_KANA.test(text)) return englishRuns(text);
  const runs = text.match(/(?<![A-Za-z0-9/_])[A-Za-z][A-Za-z0-9+#.\- ]*[A-Za-z0-9+#](?![A-Za-z0-9/_])/g) ?? [];
  return runs.map((run) => run.trim()).filter((run) => run.length >= 2 && run.split(/\s+/).length <= 4);
}

/**
 * A borrowed term is two or more English words in a row ("hash partitioning"), or one English
 * "-ing" word ("sharding"): a lone word both languages share ("divide", "normal") is not one.
 */
const BORROWED_WORD = /^[A-Za-z-]{3,}ings?$/;

function englishRuns(text: string): string[] {
  const runs: string[][] = [[]];
  for (const word of text.split(/\s+/)) {
    const bare = word.replace(/^[^\p{L}]+|[^\p{L}\d-]+$/gu, '');
    const english = bare.length >= 4 && /^[A-Za-z][A-Za-z-]*$/.test(bare) && (isKnownWord(bare.toLowerCase()) || BORROWED_WORD.test(bare));
    if (english && bare === word) runs.at(-1)!.push(bare);
    else {
      if (english) runs.at(-1)!.push(bare);
      runs.push([]);
    }
  }
  return runs
    // A term ends with its "-ing" head noun: "sharding divide" is "sharding" and a verb.
    .map((run) => {
      const head = run.findLastIndex((word) => BORROWED_WORD.test(word));
      return head >= 0 ? run.slice(0, head + 1) : run;
    })
    .filter((run) => (run.length >= 2 || (run.length === 1 && BORROWED_WORD.test(run[0]))) && run.length <= 4)
    .map((run) => run.join(' '))
    .sort((a, b) => b.length - a.length);
}

/** Acronyms ("BGP", "IPv4", "APIs"), mixed-case words ("PostgreSQL"), numbers with units ("32 bits", "10 ms"). */
const TECHNICAL = /(?<![\p{L}\d])(?:\p{Lu}{2,5}\d*(?:s|v\d+)?|\p{Ll}+\p{Lu}[\p{L}\d]*|\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d]*|\d+(?:\.\d+)?\s?(?:%|ms|s|kb|mb|gb|tb|bits?|bytes?|[kKMG]B))(?![\p{L}\d])/gu;
/** A capitalised word inside a sentence: a name ("Dropbox", "Kafka") when the lexicon does not list it. */
const CAPITALISED = /(?<=\S\s)\p{Lu}\p{Ll}{2,}(?![\p{L}\d])/gu;

function technicalTerms(sentence: string): string[] {
  const names = (sentence.match(CAPITALISED) ?? []).filter((word) => !isKnownWord(word.toLowerCase()));
  return [...(sentence.match(TECHNICAL) ?? []), ...names];
}
