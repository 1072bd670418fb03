/**
 * Pure measures of ingestion quality: garbage detection, duplicate rate, whether questions name
 * their subject, and recall against hand-written gold expectations (bench/gold/*.json). No I/O
 * here; bench/eval-ingest.ts does that. Coverage of a note by its cards is in bench/coverage.ts.
 */

import { mulberry32 } from '../lib/quiz/random';

export interface CardLike {
  question: string;
  answer: string;
  kind?: string;
}

export interface ConceptLike {
  title: string;
}

/** A topic is recalled when some concept title contains all of its keywords. */
export interface GoldTopic {
  title: string[];
}

/** A fact is recalled when one card's question has all `question` and its answer all `answer` keywords. */
export interface GoldFact {
  question: string[];
  answer: string[];
  note?: string;
}

export interface GoldFile {
  file: string;
  topics: GoldTopic[];
  facts: GoldFact[];
}

export interface Recall<T> {
  recalled: number;
  total: number;
  /** recalled / total; 1 when there is nothing to recall. */
  rate: number;
  missed: T[];
}

export const GARBAGE_REASONS = [
  'markup',
  'html-entity',
  'mojibake',
  'figure-reference',
  'empty-question',
  'empty-answer',
  'question-too-long',
  'answer-too-long',
  'not-a-question',
  'answer-cut-off',
] as const;
export type GarbageReason = (typeof GARBAGE_REASONS)[number];

export const MAX_QUESTION_CHARS = 300;
export const MAX_ANSWER_CHARS = 1200;

// ---------------------------------------------------------------------------------------------
// Keyword matching

/**
 * Lowercases, applies NFKC (so "µ" and "μ", full-width forms etc. agree) and turns every run of
 * characters that are not letters, marks or digits into one space. Keywords and texts go through
 * the same function, so "Bit-ly", "bit ly" and "BIT_LY" all match the keyword "bit-ly".
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * True when the normalised keyword occurs in the normalised text as whole words
 * ("sql design" is not found in "nosql design"). An empty keyword never matches.
 */
export function containsKeyword(text: string, keyword: string): boolean {
  const kw = normaliseText(keyword);
  if (!kw) return false;
  return ` ${normaliseText(text)} `.includes(` ${kw} `);
}

function containsAll(normalisedText: string, keywords: string[]): boolean {
  const padded = ` ${normalisedText} `;
  return keywords.every((k) => {
    const kw = normaliseText(k);
    return kw !== '' && padded.includes(` ${kw} `);
  });
}

// ---------------------------------------------------------------------------------------------
// Recall

export function topicRecall(gold: Pick<GoldFile, 'topics'>, concepts: readonly ConceptLike[]): Recall<GoldTopic> {
  const titles = concepts.map((c) => normaliseText(c.title));
  const missed = gold.topics.filter((topic) => !titles.some((t) => containsAll(t, topic.title)));
  return recall(gold.topics.length, missed);
}

export function factRecall(gold: Pick<GoldFile, 'facts'>, cards: readonly CardLike[]): Recall<GoldFact> {
  const normalised = cards.map((c) => ({ q: normaliseText(c.question), a: normaliseText(c.answer) }));
  const missed = gold.facts.filter(
    (fact) => !normalised.some((c) => containsAll(c.q, fact.question) && containsAll(c.a, fact.answer)),
  );
  return recall(gold.facts.length, missed);
}

function recall<T>(total: number, missed: T[]): Recall<T> {
  const recalled = total - missed.length;
  return { recalled, total, rate: total === 0 ? 1 : recalled / total, missed };
}

// ---------------------------------------------------------------------------------------------
// Duplicates

/** Cards whose normalised question + answer equal an earlier card's. */
export function duplicateCount(cards: readonly CardLike[]): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const card of cards) {
    const key = `${normaliseText(card.question)}\u0000${normaliseText(card.answer)}`;
    if (seen.has(key)) duplicates++;
    else seen.add(key);
  }
  return duplicates;
}

/** Share of cards that repeat an earlier card (0 for no cards). */
export function duplicateRate(cards: readonly CardLike[]): number {
  return cards.length === 0 ? 0 : duplicateCount(cards) / cards.length;
}

// ---------------------------------------------------------------------------------------------
// Garbage

/** A cloze blank: three or more underscores. Removed before looking for `__bold__` markup. */
const CLOZE_BLANK = /_{3,}/g;

/**
 * HTML tags by name, so code such as `List<String>` or `a <b> c` in prose with capitals is not
 * taken for markup, while `<small>`, `</em>`, `<br/>` and `<ul style="...">` are.
 */
const HTML_TAG =
  /<\/?(?:a|abbr|b|big|blockquote|br|center|code|dd|del|details|div|dl|dt|em|figcaption|figure|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|samp|section|small|span|strike|strong|sub|summary|sup|table|tbody|td|th|thead|tr|tt|u|ul|var)(?:\s[^<>]*)?\/?>/i;

const MARKUP: RegExp[] = [
  /\*\*/, // **bold**
  /__/, // __bold__ (cloze blanks are removed first)
  /\]\(/, // [text](url)
  /!\[/, // ![image]
  HTML_TAG, // <tag>, </tag>, <br/>
  /<(?:https?:\/\/|mailto:)[^<>\s]+>/i, // <https://autolink>
  /^[ \t]*#/m, // a line starting with '#'
  /\\[\\`*_{}[\]()#+\-.!|~<>$%&]/, // backslash escapes: 1\.  \*  \%
];

const HTML_ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

/** UTF-8 bytes decoded as Windows-1252 / Latin-1: Ã©  Â   â€™  ðŸ  ï¿½ */
const CP1252_CONT = '\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
/** Mac Roman renderings of UTF-8 continuation bytes 0x80–0xBF. */
const MACROMAN_CONT = 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø';
const MOJIBAKE: RegExp[] = [
  new RegExp(`[ÂÃ][${CP1252_CONT}]`),
  new RegExp(`â[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]`),
  /ðŸ/,
  /ï¿½/,
  // Mac Roman: lead bytes E2 → ‚, C3 → √, CE → Œ, EF → Ô, C2 → ¬, followed by a continuation.
  new RegExp(`[‚√ŒÔ¬][${MACROMAN_CONT}]`),
  /üé/,
  /[\uFFFD\uF8FF]/, // replacement character; stray Apple-logo private-use character
];

const FIGURE_REFERENCE = [
  /\bfig(?:ure|\.)?\s*\d+/i, // Figure 3, Fig. 4-2, fig 2
  /\bas (?:shown|illustrated|depicted|seen) in (?:the )?(?:figure|fig\b|diagram|image|picture)/i,
];

const CUT_OFF_WORDS = /(?:^|[^\p{L}\p{N}])(?:and|or|the|of|to)$/iu;

function unclosedParenthesis(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** Why a card would look broken to a learner; empty when it looks fine. Order follows GARBAGE_REASONS. */
export function garbageReasons(card: CardLike): GarbageReason[] {
  const question = card.question ?? '';
  const answer = card.answer ?? '';
  const both = `${question}\n${answer}`;
  const reasons = new Set<GarbageReason>();

  const withoutBlanks = both.replace(CLOZE_BLANK, ' ');
  if (MARKUP.some((re) => re.test(withoutBlanks))) reasons.add('markup');
  if (HTML_ENTITY.test(both)) reasons.add('html-entity');
  if (MOJIBAKE.some((re) => re.test(both))) reasons.add('mojibake');
  if (FIGURE_REFERENCE.some((re) => re.test(both))) reasons.add('figure-reference');

  const q = question.trim();
  const a = answer.trim();
  if (!q) reasons.add('empty-question');
  if (!a) reasons.add('empty-answer');
  if (q.length > MAX_QUESTION_CHARS) reasons.add('question-too-long');
  if (a.length > MAX_ANSWER_CHARS) reasons.add('answer-too-long');
  // A card the author wrote in flashcard syntax may prompt with a statement (the reverse side of "::: " cards).
  if (q && !q.includes('?') && !/_{3,}/.test(q) && card.kind !== 'explicit') reasons.add('not-a-question');
  if (a && (/,$/.test(a) || CUT_OFF_WORDS.test(a) || unclosedParenthesis(a))) reasons.add('answer-cut-off');

  return GARBAGE_REASONS.filter((r) => reasons.has(r));
}

/** How many cards have each reason (a card may count under several), and how many have any. */
export function garbageSummary(cards: readonly CardLike[]): { garbage: number; byReason: Record<GarbageReason, number> } {
  const byReason = Object.fromEntries(GARBAGE_REASONS.map((r) => [r, 0])) as Record<GarbageReason, number>;
  let garbage = 0;
  for (const card of cards) {
    const reasons = garbageReasons(card);
    if (reasons.length > 0) garbage++;
    for (const r of reasons) byReason[r]++;
  }
  return { garbage, byReason };
}

// ---------------------------------------------------------------------------------------------
// Seeded sampling

/** `n` distinct indices below `length`, in draw order, chosen by a partial Fisher–Yates shuffle. */
export function sampleIndices(length: number, n: number, seed: number): number[] {
  const random = mulberry32(seed);
  const pool = Array.from({ length }, (_, i) => i);
  const count = Math.max(0, Math.min(n, length));
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// Does the question name its subject?

/** Words that frame a question ("what is", "how does", "fill in the blank") without naming anything. */
const QUESTION_FRAME = new Set(
  (
    'what which how why when where who whom whose is are was were be been being isn aren doesn don ' +
    's t does do did can could should would will may might must has have had the a an of in on at to ' +
    'for by with from about as and or not fill blank blanks explain describe define name list give ' +
    'mean means meaning meant use used uses work works happen happens called known stand'
  ).split(' '),
);

/** What a question points with instead of naming: pronouns, "the system", "the above", bare adjectives. */
const GENERIC_REFERENCES = new Set(
  (
    'it its this that these those they them their there here he she his her we our you your one ones ' +
    'something someone above below following previous next first second last same other others ' +
    'former latter main key important system systems service services'
  ).split(' '),
);

/** Labels that name a part of some topic, never the topic itself ("What is the approach?"). */
const GENERIC_LABELS = new Set(
  (
    'approach approaches solution solutions overview summary example examples note notes idea ideas ' +
    'problem problems purpose role goal goals result results option options step steps query case ' +
    'cases usage detail details benefit benefits advantage advantages disadvantage disadvantages ' +
    'pros cons drawback drawbacks tradeoff tradeoffs difference differences type types kind kinds ' +
    'feature features component components requirement requirements definition answer question ' +
    'reason reasons way ways thing things part parts method methods concept concepts'
  ).split(' '),
);

/** Question words and pronouns in Chinese: "什么是", "为什么", "它", "这个". */
const CJK_FRAME = /什么|为什么|为何|如何|怎么样|怎么|怎样|哪些|哪个|哪|是|吗|呢|请|填空|的|它们|它|这个|这些|这|那个|那些|那|该|此|其/g;

const HAN = /\p{Script=Han}/u;

/** A label is explained when the answer uses it as a subject: "an approach is ...". */
function explains(answer: string, label: string): boolean {
  return new RegExp(`(?:^| )${label} (?:is|are|means|refers)(?: |$)`).test(normaliseText(answer));
}

/** The words of a question that could name its subject: its frame and generic references removed. */
export function subjectWords(question: string): string[] {
  return normaliseText(question)
    .replace(CJK_FRAME, ' ')
    .split(/\s+/)
    .filter((w) => w && !QUESTION_FRAME.has(w) && !GENERIC_REFERENCES.has(w));
}

const isNumber = (word: string) => /^\p{N}+$/u.test(word);

/** "IP", "L2", "S3" as written in the question: a two-character name, not a stand-in like "X". */
function isAcronym(question: string, word: string): boolean {
  const written = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'iu').exec(question)?.[0] ?? '';
  return /^\p{Lu}[\p{Lu}\p{N}]$/u.test(written);
}

/**
 * A question names its subject unless, once its frame and generic references are removed,
 * nothing is left, or a single token of at most 2 characters ("What is X?", "What is Ex?"; a
 * two-letter acronym such as "IP" or "L2" and a Chinese word such as 缓存 are names), or only generic labels and numbers ("What are
 * the pros and cons?", "What is Step 2?") none of which the card's own answer explains.
 */
export function namesSubject(card: CardLike): boolean {
  const words = subjectWords(card.question);
  if (words.length === 0) return false;
  if (words.length === 1 && words[0].length <= 2 && !HAN.test(words[0]) && !isAcronym(card.question, words[0])) return false;
  const labels = words.filter((w) => !isNumber(w));
  if (labels.length > 0 && labels.every((w) => GENERIC_LABELS.has(w))) return labels.some((w) => explains(card.answer, w));
  return true;
}

/** How many cards ask a question that names its subject, and the cards that do not. */
export function subjectSummary<T extends CardLike>(cards: readonly T[]): { questions: number; named: number; unnamed: T[] } {
  const unnamed = cards.filter((card) => !namesSubject(card));
  return { questions: cards.length, named: cards.length - unnamed.length, unnamed };
}
