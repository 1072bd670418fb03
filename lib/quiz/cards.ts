import { listItems } from './grade';
import { words } from './text';

/** A deck card as the quiz sees it. Pure data; lib/db/quiz.ts loads it. */
export interface QuizCard {
  id: string;
  conceptId: string;
  kind: string;
  question: string;
  answer: string;
  sourceLine: number;
  /** Concept ids from the note's root concept down to the card's own concept. */
  path: string[];
  /** Where the results page counts this card (a section of the chosen topic). */
  group: { id: string; title: string };
}

/** The term a definition card defines ("What is Consistent hashing?" → "Consistent hashing"). */
export function definedTerm(card: Pick<QuizCard, 'kind' | 'question'>): string | null {
  if (card.kind !== 'definition') return null;
  return /^What (?:is|are) (.+?)\?$/i.exec(card.question.trim())?.[1] ?? null;
}

/**
 * A definition's answer without its leading term and verb ("Caches are fast stores…" → "Fast
 * stores…"; also "means", "refers to"), or null when the answer does not start that way. Shown as the option, so the term in the
 * question does not give the right option away.
 */
export function definitionBody(card: Pick<QuizCard, 'kind' | 'question' | 'answer'>): string | null {
  const term = definedTerm(card);
  if (!term) return null;
  const answer = card.answer.trim();
  if (!answer.toLowerCase().startsWith(term.toLowerCase())) return null;
  const rest = /^\s+(?:is|are|means|refers to)\s+(.+)$/is.exec(answer.slice(term.length))?.[1];
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : null;
}

/** The table column of a comparison card ("What is the approximate time of L1 cache reference?" → "approximate time"). */
export function comparisonAttribute(card: Pick<QuizCard, 'kind' | 'question'>): string | null {
  if (card.kind !== 'comparison') return null;
  return /^What (?:is|are) the (.+?) of .+\?$/i.exec(card.question.trim())?.[1]?.toLowerCase() ?? null;
}

/** The text a learner is shown or asked for: a definition without its term, a list as one line. */
export function answerFace(card: Pick<QuizCard, 'kind' | 'question' | 'answer'>): string {
  if (card.kind === 'definition') return definitionBody(card) ?? card.answer.trim();
  if (card.kind === 'list') return listItems(card.answer).join('; ');
  return card.answer.trim();
}

export function wordCount(text: string): number {
  return words(text).length;
}
