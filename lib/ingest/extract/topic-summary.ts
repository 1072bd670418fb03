import type { RootContent } from 'mdast';
import { fitWhole, sentences } from '../limits';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';
import { isPlainTerm } from './definition';
import { denies, sentenceParts } from '../sentence-parts';
import { FIRST_VERB, listedReadings, N, NS } from '../sentence-parts/lexicon';
import { isClosedWord } from '../sentence-parts/words';
import { ALTERNATIVE_PREFIX, isPlural, POINTS_ELSEWHERE } from '../vocabulary';

/** A topic summary answers in at most this many sentences, so it stays recallable. */
const MAX_SUMMARY_SENTENCES = 3;
const MAX_SUMMARY_CHARS = 600;

/**
 * "What is <topic>?" for a section titled with a term ("Long polling", "Geohash") whose opening
 * paragraph talks about that term. Answered by the paragraph's first sentences. Titles that are
 * questions, steps or generic labels are skipped, as is any section that already defines the term.
 */
export function topicSummaryCard(sectionTitle: string, nodes: RootContent[], existing: ExtractedCard[]): ExtractedCard | null {
  const title = sectionTitle.replace(ALTERNATIVE_PREFIX, '');
  if (!isPlainTerm(title) || title.length > 50) return null;
  const asked = termKey(title);
  if (existing.some((card) => card.prompt.form === 'define' && termKey(card.prompt.term) === asked)) return null;
  // The summary opens the section: paragraphs after a list or a table discuss its points.
  const firstOther = nodes.findIndex((node) => node.type !== 'paragraph');
  // The paragraph must open with the term ("In long polling, a client ..."), not mention it in passing.
  // A one-word title may be a verb ("Cancel"): its paragraph must then open with the word as written.
  const oneWord = !/\s/.test(title);
  // "Content delivery network" is opened as often by its initials: "Think of a CDN as ...".
  const initials = acronymOf(title);
  const opensWithTerm = (text: string) => {
    if (oneWord) return text.startsWith(`${title} `);
    const words = text.split(/\s+/).slice(0, OPENING_WORDS);
    // "3PC" is not "2PC"'s initials: digits stay in the word compared.
    return mentions(words.join(' '), title) || (initials !== null && words.some((word) => word.replace(/[^\p{L}\p{N}]/gu, '').replace(/s$/, '') === initials));
  };
  let chosen: { node: RootContent; text: string } | undefined;
  // Paragraphs are read one at a time, up to the first that opens with the term.
  for (const node of nodes.slice(0, Math.min(OPENING_BLOCKS, firstOther < 0 ? nodes.length : firstOther))) {
    // A closing lead-in sentence ("It has a few drawbacks:") introduces a list, not the topic.
    const text = sentences(toPlainText(node).replace(/\n+/g, ' ')).filter((s) => !/:$/.test(s)).join(' ');
    if (!text || POINTS_ELSEWHERE.test(text)) continue;
    if (opensWithTerm(text)) {
      chosen = { node, text };
      break;
    }
  }
  if (!chosen) return null;
  // "Raft never commits ...": what the term does not do is no summary of what it is.
  const opening = sentenceParts(sentences(chosen.text)[0] ?? '');
  if (denies(opening)) return null;
  if (opening.startsWithSubject && modifiesSubject(title, opening.subject)) return null;
  const answer = fitWhole(sentences(chosen.text).slice(0, MAX_SUMMARY_SENTENCES), MAX_SUMMARY_CHARS, ' ');
  // The section's own definition ("A message queue is ...") already asks this under "What is a message queue?".
  if (answer.length < 40 || existing.some((card) => card.answer === answer)) return null;
  return { kind: 'definition', prompt: { form: 'define', term: title, plural: isPlural(title) }, answer, line: chosen.node.position?.start.line ?? 1 };
}

/**
 * "Presence changes fan out ...", "Consumer groups are ...": the term only modifies the head of
 * the subject, which is another thing. An aside ("In-sync replicas (ISR)") or a phrase after the
 * term ("Synchronous communication like HTTP") leaves the term the subject.
 */
function modifiesSubject(title: string, subject: string): boolean {
  const words = subject.replace(/\([^()]*\)/g, ' ').trim().replace(/^(?:a|an|the)\s+/i, '').toLowerCase().split(/\s+/);
  const titled = title.toLowerCase().split(/\s+/);
  if (words.length <= titled.length || titled.some((word, i) => words[i] !== word)) return false;
  const next = words[titled.length];
  const readings = listedReadings(next);
  return !isClosedWord(next) && (readings & (N | NS)) !== 0 && (readings & FIRST_VERB) === 0;
}

/** "CDN" of "Content delivery network": the initials of a title of two to five words, or null. */
function acronymOf(title: string): string | null {
  const words = title.split(/[\s-]+/).filter((word) => /^\p{L}/u.test(word));
  return words.length >= 2 && words.length <= 5 ? words.map((word) => word[0].toUpperCase()).join('') : null;
}

/** "a message queue" and "Message Queues" name the same term: no articles, case or plural. */
function termKey(term: string): string {
  return term.toLowerCase().replace(/\b(?:a|an|the)\s+/g, '').replace(/s$/, '');
}

/** The summary is looked for in the first few blocks of the section only. */
const OPENING_BLOCKS = 4;
const OPENING_WORDS = 8;

/** The paragraph names the topic as whole words (case-insensitive, a plural "s" allowed). */
function mentions(text: string, title: string): boolean {
  if (title.length < 3) return false;
  // A scan with one shared character test: a RegExp built per call with \p{L} look-arounds cost
  // most of this extractor's time on a book-sized note.
  const haystack = text.toLowerCase();
  const stem = title.toLowerCase().replace(/s$/, '');
  for (let at = haystack.indexOf(stem); at !== -1; at = haystack.indexOf(stem, at + 1)) {
    const end = at + stem.length;
    if (wordCharBefore(haystack, at)) continue;
    if (!wordCharAt(haystack, end) || (haystack[end] === 's' && !wordCharAt(haystack, end + 1))) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}]/uy;

function wordCharAt(text: string, index: number): boolean {
  WORD_CHAR.lastIndex = index;
  return index < text.length && WORD_CHAR.test(text);
}

function wordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const low = text.charCodeAt(index - 1);
  return wordCharAt(text, low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1);
}
