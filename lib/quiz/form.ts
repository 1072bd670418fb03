import { listItems } from './grade';
import { words } from './text';

/**
 * The outward form of an answer, which a multiple-choice option must share with the right one or
 * give it away: how many list items it has, its grammatical number, and roughly how many words.
 * Pure.
 */
export interface AnswerForm {
  /** List items ("a; b; c" is 3); 1 for anything that is not a list. */
  items: number;
  /** Grammatical number of a short noun phrase ("Load balancers" plural); null for longer text. */
  plural: boolean | null;
  words: number;
}

/** Answers up to this many words are read as noun phrases whose number can show. */
const NOUN_PHRASE_WORDS = 4;
/** Two options differ in length visibly when the longer has more than this many times the words ... */
export const MAX_WORD_RATIO = 2;
/** ... and more than this many words more. */
const WORD_SLACK = 2;

/**
 * Plural by the head (last) word's ending, English only: "-s" but not "-ss", "-us", "-is", "-os"
 * ("Kafka", "Paxos", "Consensus", "Analysis" and "Access" stay singular). A heuristic, hand-written
 * because the quiz needs only this one bit and a full inflection library would be a large
 * dependency for it; a wrong guess only costs one candidate distractor.
 */
function isPlural(head: string): boolean {
  return head.length > 3 && /s$/.test(head) && !/(ss|us|is|os)$/.test(head);
}

export function answerForm(face: string, kind: string): AnswerForm {
  const all = words(face);
  const phrase = all.length > 0 && all.length <= NOUN_PHRASE_WORDS && !all.some((w) => /\d/.test(w));
  return {
    items: kind === 'list' ? listItems(face).length : 1,
    plural: kind !== 'list' && phrase ? isPlural(all[all.length - 1]) : null,
    words: all.length,
  };
}

/** Whether an option of form `b` could stand beside the right answer of form `a` without standing out. */
export function sameForm(a: AnswerForm, b: AnswerForm): boolean {
  if (a.items !== b.items) return false;
  if (a.plural !== null && b.plural !== null && a.plural !== b.plural) return false;
  const [short, long] = a.words <= b.words ? [a.words, b.words] : [b.words, a.words];
  return long - short <= WORD_SLACK || long <= MAX_WORD_RATIO * short;
}
