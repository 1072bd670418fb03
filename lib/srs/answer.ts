import { assertGrade, assertSm2State, GRADES, INITIAL_EASE, PASSING_GRADE, sm2, type Grade, type Sm2State } from './sm2';
import { addStudyDays, assertRolloverHour, assertTimeZone, studyDayStart } from './study-day';

/**
 * One learner's review state for one card, as persisted between answers.
 *
 * Invariants (checked on input to {@link answerCard}):
 * - repetitions, intervalDays, easeFactor satisfy the SM-2 state invariants (see `sm2.ts`).
 * - lapses is a non-negative integer: how many times a learned card (repetitions > 0) was failed.
 * - due is a valid Date; for a reviewed card it is a study-day start in the scheduler's zone.
 * - lastReviewedAt is null exactly until the first answer.
 */
export interface ReviewSnapshot {
  repetitions: number;
  intervalDays: number;
  easeFactor: number;
  due: Date;
  lapses: number;
  lastReviewedAt: Date | null;
}

/** Where and when study days begin; see `study-day.ts`. */
export interface SchedulerSettings {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Local hour 0..23 at which a new study day begins. */
  rolloverHour: number;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = Object.freeze({
  timeZone: 'UTC',
  rolloverHour: 4,
}) as SchedulerSettings;

/** Result of one answer: the state to persist and a copy of the state it replaced (for undo/history). */
export interface AnswerResult {
  next: ReviewSnapshot;
  before: ReviewSnapshot;
}

/** State of a card the learner has never answered: due immediately at `now`. */
export function newCardSnapshot(now: Date): ReviewSnapshot {
  assertValidDate(now, 'now');
  return {
    repetitions: 0,
    intervalDays: 0,
    easeFactor: INITIAL_EASE,
    due: new Date(now.getTime()),
    lapses: 0,
    lastReviewedAt: null,
  };
}

/**
 * Applies an answer of quality `grade` given at instant `now`. Neither `prev` nor its Dates are modified.
 *
 * - SM-2 fields: (repetitions, intervalDays, easeFactor) ← sm2(prev, grade).
 * - due = start of the study day `intervalDays` after the one containing `now`
 *   (addStudyDays(studyDayStart(now), intervalDays)); an interval of 1 therefore means
 *   "at the next rollover", which can be less than 24 h away, never more than 25 h.
 * - lapses += 1 iff grade < 3 and prev.repetitions > 0 (a learned card was forgotten;
 *   failing a new or relearning card is not a new lapse).
 * - lastReviewedAt = now.
 *
 * @throws RangeError for an invalid grade, snapshot, `now` or settings
 */
export function answerCard(
  prev: ReviewSnapshot,
  grade: Grade,
  now: Date,
  settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS,
): AnswerResult {
  assertGrade(grade);
  assertSnapshot(prev);
  assertValidDate(now, 'now');
  assertSettings(settings);
  const { timeZone, rolloverHour } = settings;

  const state = sm2(toSm2(prev), grade);
  const today = studyDayStart(now, timeZone, rolloverHour);
  const due = addStudyDays(today, state.interval, timeZone, rolloverHour);
  const lapsed = grade < PASSING_GRADE && prev.repetitions > 0;

  return {
    next: {
      repetitions: state.repetitions,
      intervalDays: state.interval,
      easeFactor: state.easeFactor,
      due,
      lapses: prev.lapses + (lapsed ? 1 : 0),
      lastReviewedAt: new Date(now.getTime()),
    },
    before: cloneSnapshot(prev),
  };
}

/** The interval in days that each grade 0..5 would give from `prev` (for labelling buttons). */
export function previewIntervals(prev: ReviewSnapshot): Record<Grade, number> {
  assertSnapshot(prev);
  const state = toSm2(prev);
  const out = {} as Record<Grade, number>;
  for (const g of GRADES) out[g] = sm2(state, g).interval;
  return out;
}

/** Throws a RangeError unless `s` satisfies the {@link ReviewSnapshot} invariants. */
export function assertSnapshot(s: ReviewSnapshot): void {
  if (s === null || typeof s !== 'object') {
    throw new RangeError('Invalid review snapshot: expected an object');
  }
  if (typeof s.lapses !== 'number' || !Number.isSafeInteger(s.lapses) || s.lapses < 0) {
    throw new RangeError(`Invalid review snapshot: lapses ${String(s.lapses)} must be a non-negative integer`);
  }
  assertValidDate(s.due, 'due');
  if (s.lastReviewedAt !== null) assertValidDate(s.lastReviewedAt, 'lastReviewedAt');
  assertSm2State(toSm2(s));
}

function toSm2(s: ReviewSnapshot): Sm2State {
  return { repetitions: s.repetitions, interval: s.intervalDays, easeFactor: s.easeFactor };
}

function cloneSnapshot(s: ReviewSnapshot): ReviewSnapshot {
  return {
    repetitions: s.repetitions,
    intervalDays: s.intervalDays,
    easeFactor: s.easeFactor,
    due: new Date(s.due.getTime()),
    lapses: s.lapses,
    lastReviewedAt: s.lastReviewedAt === null ? null : new Date(s.lastReviewedAt.getTime()),
  };
}

function assertSettings(settings: SchedulerSettings): void {
  if (settings === null || typeof settings !== 'object') {
    throw new RangeError('Invalid scheduler settings: expected an object');
  }
  assertTimeZone(settings.timeZone);
  assertRolloverHour(settings.rolloverHour);
}

function assertValidDate(d: unknown, name: string): asserts d is Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError(`Invalid ${name}: ${String(d)} is not a valid Date`);
  }
}
