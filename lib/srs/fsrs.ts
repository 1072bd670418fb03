import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type FSRS, type Grade as FsrsRating } from 'ts-fsrs';
import type { SchedulerSettings } from './answer';
import { assertGrade, type Grade } from './sm2';
import { addStudyDays, studyDayLabel, studyDayStart } from './study-day';

/**
 * FSRS (Free Spaced Repetition Scheduler) through ts-fsrs, in its long-term mode
 * (`enable_short_term: false`): every answer schedules a whole number of study days, and
 * same-day repeats are the review queue's re-drills (queue.ts), which leave the schedule alone,
 * exactly as they do for SM-2. Fuzz is off, so the result depends only on the arguments.
 *
 * Days are study days (study-day.ts), not UTC dates: ts-fsrs counts elapsed days between the
 * UTC dates of two instants, so it is handed each instant's study date as midnight UTC, and the
 * due date it computes is replaced by the start of the study day `scheduledDays` later.
 *
 * Invariants of every {@link FsrsMemory} returned:
 * - stability is finite and > 0 (days until recall probability falls to 90 %);
 * - difficulty is in [1, 10];
 * - scheduledDays is an integer >= 1, and due = addStudyDays(studyDayStart(answer), scheduledDays).
 */
export interface FsrsMemory {
  stability: number;
  difficulty: number;
  scheduledDays: number;
  due: Date;
}

/** FSRS knobs on top of the study-day settings; absent ones take ts-fsrs's defaults (FSRS-6 weights, 0.9 retention). */
export interface FsrsSettings extends SchedulerSettings {
  weights?: readonly number[];
  /** Probability of recall aimed for at the due date, 0 < r < 1. */
  desiredRetention?: number;
}

/**
 * SM-2 grade to FSRS rating: the failing grades 0..2 are Again; 3 (correct with serious
 * difficulty) is Hard, 4 Good, 5 Easy. The review buttons submit 1, 3, 4, 5 (grades.ts).
 */
export const FSRS_RATING: Readonly<Record<Grade, FsrsRating>> = Object.freeze({
  0: Rating.Again,
  1: Rating.Again,
  2: Rating.Again,
  3: Rating.Hard,
  4: Rating.Good,
  5: Rating.Easy,
});

/** One answer that changed the schedule (re-drills do not), for {@link replayFsrs}. */
export interface ScheduledAnswer {
  grade: Grade;
  at: Date;
}

/**
 * The FSRS memory after answering `grade` at `now`. `prev` is null for a card FSRS has never
 * seen; otherwise `lastReviewedAt` is when it was last scheduled (the answer that produced `prev`).
 * An answer dated before that review counts as given on the same study day (0 days elapsed).
 *
 * @throws RangeError for an invalid grade, memory, date or settings
 */
export function answerFsrs(
  prev: FsrsMemory | null,
  lastReviewedAt: Date | null,
  grade: Grade,
  now: Date,
  settings: FsrsSettings,
): FsrsMemory {
  assertGrade(grade);
  const { card, at } = toCard(prev, lastReviewedAt, now, settings);
  return fromCard(schedulerFor(settings).next(card, at, FSRS_RATING[grade]).card, now, settings);
}

/** The interval in study days each grade 0..5 would give (for labelling the buttons). */
export function previewFsrsIntervals(
  prev: FsrsMemory | null,
  lastReviewedAt: Date | null,
  now: Date,
  settings: FsrsSettings,
): Record<Grade, number> {
  const { card, at } = toCard(prev, lastReviewedAt, now, settings);
  const preview = schedulerFor(settings).repeat(card, at);
  const out = {} as Record<Grade, number>;
  for (const [grade, rating] of Object.entries(FSRS_RATING)) out[Number(grade) as Grade] = preview[rating].card.scheduled_days;
  return out;
}

/**
 * The FSRS memory a card's history leads to: `answers` (oldest first, undone answers and
 * re-drills left out) folded through {@link answerFsrs}. Null for an empty history.
 */
export function replayFsrs(answers: readonly ScheduledAnswer[], settings: FsrsSettings): FsrsMemory | null {
  let memory: FsrsMemory | null = null;
  let last: Date | null = null;
  for (const a of answers) {
    memory = answerFsrs(memory, last, a.grade, a.at, settings);
    last = a.at;
  }
  return memory;
}

/** Throws a RangeError unless `m` satisfies the {@link FsrsMemory} invariants. */
export function assertFsrsMemory(m: FsrsMemory): void {
  if (m === null || typeof m !== 'object') throw new RangeError('Invalid FSRS memory: expected an object');
  if (typeof m.stability !== 'number' || !Number.isFinite(m.stability) || m.stability <= 0) {
    throw new RangeError(`Invalid FSRS memory: stability ${String(m.stability)} must be a positive number`);
  }
  if (typeof m.difficulty !== 'number' || !(m.difficulty >= 1 && m.difficulty <= 10)) {
    throw new RangeError(`Invalid FSRS memory: difficulty ${String(m.difficulty)} must be from 1 to 10`);
  }
  if (!Number.isSafeInteger(m.scheduledDays) || m.scheduledDays < 1) {
    throw new RangeError(`Invalid FSRS memory: scheduledDays ${String(m.scheduledDays)} must be an integer >= 1`);
  }
  assertValidDate(m.due, 'FSRS due');
}

function toCard(prev: FsrsMemory | null, lastReviewedAt: Date | null, now: Date, settings: FsrsSettings): { card: Card; at: Date } {
  assertValidDate(now, 'now');
  const at = studyDateUtc(now, settings);
  if (prev === null) return { card: createEmptyCard(at), at };
  assertFsrsMemory(prev);
  assertValidDate(lastReviewedAt, 'lastReviewedAt');
  const last = studyDateUtc(lastReviewedAt, settings);
  const card: Card = {
    due: studyDateUtc(prev.due, settings),
    stability: prev.stability,
    difficulty: prev.difficulty,
    elapsed_days: 0,
    scheduled_days: prev.scheduledDays,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: State.Review,
    last_review: last,
  };
  return { card, at: at < last ? last : at };
}

function fromCard(card: Card, now: Date, settings: FsrsSettings): FsrsMemory {
  const { timeZone, rolloverHour } = settings;
  return {
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    due: addStudyDays(studyDayStart(now, timeZone, rolloverHour), card.scheduled_days, timeZone, rolloverHour),
  };
}

/** The study day containing `t`, as midnight UTC of its date (validates the zone and hour). */
function studyDateUtc(t: Date, { timeZone, rolloverHour }: SchedulerSettings): Date {
  const label = studyDayLabel(t, timeZone, rolloverHour);
  const date = new Date(`${label}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Study day ${label} is outside the supported date range`);
  return date;
}

// One ts-fsrs scheduler per distinct (weights, retention); the only thing a call changes in it is
// its fuzz seed, which is unused with fuzz off.
const schedulers = new Map<string, FSRS>();

function schedulerFor({ weights, desiredRetention }: FsrsSettings): FSRS {
  const key = JSON.stringify([weights ?? null, desiredRetention ?? null]);
  let f = schedulers.get(key);
  if (f === undefined) {
    if (desiredRetention !== undefined && !(desiredRetention > 0 && desiredRetention < 1)) {
      throw new RangeError(`Invalid desired retention ${String(desiredRetention)}: expected a number between 0 and 1`);
    }
    f = fsrs(generatorParameters({
      enable_short_term: false,
      enable_fuzz: false,
      ...(weights === undefined ? {} : { w: [...weights] }),
      ...(desiredRetention === undefined ? {} : { request_retention: desiredRetention }),
    }));
    schedulers.set(key, f);
  }
  return f;
}

function assertValidDate(d: unknown, name: string): asserts d is Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError(`Invalid ${name}: ${String(d)} is not a valid Date`);
  }
}
