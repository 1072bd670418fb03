import { describe, expect, it } from 'vitest';
import {
  buildForecast,
  buildHeatmap,
  forecastRanges,
  HEATMAP_WEEKS,
  heatmapRanges,
  overallRetention,
  studyDayRanges,
  weekdayOf,
  weeklyRetention,
  type DayCounts,
  type DayRange,
} from '@/lib/stats/calendar';
import { addStudyDays, studyDayLabel, studyDayStart } from '@/lib/srs/study-day';

const UTC4 = { timeZone: 'UTC', rolloverHour: 4 };
const reviews = (n: number): DayCounts => ({ reviews: n, matureReviews: 0, maturePassed: 0 });

/** Seven-day weeks of ranges from a Monday, labelled only (the shaping reads dates, not instants). */
function daysFrom(monday: string, count: number): DayRange[] {
  const start = Date.parse(`${monday}T04:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    start: new Date(start + i * 86_400_000),
    end: new Date(start + (i + 1) * 86_400_000),
  }));
}

describe('study-day ranges', () => {
  it.each([
    // [zone, rollover, now, first day's date, its start, its length in hours]
    ['UTC', 4, '2025-06-15T12:00:00Z', '2025-06-15', '2025-06-15T04:00:00.000Z', 24],
    ['UTC', 4, '2025-06-15T03:59:00Z', '2025-06-14', '2025-06-14T04:00:00.000Z', 24],
    ['Europe/Berlin', 4, '2025-03-29T10:00:00Z', '2025-03-29', '2025-03-29T03:00:00.000Z', 23], // clocks go forward that night
    ['Europe/Berlin', 4, '2025-10-25T10:00:00Z', '2025-10-25', '2025-10-25T02:00:00.000Z', 25], // and back
    ['Asia/Kathmandu', 0, '2025-06-15T12:00:00Z', '2025-06-15', '2025-06-14T18:15:00.000Z', 24],
  ])('%s rollover %i at %s: the day is %s from %s, %i h', (timeZone, rolloverHour, now, date, start, hours) => {
    const [day] = studyDayRanges(new Date(now), { timeZone, rolloverHour }, 0, 1);
    expect(day.date).toBe(date);
    expect(day.start.toISOString()).toBe(start);
    expect((day.end.getTime() - day.start.getTime()) / 3_600_000).toBe(hours);
  });

  it('chains days without gaps, forwards and backwards', () => {
    const days = studyDayRanges(new Date('2025-06-15T12:00:00Z'), UTC4, -3, 5);
    expect(days.map((d) => d.date)).toEqual(['2025-06-12', '2025-06-13', '2025-06-14', '2025-06-15', '2025-06-16']);
    for (let i = 1; i < days.length; i++) expect(days[i].start).toEqual(days[i - 1].end);
  });

  it.each([
    ['2025-06-16', 0],
    ['2025-06-15', 6],
    ['2024-02-29', 3],
  ])('%s is weekday %i (Monday 0)', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([
    ['a Sunday', '2025-06-15T12:00:00Z', 6],
    ['a Monday', '2025-06-16T12:00:00Z', 0],
    ['a Wednesday before the rollover (still Tuesday)', '2025-06-18T02:00:00Z', 1],
  ])('the heatmap starts on a Monday %i weeks back and ends today, on %s', (_, now, weekday) => {
    const days = heatmapRanges(new Date(now), UTC4);
    expect(weekdayOf(days[0].date)).toBe(0);
    expect(days.length).toBe(HEATMAP_WEEKS * 7 + weekday + 1);
    expect(days.at(-1)!.start.getTime()).toBeLessThanOrEqual(Date.parse(now));
    expect(days.at(-1)!.end.getTime()).toBeGreaterThan(Date.parse(now));
  });

  it('the forecast covers 30 days from today', () => {
    const days = forecastRanges(new Date('2025-06-15T12:00:00Z'), UTC4);
    expect(days).toHaveLength(30);
    expect(days[0].date).toBe('2025-06-15');
    expect(buildForecast(days, [5, 2]).slice(0, 3)).toEqual([
      { date: '2025-06-15', day: 0, due: 5 },
      { date: '2025-06-16', day: 1, due: 2 },
      { date: '2025-06-17', day: 2, due: 0 },
    ]);
  });
});

describe('heatmap', () => {
  it.each([
    // [counts per day from a Monday, levels, streak, weeks' lengths]
    [[0, 0, 0], [0, 0, 0], 0, [3]],
    [[4, 1, 2, 3, 0, 0, 0, 8], [2, 1, 1, 2, 0, 0, 0, 4], 1, [7, 1]],
    [[1, 1, 0, 1, 1], [4, 4, 0, 4, 4], 2, [5]],
    [[1, 1, 1, 1, 0], [4, 4, 4, 4, 0], 4, [5]], // today without reviews yet keeps yesterday's streak
  ])('%j gives levels %j and a streak of %i', (counts, levels, streak, weekLengths) => {
    const heatmap = buildHeatmap(daysFrom('2025-06-16', counts.length), counts.map(reviews));
    expect(heatmap.weeks.flat().map((c) => c.level)).toEqual(levels);
    expect(heatmap.streak).toBe(streak);
    expect(heatmap.weeks.map((w) => w.length)).toEqual(weekLengths);
    expect(heatmap.total).toBe(counts.reduce((a, b) => a + b, 0));
    expect(heatmap.activeDays).toBe(counts.filter((n) => n > 0).length);
  });
});

describe('true retention per week', () => {
  it('adds mature reviews up per Monday-first week and keeps the last weeks', () => {
    const days = daysFrom('2025-06-02', 15);
    const counts = days.map((_, i): DayCounts => (i === 0 ? { reviews: 9, matureReviews: 4, maturePassed: 3 } : i === 8 ? { reviews: 2, matureReviews: 2, maturePassed: 2 } : reviews(1)));
    expect(weeklyRetention(days, counts)).toEqual([
      { week: '2025-06-02', matureReviews: 4, passed: 3, retention: 0.75 },
      { week: '2025-06-09', matureReviews: 2, passed: 2, retention: 1 },
      { week: '2025-06-16', matureReviews: 0, passed: 0, retention: null },
    ]);
    expect(weeklyRetention(days, counts, 2).map((w) => w.week)).toEqual(['2025-06-09', '2025-06-16']);
    expect(overallRetention(weeklyRetention(days, counts))).toBe(5 / 6);
    expect(overallRetention([])).toBeNull();
  });
});

describe('a year of study days', () => {
  it.each([
    ['UTC', 4], ['Europe/Berlin', 4], ['Europe/Berlin', 2], ['America/New_York', 1], ['America/Santiago', 0],
    ['Australia/Lord_Howe', 2], ['Asia/Kathmandu', 4], ['Africa/Casablanca', 3], ['Pacific/Chatham', 3],
  ])('%s with rollover %i: each day starts where the study-day module says', (timeZone, rolloverHour) => {
    const now = new Date('2025-06-15T12:00:00Z');
    const days = studyDayRanges(now, { timeZone, rolloverHour }, -380, 420);
    days.forEach((day, i) => {
      const exact = addStudyDays(studyDayStart(now, timeZone, rolloverHour), i - 380, timeZone, rolloverHour);
      expect(day.start).toEqual(exact);
      expect(day.date).toBe(studyDayLabel(exact, timeZone, rolloverHour));
    });
  });
});
