/**
 * The statistics page's shapes, pure: study-day ranges to count over, the calendar heatmap, true
 * retention per week and the review forecast. lib/db/stats.ts counts rows per range in SQL; this
 * module decides the ranges and arranges the counts. No clock: `now` is always an argument.
 *
 * Days are study days (lib/srs/study-day.ts): they start at the user's rollover hour in their
 * time zone, so a review at 02:00 with a 04:00 rollover belongs to the day before.
 */
import { addStudyDays, studyDayLabel, studyDayStart } from '../srs/study-day';

/** A card is mature once its interval reaches 21 days (Anki's definition). Also in migration 0012's triggers. */
export const MATURE_INTERVAL_DAYS = 21;
/** Lowest SM-2 grade that passes a card (Hard, Good and Easy; Again fails). */
export const PASSING_GRADE = 3;
/** The heatmap shows this many whole weeks before the current one. */
export const HEATMAP_WEEKS = 52;
/** True retention is shown for this many weeks, the current one last. */
export const RETENTION_WEEKS = 26;
/** The forecast covers today (with everything overdue) and the next 29 days. */
export const FORECAST_DAYS = 30;

export interface Calendar {
  timeZone: string;
  rolloverHour: number;
}

/** One study day: [start, end), named by its calendar date "YYYY-MM-DD". */
export interface DayRange {
  date: string;
  start: Date;
  end: Date;
}

/** What the review log holds for one study day (undone answers excluded). */
export interface DayCounts {
  /** Answers in review sessions (scheduled reviews and same-day re-drills). */
  reviews: number;
  /** Scheduled reviews of cards whose interval before the answer was mature. */
  matureReviews: number;
  /** Of those, the ones passed (grade >= PASSING_GRADE). */
  maturePassed: number;
}

export const NO_REVIEWS: DayCounts = { reviews: 0, matureReviews: 0, maturePassed: 0 };

/** `count` consecutive study days, the first `from` days after the one containing `now` (negative: before). */
export function studyDayRanges(now: Date, calendar: Calendar, from: number, count: number): DayRange[] {
  const { timeZone, rolloverHour } = calendar;
  const first = addStudyDays(studyDayStart(now, timeZone, rolloverHour), from, timeZone, rolloverHour);
  const firstDate = studyDayLabel(first, timeZone, rolloverHour);
  const starts = [first];
  for (let i = 1; i <= count; i++) {
    const date = addDays(firstDate, i);
    // Most days are 24 h long: the next start is 24 h later when the wall clock there reads the
    // rollover hour of the next date (the offset did not change, so it is its first occurrence).
    // Otherwise (a change of offset) the exact computation; this keeps a year of days to ~400
    // clock readings instead of ~4,000.
    const guess = new Date(starts[i - 1].getTime() + DAY_MS);
    starts.push(isStartOf(guess, date, calendar) ? guess : addStudyDays(starts[i - 1], 1, timeZone, rolloverHour));
  }
  return starts.slice(0, count).map((start, i) => ({ date: addDays(firstDate, i), start, end: starts[i + 1] }));
}

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" plus `days` calendar days. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d + days);
  return utc.toISOString().slice(0, 10);
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** True iff the wall clock in the calendar's zone reads `date` at rolloverHour:00:00.000 at instant `t`. */
function isStartOf(t: Date, date: string, { timeZone, rolloverHour }: Calendar): boolean {
  let clock = wallClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', {
      timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    wallClocks.set(timeZone, clock);
  }
  const part = Object.fromEntries(clock.formatToParts(t).map((p) => [p.type, p.value]));
  return (
    t.getUTCMilliseconds() === 0 &&
    `${part.year}-${part.month}-${part.day}` === date &&
    Number(part.hour) % 24 === rolloverHour && part.minute === '00' && part.second === '00'
  );
}

/** 0 for Monday .. 6 for Sunday, of a "YYYY-MM-DD" calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d);
  return (utc.getUTCDay() + 6) % 7;
}

/**
 * The heatmap's days: from the Monday HEATMAP_WEEKS weeks before the current week's Monday up to
 * and including today, so that every column of the grid is one Monday-to-Sunday week.
 */
export function heatmapRanges(now: Date, calendar: Calendar): DayRange[] {
  const todayLabel = studyDayLabel(now, calendar.timeZone, calendar.rolloverHour);
  const daysBack = HEATMAP_WEEKS * 7 + weekdayOf(todayLabel);
  return studyDayRanges(now, calendar, -daysBack, daysBack + 1);
}

export interface HeatCell {
  date: string;
  reviews: number;
  /** 0 for no review, else 1..4 by quarters of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface Heatmap {
  /** Columns of the grid, oldest first; each is Monday..Sunday, the last one cut at today. */
  weeks: HeatCell[][];
  total: number;
  activeDays: number;
  busiest: number;
  /** Consecutive days with a review, ending today (or yesterday, if today has none yet). */
  streak: number;
}

/** Arranges per-day review counts (index i = ranges[i]) into Monday-first week columns. */
export function buildHeatmap(ranges: DayRange[], counts: readonly DayCounts[]): Heatmap {
  const reviews = ranges.map((_, i) => counts[i]?.reviews ?? 0);
  const busiest = Math.max(0, ...reviews);
  const weeks: HeatCell[][] = [];
  ranges.forEach((range, i) => {
    if (i === 0 || weekdayOf(range.date) === 0) weeks.push([]);
    const n = reviews[i];
    const level = n === 0 ? 0 : (Math.min(4, Math.ceil((4 * n) / busiest)) as HeatCell['level']);
    weeks[weeks.length - 1].push({ date: range.date, reviews: n, level });
  });
  let streak = 0;
  let i = reviews.length - 1;
  if (i >= 0 && reviews[i] === 0) i--; // today may simply not have started yet
  for (; i >= 0 && reviews[i] > 0; i--) streak++;
  return {
    weeks,
    total: reviews.reduce((a, b) => a + b, 0),
    activeDays: reviews.filter((n) => n > 0).length,
    busiest,
    streak,
  };
}

export interface WeekRetention {
  /** The week's Monday, "YYYY-MM-DD". */
  week: string;
  matureReviews: number;
  passed: number;
  /** passed / matureReviews, or null for a week without a mature review. */
  retention: number | null;
}

/**
 * True retention per Monday-first week for the last `weeks` weeks (the current one last, partial):
 * the share of scheduled reviews of mature cards that were passed, as Anki's statistics define it.
 */
export function weeklyRetention(ranges: DayRange[], counts: readonly DayCounts[], weeks = RETENTION_WEEKS): WeekRetention[] {
  const byWeek: WeekRetention[] = [];
  ranges.forEach((range, i) => {
    if (i === 0 || weekdayOf(range.date) === 0) byWeek.push({ week: range.date, matureReviews: 0, passed: 0, retention: null });
    const week = byWeek[byWeek.length - 1];
    week.matureReviews += counts[i]?.matureReviews ?? 0;
    week.passed += counts[i]?.maturePassed ?? 0;
  });
  for (const w of byWeek) w.retention = w.matureReviews === 0 ? null : w.passed / w.matureReviews;
  return byWeek.slice(-weeks);
}

/** Retention over the given weeks together, or null without a mature review. */
export function overallRetention(weeks: WeekRetention[]): number | null {
  const reviews = weeks.reduce((a, w) => a + w.matureReviews, 0);
  return reviews === 0 ? null : weeks.reduce((a, w) => a + w.passed, 0) / reviews;
}

export interface ForecastDay {
  date: string;
  /** 0 is today (overdue cards included), 1 tomorrow, ... */
  day: number;
  due: number;
}

/** The forecast's days: today and the FORECAST_DAYS - 1 after it. */
export function forecastRanges(now: Date, calendar: Calendar): DayRange[] {
  return studyDayRanges(now, calendar, 0, FORECAST_DAYS);
}

export function buildForecast(ranges: DayRange[], due: readonly number[]): ForecastDay[] {
  return ranges.map((range, day) => ({ date: range.date, day, due: due[day] ?? 0 }));
}
