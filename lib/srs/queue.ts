import type { Grade } from './sm2';
import type { StudySettings } from './study-settings';

/**
 * The daily review queue, after SM-2 and Anki. Pure: the caller passes the day's answers and
 * the clock; the data layer only fetches what {@link queueSteps} asks for, in that order.
 *
 * Invariants:
 * - Scheduled reviews and new cards count against the daily limits; re-drills never do.
 * - A card is pending re-drill iff its latest answer today was graded below {@link REDRILL_PASS_GRADE}
 *   ("repeat all items that scored below four", SM-2 step 6) and it can still be studied.
 * - With burySiblings on, a concept is buried for the rest of the day once any of its cards was
 *   answered today; re-drills of the answered cards themselves are never buried.
 * - Undone answers are not passed in, so they count for nothing.
 */

/** Grades below this send a card back for a same-day re-drill. */
export const REDRILL_PASS_GRADE = 4;
/** A re-drill waits this long after its last answer while other cards remain. */
export const REDRILL_DELAY_MS = 60_000;

export type AnswerKind = 'review' | 'redrill';

/** One answer given in the current study day and not undone. */
export interface DayAnswer {
  cardId: string;
  conceptId: string;
  grade: Grade;
  kind: AnswerKind;
  /** The card had no review state before this answer (it was a new card). */
  wasNew: boolean;
  at: Date;
  timeTakenMs: number;
  /** The card is active and not suspended now, so it may be re-drilled. */
  studiable: boolean;
}

export interface Redrill {
  cardId: string;
  conceptId: string;
  lastAnsweredAt: Date;
}

export interface DayPlan {
  reviewsLeft: number;
  newLeft: number;
  /** New cards started today (may exceed the limit after "study more"). */
  newDone: number;
  /** Pending re-drills, longest-waiting first. */
  redrills: Redrill[];
  /** Concepts whose other cards wait until tomorrow (empty when burySiblings is off). */
  buriedConceptIds: string[];
  answered: number;
  /** Answers graded >= 3 (SM-2's "correct"). */
  correct: number;
  timeTakenMs: number;
}

/** Folds today's answers (any order) into limits left, pending re-drills and buried concepts. */
export function planDay(answers: readonly DayAnswer[], settings: Pick<StudySettings, 'newPerDay' | 'reviewsPerDay' | 'burySiblings'>): DayPlan {
  const sorted = [...answers].sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = new Map<string, DayAnswer>();
  let reviewsDone = 0;
  let newDone = 0;
  let correct = 0;
  let timeTakenMs = 0;
  for (const a of sorted) {
    if (a.kind === 'review') {
      if (a.wasNew) newDone++;
      else reviewsDone++;
    }
    if (a.grade >= 3) correct++;
    timeTakenMs += a.timeTakenMs;
    latest.set(a.cardId, a);
  }
  const redrills = [...latest.values()]
    .filter((a) => a.grade < REDRILL_PASS_GRADE && a.studiable)
    .map((a) => ({ cardId: a.cardId, conceptId: a.conceptId, lastAnsweredAt: a.at }))
    .sort((a, b) => a.lastAnsweredAt.getTime() - b.lastAnsweredAt.getTime());
  return {
    reviewsLeft: Math.max(0, settings.reviewsPerDay - reviewsDone),
    newLeft: Math.max(0, settings.newPerDay - newDone),
    newDone,
    redrills,
    buriedConceptIds: settings.burySiblings ? [...new Set(sorted.map((a) => a.conceptId))] : [],
    answered: sorted.length,
    correct,
    timeTakenMs,
  };
}

/** Whether answering `cardId` now is a re-drill (schedule untouched) rather than a scheduled review. */
export function isRedrill(plan: Pick<DayPlan, 'redrills'>, cardId: string): boolean {
  return plan.redrills.some((r) => r.cardId === cardId);
}

export type QueueStep = { kind: 'redrill'; cardId: string } | { kind: 'review' } | { kind: 'new' };

/**
 * Where to look for the next card, in order; the first step that yields a card wins:
 * 1. re-drills whose delay has passed (oldest first), 2. the most overdue review if the review
 * limit allows, 3. the next new card if the new limit allows, 4. any other pending re-drill,
 * so a failed card comes back at once when nothing else is left.
 *
 * @param inScope restricts re-drills to a concept subtree; the review/new fetchers apply it themselves
 */
export function queueSteps(plan: DayPlan, now: Date, inScope: (conceptId: string) => boolean = () => true): QueueStep[] {
  const redrills = plan.redrills.filter((r) => inScope(r.conceptId));
  const ready = (r: Redrill) => now.getTime() - r.lastAnsweredAt.getTime() >= REDRILL_DELAY_MS;
  const steps: QueueStep[] = redrills.filter(ready).map((r) => ({ kind: 'redrill', cardId: r.cardId }));
  if (plan.reviewsLeft > 0) steps.push({ kind: 'review' });
  if (plan.newLeft > 0) steps.push({ kind: 'new' });
  for (const r of redrills) if (!ready(r)) steps.push({ kind: 'redrill', cardId: r.cardId });
  return steps;
}

/**
 * "Study more" once the day's queue is empty, as Anki's custom study offers: raise today's new
 * limit by `extraNew`, and take reviews due up to `aheadDays` study days ahead. Answers given
 * this way are normal reviews (they count against the limits and move the SM-2 schedule).
 */
export interface StudyMore {
  /** Added to today's new-card limit; integer >= 0. */
  extraNew: number;
  /** Reviews due before the start of the study day this many days ahead are due now; integer >= 0. */
  aheadDays: number;
}

export const NO_MORE: StudyMore = Object.freeze({ extraNew: 0, aheadDays: 0 });
/** Extra new cards one "study more" offer adds. */
export const EXTRA_NEW_STEP = 10;
/** How far ahead "review ahead" reaches. */
export const AHEAD_DAYS = 7;

/**
 * Today's limits with extra new cards, and without burying when `scoped`: a topic studied on
 * purpose is the learner asking for exactly those cards, so answering one must not hide the rest.
 */
export function adjustPlan(plan: DayPlan, settings: Pick<StudySettings, 'newPerDay'>, more: StudyMore, scoped: boolean): DayPlan {
  return {
    ...plan,
    newLeft: Math.max(0, settings.newPerDay + more.extraNew - plan.newDone),
    buriedConceptIds: scoped ? [] : plan.buriedConceptIds,
  };
}
