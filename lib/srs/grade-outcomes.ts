import { REVIEW_BUTTONS, type ReviewButton } from './grades';
import { REDRILL_PASS_GRADE } from './queue';
import { PASSING_GRADE, sm2, type Grade, type Sm2State } from './sm2';

/**
 * What each review button really does to a card, for its label. Pure.
 *
 * Why the buttons say this rather than Hard being changed: SM-2's first steps are fixed at
 * I(1) = 1 day and I(2) = 6 days whatever the grade, and SM-2 step 6 repeats every item graded
 * below 4 the same day. So on a new card Again (q=1) and Hard (q=3) both bring the card back
 * today and then tomorrow, and Good (q=4) and Easy (q=5) both give 1 day. Inventing Anki's
 * minute-level learning steps would make this no longer SM-2 (and would move the FSRS
 * comparison), so the buttons tell the truth instead: the re-drill today, the interval, and,
 * where two buttons look alike, that they are alike now and how they differ on the next step
 * (Hard counts as recalled, so the step after is 6 days where Again's is 1 day again).
 *
 * Invariants of {@link gradeOutcomes}: one outcome per button in {@link REVIEW_BUTTONS} order;
 * `days` is the interval answerCard would schedule; `sameAs` names the first earlier button with
 * the same (again today, days), or is null.
 */
export interface GradeOutcome {
  button: ReviewButton;
  /** The card comes back later today as a re-drill (grade below {@link REDRILL_PASS_GRADE}). */
  againToday: boolean;
  /** Days until the next scheduled review. */
  days: number;
  /** Days a following Good answer would schedule: where look-alike buttons differ (null when not worked out). */
  thenDays: number | null;
  /** The grade counts as forgotten: the card starts over (and is a lapse if it was learned). */
  startsOver: boolean;
  /** Label of an earlier button that does the same now, or null. */
  sameAs: string | null;
}

/** The grade a "next step" is previewed with: Good. */
const NEXT_STEP_GRADE = 4;

export function gradeOutcomes(prev: Sm2State): GradeOutcome[] {
  const outcomes: GradeOutcome[] = [];
  for (const button of REVIEW_BUTTONS) {
    const after = sm2(prev, button.grade);
    const againToday = button.grade < REDRILL_PASS_GRADE;
    const twin = outcomes.find((o) => o.againToday === againToday && o.days === after.interval);
    outcomes.push({
      button,
      againToday,
      days: after.interval,
      thenDays: sm2(after, NEXT_STEP_GRADE).interval,
      startsOver: button.grade < PASSING_GRADE,
      sameAs: twin ? twin.button.label : null,
    });
  }
  return outcomes;
}

/**
 * Outcomes from the intervals another scheduler (FSRS) would give each grade. A grade below
 * {@link REDRILL_PASS_GRADE} still brings the card back today (the app's re-drill); the step after
 * is not worked out, so look-alike buttons are only said to be alike now.
 */
export function outcomesOfIntervals(intervals: Readonly<Record<Grade, number>>): GradeOutcome[] {
  const outcomes: GradeOutcome[] = [];
  for (const button of REVIEW_BUTTONS) {
    const days = intervals[button.grade];
    const againToday = button.grade < REDRILL_PASS_GRADE;
    const twin = outcomes.find((o) => o.againToday === againToday && o.days === days);
    outcomes.push({ button, againToday, days, thenDays: null, startsOver: button.grade < PASSING_GRADE, sameAs: twin ? twin.button.label : null });
  }
  return outcomes;
}

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

/** "again today, then 1 day" or "6 days": when the card is seen next. */
export function outcomeWhen(o: Pick<GradeOutcome, 'againToday' | 'days'>): string {
  return o.againToday ? `again today, then ${days(o.days)}` : days(o.days);
}

/**
 * One short line telling look-alike buttons apart ("same as Again now; next step 6 days"),
 * or what an unlike button changes ("starts over"); empty when there is nothing to add.
 */
export function outcomeNote(o: GradeOutcome, all: readonly GradeOutcome[]): string {
  if (o.sameAs !== null) {
    const twin = all.find((x) => x.button.label === o.sameAs)!;
    if (o.thenDays === null || twin.thenDays === null) return `same as ${o.sameAs} for now`;
    return twin.thenDays === o.thenDays
      ? `same as ${o.sameAs} for now; later steps grow a little faster`
      : `same as ${o.sameAs} now; next step ${days(o.thenDays)} instead of ${days(twin.thenDays)}`;
  }
  return o.startsOver ? 'forgotten: starts over' : '';
}
