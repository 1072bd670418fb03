import { answerFace, comparisonAttribute, definedTerm, type QuizCard } from './cards';
import type { Rng } from './random';
import { answerForm, sameForm } from './form';
import { nearlyEqual, normalize } from './text';

/**
 * Distractors for a multiple-choice question. Pure; randomness only from the given seeded rng.
 *
 * Invariants of {@link chooseDistractors}'s result:
 * - never the right answer, nor nearly equal to it (normalised, similarity < NEAR_EQUAL_SIMILARITY);
 * - no two nearly equal to each other;
 * - only from cards of the same kind (qa and explicit count as one kind, being both free-form
 *   answers; a cloze also takes definitions' terms), and for comparisons only cells of the same
 *   column (attribute), from any table;
 * - never more than {@link MAX_LENGTH_RATIO} times longer or shorter than the right answer, and of
 *   the same form (see form.ts): as many list items, the same grammatical number, a similar word
 *   count, so that no option stands out by its shape.
 * Among the allowed, nearer neighbours (same concept, then siblings, then the same note) and
 * similar lengths come first; the seeded jitter only breaks near-ties.
 */

export const DISTRACTOR_COUNT = 3;
export const MAX_LENGTH_RATIO = 4;
/** Weights of the ranking (lower cost is better). */
const PROXIMITY_WEIGHT = 3;
const LENGTH_WEIGHT = 2;
const JITTER = 1.5;

function kindFamily(kind: string): string {
  return kind === 'explicit' ? 'qa' : kind;
}

/** 0 same concept, 1 sibling concept, 2 same note, 3 elsewhere in the deck. */
export function proximity(a: Pick<QuizCard, 'path'>, b: Pick<QuizCard, 'path'>): number {
  const self = (p: string[]) => p[p.length - 1];
  if (self(a.path) === self(b.path)) return 0;
  const parent = (p: string[]) => p[p.length - 2];
  if (a.path.length > 1 && parent(a.path) === parent(b.path)) return 1;
  if (a.path[0] === b.path[0]) return 2;
  return 3;
}

/**
 * The candidate's answer as an option for `target`, or null when it may not be one: another kind
 * (a definition's term counts as a cloze answer), or a comparison cell from another column.
 */
function optionFor(target: QuizCard, candidate: QuizCard): string | null {
  if (target.kind === 'cloze' && candidate.kind === 'definition') return definedTerm(candidate);
  if (kindFamily(target.kind) !== kindFamily(candidate.kind)) return null;
  if (target.kind === 'comparison' && comparisonAttribute(target) !== comparisonAttribute(candidate)) return null;
  return answerFace(candidate);
}

export function chooseDistractors(target: QuizCard, pool: readonly QuizCard[], rng: Rng, count = DISTRACTOR_COUNT): string[] {
  const right = answerFace(target);
  const rightForm = answerForm(right, target.kind);
  const ranked: { face: string; cost: number }[] = [];
  // Pool order is fixed by id so that the rng draws line up with the same candidates every time.
  for (const candidate of [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const jitter = rng() * JITTER;
    if (candidate.id === target.id) continue;
    const face = optionFor(target, candidate);
    if (face === null) continue;
    const ratio = Math.max(face.length, right.length) / Math.max(1, Math.min(face.length, right.length));
    if (!normalize(face) || ratio > MAX_LENGTH_RATIO) continue;
    if (!sameForm(rightForm, answerForm(face, target.kind))) continue;
    ranked.push({ face, cost: proximity(target, candidate) * PROXIMITY_WEIGHT + Math.log2(ratio) * LENGTH_WEIGHT + jitter });
  }
  ranked.sort((a, b) => a.cost - b.cost);
  const chosen: string[] = [];
  for (const { face } of ranked) {
    if (chosen.length === count) break;
    if (nearlyEqual(face, right) || chosen.some((c) => nearlyEqual(c, face))) continue;
    chosen.push(face);
  }
  return chosen;
}
