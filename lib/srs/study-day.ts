/**
 * Study days: the learner's "day" runs from the rollover hour (e.g. 04:00) in their IANA
 * time zone to the same wall-clock hour on the next calendar date, as Anki's day cutoff does.
 *
 * Definitions (W = a local wall-clock date-time, t = an instant):
 * - local(t): the wall-clock time in `timeZone` at instant t, from Intl.DateTimeFormat.
 * - start(D) for a calendar date D: the earliest instant t with local(t) >= D at rolloverHour:00.
 *   Normally that is the unique instant showing that wall time. If the wall time occurs twice
 *   (clocks fall back), it is the first occurrence. If it is skipped (clocks spring forward
 *   across it), it is the transition instant, the first moment at or after that wall time.
 * - The study day containing t is the date D with start(D) <= t < start(D + 1).
 *
 * Results depend only on the arguments and the runtime's time-zone database (ICU).
 * No function here reads the clock.
 */

const MS_PER_SECOND = 1000;
const MS_PER_DAY = 86_400_000;

/** A proleptic-Gregorian calendar date; month 1..12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True iff `timeZone` is an IANA zone name (or alias such as "UTC") the runtime knows. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws a RangeError naming `timeZone` unless it is a known IANA time zone. */
export function assertTimeZone(timeZone: unknown): asserts timeZone is string {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`Invalid IANA time zone ${JSON.stringify(String(timeZone))}`);
  }
}

/** Throws a RangeError unless `rolloverHour` is an integer 0..23. */
export function assertRolloverHour(rolloverHour: unknown): asserts rolloverHour is number {
  if (typeof rolloverHour !== 'number' || !Number.isInteger(rolloverHour) || rolloverHour < 0 || rolloverHour > 23) {
    throw new RangeError(`Invalid rollover hour ${String(rolloverHour)}: expected an integer from 0 to 23`);
  }
}

/**
 * The instant at which the study day containing `now` began: the greatest start(D) <= now.
 *
 * @param now          any valid instant
 * @param timeZone     IANA zone, e.g. "UTC", "America/New_York"
 * @param rolloverHour local hour 0..23 at which a new study day begins
 * @throws RangeError for an invalid date, time zone or rollover hour
 */
export function studyDayStart(now: Date, timeZone: string, rolloverHour: number): Date {
  validate(now, timeZone, rolloverHour);
  return new Date(startOf(studyDateOf(now.getTime(), timeZone, rolloverHour), timeZone, rolloverHour));
}

/**
 * The calendar date D naming the study day that contains `now` (start(D) <= now < start(D + 1)),
 * formatted "YYYY-MM-DD". Before the rollover hour this is the previous calendar date.
 */
export function studyDayLabel(now: Date, timeZone: string, rolloverHour: number): string {
  validate(now, timeZone, rolloverHour);
  const { year, month, day } = studyDateOf(now.getTime(), timeZone, rolloverHour);
  const y = year < 0 ? `-${String(-year).padStart(6, '0')}` : year > 9999 ? `+${String(year).padStart(6, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The instant at which the study day `days` after the one containing `dayStart` begins:
 * start(D + days) where D is the study day of `dayStart`.
 *
 * Days are counted on the calendar, not as 24 h: across a DST change the result is still the
 * rollover hour in local wall time (23 h or 25 h after the previous start).
 * `days` may be 0 (the start of the same study day) or negative.
 *
 * @param days integer; |days| bounded only by the Date range (±8.64e15 ms)
 * @throws RangeError for an invalid date, time zone, rollover hour, non-integer `days`,
 *   or a result outside the Date range
 */
export function addStudyDays(dayStart: Date, days: number, timeZone: string, rolloverHour: number): Date {
  validate(dayStart, timeZone, rolloverHour);
  if (typeof days !== 'number' || !Number.isSafeInteger(days)) {
    throw new RangeError(`Invalid number of study days ${String(days)}: expected an integer`);
  }
  const from = studyDateOf(dayStart.getTime(), timeZone, rolloverHour);
  const target = addCalendarDays(from, days);
  const result = new Date(startOf(target, timeZone, rolloverHour));
  if (Number.isNaN(result.getTime())) {
    throw new RangeError(`Study day ${days} days after ${dayStart.toISOString()} is outside the supported date range`);
  }
  return result;
}

function validate(date: Date, timeZone: string, rolloverHour: number): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`Invalid date ${String(date)}`);
  }
  assertTimeZone(timeZone);
  assertRolloverHour(rolloverHour);
}

/** The study date D with start(D) <= t < start(D + 1). */
function studyDateOf(t: number, timeZone: string, rolloverHour: number): CalendarDate {
  const local = wallTimeAt(t, timeZone);
  const today: CalendarDate = { year: local.year, month: local.month, day: local.day };
  // start(today) <= t  ⇒  today; otherwise t precedes today's rollover and belongs to yesterday.
  // start(D) is monotone in D and start(today − 1) <= t because local(t) is on `today`.
  return startOf(today, timeZone, rolloverHour) <= t ? today : addCalendarDays(today, -1);
}

/**
 * start(D) in epoch ms: the earliest instant t with local(t) >= W, W = D at rolloverHour:00.
 *
 * With w = W read as if UTC, each candidate is w − offset for an offset in force near W
 * (sampled one day either side, which brackets at most one transition for real zones).
 * A candidate is valid iff local(candidate) = W; the earliest valid one is start(D).
 * If none is valid W lies in a gap, and start(D) is the transition instant, found by
 * bisection on the predicate local(t) >= w between the two candidates.
 */
function startOf(date: CalendarDate, timeZone: string, rolloverHour: number): number {
  const w = utcMs(date.year, date.month, date.day, rolloverHour, 0, 0);
  const offsets = [offsetAt(w - MS_PER_DAY, timeZone), offsetAt(w + MS_PER_DAY, timeZone)];
  const candidates = offsets.map((o) => w - o).sort((a, b) => a - b);
  for (const c of candidates) {
    if (localMs(c, timeZone) === w) return c;
  }
  // Gap: local(lo) < w <= local(hi); keep that invariant while halving [lo, hi].
  let lo = candidates[0];
  let hi = candidates[candidates.length - 1];
  if (!(localMs(lo, timeZone) < w && localMs(hi, timeZone) >= w)) {
    // Not reachable with real tz data; fall back to the plain offset so the result is still defined.
    return w - offsetAt(w, timeZone);
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (localMs(mid, timeZone) >= w) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** local(t) as epoch ms of the same wall-clock reading in UTC. */
function localMs(t: number, timeZone: string): number {
  return t + offsetAt(t, timeZone);
}

/** UTC offset in ms at instant t: local wall time minus t (sub-second part ignored). */
function offsetAt(t: number, timeZone: string): number {
  const p = wallTimeAt(t, timeZone);
  const wholeSecond = Math.floor(t / MS_PER_SECOND) * MS_PER_SECOND;
  return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

function wallTimeAt(t: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((x) => x.type === type);
    return part === undefined ? NaN : Number(part.value);
  };
  const era = parts.find((x) => x.type === 'era')?.value;
  const yearOfEra = get('year');
  // en-US eras: "AD"/"BC" (or "A"/"B" narrow); 1 BC is astronomical year 0.
  const year = era !== undefined && era.startsWith('B') ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24, // some ICU versions print midnight as "24" even with h23
    minute: get('minute'),
    second: get('second'),
  };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Epoch ms of a proleptic-Gregorian UTC date-time; unlike Date.UTC, years 0..99 are literal. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day + days);
  if (Number.isNaN(d.getTime())) {
    throw new RangeError(`Date ${days} days after ${date.year}-${date.month}-${date.day} is outside the supported range`);
  }
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
