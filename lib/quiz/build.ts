import { answerFace, definedTerm, definitionBody, wordCount, type QuizCard } from './cards';
import { chooseDistractors, DISTRACTOR_COUNT } from './distractors';
import { gradeTyped } from './grade';
import { rngFor, shuffle } from './random';
import { normalize } from './text';

/**
 * A quiz is a pure function of (cards, pool, params): the same URL always yields the same
 * questions in the same order with the same options. Randomness comes only from `params.seed`,
 * through a separate stream per purpose (card order, each question's distractors and options),
 * so adding a card to the deck perturbs as little as possible.
 */

export const QUIZ_MODES = ['mc', 'typed', 'cloze'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export interface QuizParams {
  mode: QuizMode;
  n: number;
  seed: string;
}

/** Typed answers longer than this are free-form essays; fuzzy grading would only frustrate. */
export const MAX_TYPED_WORDS = 30;

export interface QuizQuestion {
  cardId: string;
  conceptId: string;
  sourceLine: number;
  /** How a typed answer is graded (a list scores items recalled). */
  gradeAs: string;
  group: QuizCard['group'];
  prompt: string;
  /** The right answer as shown on the results page and graded against. */
  expected: string;
  /** Multiple choice only: four options, the right one at `correctOption`. */
  options?: string[];
  correctOption?: number;
}

function clozeQuestion(card: QuizCard): QuizQuestion | null {
  const base = { cardId: card.id, conceptId: card.conceptId, sourceLine: card.sourceLine, group: card.group, gradeAs: 'cloze' };
  if (card.kind === 'cloze') return { ...base, prompt: card.question, expected: card.answer.trim() };
  const term = definedTerm(card);
  const answer = card.answer.trim();
  if (!term || !answer.toLowerCase().startsWith(term.toLowerCase())) return null;
  return { ...base, prompt: `Fill in the blank: ____${answer.slice(term.length)}`, expected: term };
}

function question(card: QuizCard, pool: readonly QuizCard[], params: QuizParams): QuizQuestion | null {
  if (params.mode === 'cloze') return clozeQuestion(card);
  const base = {
    cardId: card.id, conceptId: card.conceptId, sourceLine: card.sourceLine, group: card.group,
    gradeAs: card.kind, prompt: card.question, expected: answerFace(card),
  };
  if (params.mode === 'typed') return card.kind === 'list' || wordCount(base.expected) <= MAX_TYPED_WORDS ? base : null;
  // A definition still naming its term would give the right option away.
  if (card.kind === 'definition' && definitionBody(card) === null) return null;
  const distractors = chooseDistractors(card, pool, rngFor(params.seed, `distractors:${card.id}`));
  if (distractors.length < DISTRACTOR_COUNT) return null;
  const options = shuffle([base.expected, ...distractors], rngFor(params.seed, `options:${card.id}`));
  return { ...base, options, correctOption: options.indexOf(base.expected) };
}

/**
 * Up to `params.n` questions from `cards` (the chosen topics), distractors drawn from `pool`
 * (the deck). Cards that cannot make a question in this mode are skipped, as are cloze prompts
 * that repeat one already asked (a cloze card and the definition it came from).
 */
export function buildQuiz(cards: readonly QuizCard[], pool: readonly QuizCard[], params: QuizParams): QuizQuestion[] {
  const ordered = shuffle([...cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), rngFor(params.seed, 'order'));
  const out: QuizQuestion[] = [];
  const prompts = new Set<string>();
  for (const card of ordered) {
    if (out.length === params.n) break;
    const q = question(card, pool, params);
    if (!q || prompts.has(normalize(q.prompt))) continue;
    prompts.add(normalize(q.prompt));
    out.push(q);
  }
  return out;
}

/** What the learner did with one question: a chosen option, or typed text and an optional "I was right". */
export interface QuizResponse {
  choice?: number;
  text?: string;
  override?: boolean;
}

export function isCorrect(q: QuizQuestion, r: QuizResponse | undefined): boolean {
  if (!r) return false;
  if (q.options) return r.choice === q.correctOption;
  return r.override === true || gradeTyped(q.expected, r.text ?? '', q.gradeAs).correct;
}

export interface GroupScore {
  id: string;
  title: string;
  correct: number;
  total: number;
}

export interface QuizScore {
  correct: number;
  total: number;
  /** Per section, in the order the sections first appear in the quiz. */
  groups: GroupScore[];
  missed: QuizQuestion[];
}

/** Scores responses given in question order; an unanswered question counts as missed. */
export function scoreQuiz(questions: readonly QuizQuestion[], responses: readonly (QuizResponse | undefined)[]): QuizScore {
  const groups = new Map<string, GroupScore>();
  const missed: QuizQuestion[] = [];
  questions.forEach((q, i) => {
    const ok = isCorrect(q, responses[i]);
    const g = groups.get(q.group.id) ?? { ...q.group, correct: 0, total: 0 };
    g.total++;
    if (ok) g.correct++;
    else missed.push(q);
    groups.set(q.group.id, g);
  });
  return { correct: questions.length - missed.length, total: questions.length, groups: [...groups.values()], missed };
}
