/**
 * SuperMemo-2 (SM-2), as published by P. A. Wozniak (1990),
 * "Optimization of learning", algorithm SM-2.
 *
 * Pure: no I/O, no clock, no randomness. The same inputs always give the same output.
 *
 * Invariants of every state this module returns:
 * - `repetitions` is a non-negative integer: the number of consecutive correct answers (grade >= 3)
 *   since the card was new or last forgotten.
 * - `interval` is a whole number of days; it is 0 only for a never-answered card
 *   (`repetitions === 0` and no answer yet) and >= 1 after any answer.
 * - `easeFactor` is a multiple of 0.01 and never below {@link MIN_EASE}.
 *
 * Ease is held internally as integer hundredths ("efH", 250 = 2.5) so that repeated
 * additions of 0.1 and products such as 90 × 2.7 stay exact; binary floating point would
 * give 2.5 + 0.1 + 0.1 = 2.7000000000000006 and ceil(90 × 2.7) = 244 instead of 243.
 */

/** Quality of an answer, 0..5, as in SM-2: 5 perfect, 4 correct after hesitation,
 * 3 correct with serious difficulty, 2 wrong but the answer seemed easy to recall,
 * 1 wrong but recognised, 0 complete blackout. Grades >= 3 count as correct. */
export type Grade = 0 | 1 | 2 | 3 | 4 | 5;

/** All grades in ascending order. */
export const GRADES: readonly Grade[] = [0, 1, 2, 3, 4, 5];

/** Scheduling state of one card for one learner. */
export interface Sm2State {
  /** Consecutive correct answers since new/last lapse; integer >= 0. */
  repetitions: number;
  /** Days until the next review; integer >= 0 (0 only before the first answer). */
  interval: number;
  /** E-Factor; finite, >= {@link MIN_EASE}, meaningful to 0.01. */
  easeFactor: number;
}

/** Lowest ease SM-2 allows ("If EF is less than 1.3 then let EF be 1.3"). */
export const MIN_EASE = 1.3;
/** Ease every new card starts with. */
export const INITIAL_EASE = 2.5;

/** Lowest grade that counts as a correct answer. */
export const PASSING_GRADE = 3;

export const NEW_CARD_STATE: Sm2State = Object.freeze({
  repetitions: 0,
  interval: 0,
  easeFactor: INITIAL_EASE,
}) as Sm2State;

const MIN_EASE_H = 130;

/**
 * Ease change in hundredths for each grade:
 *   ΔEF(q) = 0.1 − (5 − q) × (0.08 + (5 − q) × 0.02)
 * q = 5..0 gives +0.10, 0.00, −0.14, −0.32, −0.54, −0.80.
 */
const EASE_DELTA_H: Readonly<Record<Grade, number>> = Object.freeze({
  5: 10,
  4: 0,
  3: -14,
  2: -32,
  1: -54,
  0: -80,
});

/** True iff `x` is one of the integers 0, 1, 2, 3, 4, 5 (numbers only; "3" is not a grade). */
export function isGrade(x: unknown): x is Grade {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 5;
}

/** Throws a RangeError unless `x` is a {@link Grade}. */
export function assertGrade(x: unknown): asserts x is Grade {
  if (!isGrade(x)) {
    throw new RangeError(
      `Invalid SM-2 grade ${describe(x)}: expected an integer from 0 to 5`,
    );
  }
}

/**
 * Throws a RangeError unless `state` satisfies the {@link Sm2State} invariants:
 * repetitions and interval are non-negative safe integers, interval >= 1 whenever
 * repetitions >= 1, and easeFactor is finite and >= 1.3.
 */
export function assertSm2State(state: Sm2State): void {
  if (state === null || typeof state !== 'object') {
    throw new RangeError(`Invalid SM-2 state ${describe(state)}: expected an object`);
  }
  const { repetitions, interval, easeFactor } = state;
  if (!isNonNegativeInteger(repetitions)) {
    throw new RangeError(
      `Invalid SM-2 state: repetitions ${describe(repetitions)} must be a non-negative integer`,
    );
  }
  if (!isNonNegativeInteger(interval)) {
    throw new RangeError(
      `Invalid SM-2 state: interval ${describe(interval)} must be a non-negative integer number of days`,
    );
  }
  if (repetitions > 0 && interval < 1) {
    throw new RangeError(
      `Invalid SM-2 state: interval ${interval} must be at least 1 when repetitions is ${repetitions}`,
    );
  }
  // The 1e-9 slack admits values like 1.2999999999999998 that are 1.3 after float round-off.
  if (typeof easeFactor !== 'number' || !Number.isFinite(easeFactor) || easeFactor < MIN_EASE - 1e-9) {
    throw new RangeError(
      `Invalid SM-2 state: easeFactor ${describe(easeFactor)} must be a finite number >= ${MIN_EASE}`,
    );
  }
}

/**
 * Applies one answer of quality `grade` to `prev` and returns the new state; `prev` is not modified.
 *
 * With q = grade, n = prev.repetitions, I = prev.interval, EF = prev.easeFactor:
 * - q >= 3: I' = 1 if n = 0; 6 if n = 1; ⌈I × EF⌉ if n >= 2 (EF *before* this answer). n' = n + 1.
 * - q < 3:  I' = 1, n' = 0 (start repetitions again without changing the ease formula).
 * - always: EF' = max(1.3, EF + 0.1 − (5 − q) × (0.08 + (5 − q) × 0.02)).
 *
 * The ceiling is computed in integers, ⌈I × efH / 100⌉ = ⌊(I × efH + 99) / 100⌋, so an exact
 * product (10 × 2.6 = 26) never rounds up to the next day.
 *
 * @param prev  a valid state (see {@link assertSm2State}); easeFactor is read to the nearest 0.01
 * @param grade integer 0..5
 * @throws RangeError if `grade` is not 0..5 or `prev` is invalid
 */
export function sm2(prev: Sm2State, grade: Grade): Sm2State {
  assertGrade(grade);
  assertSm2State(prev);

  const efH = Math.max(MIN_EASE_H, Math.round(prev.easeFactor * 100));
  const nextEfH = Math.max(MIN_EASE_H, efH + EASE_DELTA_H[grade]);

  if (grade < PASSING_GRADE) {
    return { repetitions: 0, interval: 1, easeFactor: nextEfH / 100 };
  }

  let interval: number;
  if (prev.repetitions === 0) {
    interval = 1;
  } else if (prev.repetitions === 1) {
    interval = 6;
  } else {
    interval = Math.floor((prev.interval * efH + 99) / 100);
    if (!Number.isSafeInteger(interval)) {
      throw new RangeError(`SM-2 interval overflow: ${prev.interval} × ${efH / 100} is not a safe integer`);
    }
  }
  return { repetitions: prev.repetitions + 1, interval, easeFactor: nextEfH / 100 };
}

/** Interval (days) each grade would produce from `prev`, without changing anything. */
export function previewSm2Intervals(prev: Sm2State): Record<Grade, number> {
  assertSm2State(prev);
  return {
    0: sm2(prev, 0).interval,
    1: sm2(prev, 1).interval,
    2: sm2(prev, 2).interval,
    3: sm2(prev, 3).interval,
    4: sm2(prev, 4).interval,
    5: sm2(prev, 5).interval,
  };
}

function isNonNegativeInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  if (typeof x === 'bigint') return `${x}n`;
  if (x === null || x === undefined || typeof x === 'boolean') return String(x);
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return Object.prototype.toString.call(x);
  }
}
