import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type FSRS, type Grade as FsrsRating } from 'ts-fsrs';
import type { SchedulerSettings } from './answer';
import { buttonForGrade, type ReviewButtonLabel } from './grades';
import { assertGrade, GRADES, type Grade } from './sm2';
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

/** SM-2's meaning of each grade in FSRS's terms: 0..2 failed (Again), 3 correct with serious difficulty (Hard), 4 Good, 5 Easy. */
const RATING_OF_GRADE: Readonly<Record<Grade, FsrsRating>> = Object.freeze({
  0: Rating.Again,
  1: Rating.Again,
  2: Rating.Again,
  3: Rating.Hard,
  4: Rating.Good,
  5: Rating.Easy,
});

const RATING_OF_BUTTON: Readonly<Record<ReviewButtonLabel, FsrsRating>> = Object.freeze({
  Again: Rating.Again,
  Hard: Rating.Hard,
  Good: Rating.Good,
  Easy: Rating.Easy,
});

/**
 * The FSRS rating of an SM-2 grade: the rating of the button that submits it (grades.ts), so the
 * button the learner pressed is what FSRS hears; grades no button submits keep SM-2's meaning.
 */
export function fsrsRating(grade: Grade): FsrsRating {
  const button = buttonForGrade(grade);
  return button === undefined ? RATING_OF_GRADE[grade] : RATING_OF_BUTTON[button.label];
}

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
  const calendar = new StudyCalendar(settings);
  const today = calendar.day(now);
  const next = step(prev, lastStudyDate(prev, lastReviewedAt, calendar), grade, today.date, settings);
  return { ...next, due: calendar.after(today, next.scheduledDays) };
}

/** The interval in study days each grade 0..5 would give (for labelling the buttons). */
export function previewFsrsIntervals(
  prev: FsrsMemory | null,
  lastReviewedAt: Date | null,
  now: Date,
  settings: FsrsSettings,
): Record<Grade, number> {
  const calendar = new StudyCalendar(settings);
  const { card, at } = toCard(prev, lastStudyDate(prev, lastReviewedAt, calendar), calendar.day(now).date);
  const preview = schedulerFor(settings).repeat(card, at);
  const out = {} as Record<Grade, number>;
  for (const grade of GRADES) out[grade] = preview[fsrsRating(grade)].card.scheduled_days;
  return out;
}

/**
 * The FSRS memory a card's history leads to: `answers` (oldest first, undone answers and
 * re-drills left out) folded through {@link answerFsrs}. Null for an empty history.
 */
export function replayFsrs(answers: readonly ScheduledAnswer[], settings: FsrsSettings): FsrsMemory | null {
  return replayHistory(answers, settings, new StudyCalendar(settings));
}

/**
 * {@link replayFsrs} for many cards at once (a whole review log); cards with an empty history
 * are left out of the result. Sharing one calendar makes each study day cost one time-zone lookup
 * rather than each answer.
 */
export function replayFsrsAll<K>(histories: ReadonlyMap<K, readonly ScheduledAnswer[]>, settings: FsrsSettings): Map<K, FsrsMemory> {
  // One card's answers fall on different days, so remembering days only pays across cards.
  const calendar = new StudyCalendar(settings, histories.size > 1);
  const out = new Map<K, FsrsMemory>();
  for (const [key, answers] of histories) {
    const memory = replayHistory(answers, settings, calendar);
    if (memory !== null) out.set(key, memory);
  }
  return out;
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

type Memory = Omit<FsrsMemory, 'due'>;

/** The fold behind replayFsrs: intermediate due dates are never needed, so only the last is computed. */
function replayHistory(answers: readonly ScheduledAnswer[], settings: FsrsSettings, calendar: StudyCalendar): FsrsMemory | null {
  let memory: Memory | null = null;
  let last: StudyDay | null = null;
  for (const a of answers) {
    assertGrade(a.grade);
    const day = calendar.day(a.at);
    memory = step(memory, last?.date ?? null, a.grade, day.date, settings);
    last = day;
  }
  return memory === null || last === null ? null : { ...memory, due: calendar.after(last, memory.scheduledDays) };
}

/** One ts-fsrs review, on study dates given as midnight UTC. */
function step(prev: Memory | null, last: Date | null, grade: Grade, today: Date, settings: FsrsSettings): Memory {
  const { card, at } = toCard(prev, last, today);
  const next = schedulerFor(settings).next(card, at, fsrsRating(grade)).card;
  return { stability: next.stability, difficulty: next.difficulty, scheduledDays: next.scheduled_days };
}

function lastStudyDate(prev: FsrsMemory | null, lastReviewedAt: Date | null, calendar: StudyCalendar): Date | null {
  if (prev === null) return null;
  assertFsrsMemory(prev);
  assertValidDate(lastReviewedAt, 'lastReviewedAt');
  return calendar.day(lastReviewedAt).date;
}

/**
 * A ts-fsrs card for a memory last reviewed on study date `last` (null for a new card). The
 * long-term scheduler reads only state, stability, difficulty and last_review; `due` is set to
 * the last review because it is required, not read. Elapsed time is never negative.
 */
function toCard(prev: Memory | null, last: Date | null, today: Date): { card: Card; at: Date } {
  if (prev === null || last === null) return { card: createEmptyCard(today), at: today };
  const card: Card = {
    due: last,
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
  return { card, at: today < last ? last : today };
}

const HOUR_MS = 3_600_000;

/** A study day: its date as midnight UTC (what ts-fsrs is given) and an instant inside it. */
interface StudyDay {
  date: Date;
  at: Date;
}

/**
 * Study days of instants. Time-zone lookups cost far more than an FSRS step, so a calendar made
 * to `remember` (for replaying a log, which holds hundreds of answers per study day) keeps each
 * day's bounds for the life of one call and answers any instant inside them without a lookup;
 * a remembered day is used only for instants inside it, so remembering never changes a result.
 */
class StudyCalendar {
  private readonly byHour = new Map<number, StudyDay & { start: number; end: number }>();

  constructor(private readonly settings: SchedulerSettings, private readonly remember = false) {}

  day(t: Date): StudyDay {
    assertValidDate(t, 'date');
    const { timeZone, rolloverHour } = this.settings;
    if (!this.remember) return { date: utcMidnight(studyDayLabel(t, timeZone, rolloverHour)), at: t };
    const ms = t.getTime();
    const known = this.byHour.get(Math.floor(ms / HOUR_MS));
    if (known !== undefined && known.start <= ms && ms < known.end) return known;
    const start = studyDayStart(t, timeZone, rolloverHour);
    const day = {
      date: utcMidnight(studyDayLabel(start, timeZone, rolloverHour)),
      at: start,
      start: start.getTime(),
      end: addStudyDays(start, 1, timeZone, rolloverHour).getTime(),
    };
    for (let h = Math.floor(day.start / HOUR_MS); h * HOUR_MS < day.end; h++) this.byHour.set(h, day);
    return day;
  }

  /** The start of the study day `days` after `day`. */
  after(day: StudyDay, days: number): Date {
    return addStudyDays(day.at, days, this.settings.timeZone, this.settings.rolloverHour);
  }
}

function utcMidnight(label: string): Date {
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
