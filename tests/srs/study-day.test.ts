import { describe, it, expect } from 'vitest';
import { addStudyDays, isValidTimeZone, studyDayLabel, studyDayStart } from '../../lib/srs/study-day';

const at = (iso: string): Date => new Date(iso);
const NY = 'America/New_York';
const HCM = 'Asia/Ho_Chi_Minh';

describe('studyDayStart', () => {
  it.each<[string, string, string, number, string]>([
    // [case, now, timeZone, rolloverHour, expected start]
    ['UTC midday', '2024-03-10T12:00:00Z', 'UTC', 4, '2024-03-10T04:00:00.000Z'],
    ['UTC exactly at rollover belongs to the new day', '2024-03-10T04:00:00Z', 'UTC', 4, '2024-03-10T04:00:00.000Z'],
    ['UTC one ms before rollover belongs to the previous day', '2024-03-10T03:59:59.999Z', 'UTC', 4, '2024-03-09T04:00:00.000Z'],
    ['UTC 01:00 belongs to the previous day', '2024-03-10T01:00:00Z', 'UTC', 4, '2024-03-09T04:00:00.000Z'],
    ['UTC before rollover on the 1st goes back across month and year', '2025-01-01T02:00:00Z', 'UTC', 4, '2024-12-31T04:00:00.000Z'],
    ['UTC leap day', '2024-03-01T03:00:00Z', 'UTC', 4, '2024-02-29T04:00:00.000Z'],
    ['UTC rollover at midnight', '2024-03-10T00:00:00Z', 'UTC', 0, '2024-03-10T00:00:00.000Z'],
    ['UTC rollover at 23', '2024-03-10T22:59:59Z', 'UTC', 23, '2024-03-09T23:00:00.000Z'],
    // New York, EST (UTC−5) in winter, EDT (UTC−4) in summer
    ['New York winter afternoon', '2024-01-15T20:00:00Z', NY, 4, '2024-01-15T09:00:00.000Z'],
    ['New York summer afternoon', '2024-07-15T20:00:00Z', NY, 4, '2024-07-15T08:00:00.000Z'],
    ['New York 03:00 EDT on spring-forward day is still the previous day', '2024-03-10T07:00:00Z', NY, 4, '2024-03-09T09:00:00.000Z'],
    ['New York 04:00 EDT on spring-forward day starts the day', '2024-03-10T08:00:00Z', NY, 4, '2024-03-10T08:00:00.000Z'],
    ['New York fall-back day, 04:00 EST', '2024-11-03T12:00:00Z', NY, 4, '2024-11-03T09:00:00.000Z'],
    ['New York fall-back day, 03:30 EST is still the previous day', '2024-11-03T08:30:00Z', NY, 4, '2024-11-02T08:00:00.000Z'],
    // rollover hour skipped (02:00 does not exist on 2024-03-10): the day starts at the transition, 03:00 EDT
    ['New York rollover hour inside the DST gap', '2024-03-10T12:00:00Z', NY, 2, '2024-03-10T07:00:00.000Z'],
    ['New York just before the DST gap', '2024-03-10T06:59:59Z', NY, 2, '2024-03-09T07:00:00.000Z'],
    // rollover hour repeated (01:00 occurs twice on 2024-11-03): the first occurrence, 01:00 EDT
    ['New York first 01:30 (EDT) in the repeated hour', '2024-11-03T05:30:00Z', NY, 1, '2024-11-03T05:00:00.000Z'],
    ['New York second 01:30 (EST) in the repeated hour', '2024-11-03T06:30:00Z', NY, 1, '2024-11-03T05:00:00.000Z'],
    ['New York 00:59 EDT before the repeated hour', '2024-11-03T04:59:00Z', NY, 1, '2024-11-02T05:00:00.000Z'],
    // Ho Chi Minh City, UTC+7, no DST: 04:00 local = 21:00Z the previous UTC date
    ['Ho Chi Minh 03:00 local is the previous study day', '2024-06-01T20:00:00Z', HCM, 4, '2024-05-31T21:00:00.000Z'],
    ['Ho Chi Minh 04:30 local', '2024-06-01T21:30:00Z', HCM, 4, '2024-06-01T21:00:00.000Z'],
    ['Ho Chi Minh 10:00 local', '2024-06-02T03:00:00Z', HCM, 4, '2024-06-01T21:00:00.000Z'],
    // Half-hour DST shift: Lord Howe jumps 02:00 (+10:30) -> 02:30 (+11) on 2024-10-06
    ['Lord Howe rollover hour inside a 30-minute gap', '2024-10-06T12:00:00Z', 'Australia/Lord_Howe', 2, '2024-10-05T15:30:00.000Z'],
    // Santiago skips local midnight on 2024-09-08 (00:00 −04 -> 01:00 −03)
    ['Santiago rollover at a skipped midnight', '2024-09-08T12:00:00Z', 'America/Santiago', 0, '2024-09-08T04:00:00.000Z'],
  ])('%s', (_name, now, timeZone, rolloverHour, expected) => {
    expect(studyDayStart(at(now), timeZone, rolloverHour).toISOString()).toBe(expected);
  });

  it('is idempotent: the start of a study day is in that same study day', () => {
    for (const [tz, h] of [['UTC', 4], [NY, 4], [NY, 2], [NY, 1], [HCM, 4]] as const) {
      for (let t = Date.UTC(2024, 2, 8); t < Date.UTC(2024, 2, 12); t += 37 * 60_000) {
        const start = studyDayStart(new Date(t), tz, h);
        expect(start.getTime()).toBeLessThanOrEqual(t);
        expect(studyDayStart(start, tz, h).getTime()).toBe(start.getTime());
        expect(addStudyDays(start, 1, tz, h).getTime()).toBeGreaterThan(t);
      }
    }
  });

  it('does not modify its argument', () => {
    const now = at('2024-03-10T01:00:00Z');
    studyDayStart(now, 'UTC', 4);
    expect(now.toISOString()).toBe('2024-03-10T01:00:00.000Z');
  });
});

describe('studyDayLabel', () => {
  it.each<[string, string, number, string]>([
    ['2024-03-10T03:59:59Z', 'UTC', 4, '2024-03-09'],
    ['2024-03-10T04:00:00Z', 'UTC', 4, '2024-03-10'],
    ['2024-06-01T20:00:00Z', HCM, 4, '2024-06-01'], // 2024-06-02 03:00 local
    ['2024-06-01T21:00:00Z', HCM, 4, '2024-06-02'], // 2024-06-02 04:00 local
    ['2024-11-03T06:30:00Z', NY, 1, '2024-11-03'],
  ])('%s in %s with rollover %i is %s', (now, tz, h, expected) => {
    expect(studyDayLabel(at(now), tz, h)).toBe(expected);
  });
});

describe('addStudyDays', () => {
  it.each<[string, string, number, string, number, string]>([
    // [case, dayStart, days, timeZone, rolloverHour, expected]
    ['UTC next day', '2024-03-10T04:00:00Z', 1, 'UTC', 4, '2024-03-11T04:00:00.000Z'],
    ['UTC zero days is the same start', '2024-03-10T04:00:00Z', 0, 'UTC', 4, '2024-03-10T04:00:00.000Z'],
    ['UTC six days', '2024-03-10T04:00:00Z', 6, 'UTC', 4, '2024-03-16T04:00:00.000Z'],
    ['UTC across a leap day', '2024-02-28T04:00:00Z', 2, 'UTC', 4, '2024-03-01T04:00:00.000Z'],
    ['UTC a year of 393 days', '2024-01-01T04:00:00Z', 393, 'UTC', 4, '2025-01-28T04:00:00.000Z'],
    ['UTC negative days', '2024-03-01T04:00:00Z', -1, 'UTC', 4, '2024-02-29T04:00:00.000Z'],
    ['UTC from a mid-day instant counts from its study day', '2024-03-10T02:00:00Z', 1, 'UTC', 4, '2024-03-10T04:00:00.000Z'],
    // spring forward: the study day of 2024-03-09 lasts 23 h
    ['New York across spring-forward', '2024-03-09T09:00:00Z', 1, NY, 4, '2024-03-10T08:00:00.000Z'],
    ['New York across spring-forward, 6 days', '2024-03-05T09:00:00Z', 6, NY, 4, '2024-03-11T08:00:00.000Z'],
    // fall back: the study day of 2024-11-02 lasts 25 h
    ['New York across fall-back', '2024-11-02T08:00:00Z', 1, NY, 4, '2024-11-03T09:00:00.000Z'],
    ['New York back across spring-forward', '2024-03-10T08:00:00Z', -1, NY, 4, '2024-03-09T09:00:00.000Z'],
    ['New York 393 days lands at 04:00 local', '2024-01-01T09:00:00Z', 393, NY, 4, '2025-01-28T09:00:00.000Z'],
    ['New York into the DST gap', '2024-03-09T07:00:00Z', 1, NY, 2, '2024-03-10T07:00:00.000Z'],
    ['New York out of the DST gap', '2024-03-10T07:00:00Z', 1, NY, 2, '2024-03-11T06:00:00.000Z'],
    ['Ho Chi Minh next day', '2024-05-31T21:00:00Z', 1, HCM, 4, '2024-06-01T21:00:00.000Z'],
    ['Ho Chi Minh 30 days', '2024-05-31T21:00:00Z', 30, HCM, 4, '2024-06-30T21:00:00.000Z'],
  ])('%s', (_name, start, days, timeZone, rolloverHour, expected) => {
    expect(addStudyDays(at(start), days, timeZone, rolloverHour).toISOString()).toBe(expected);
  });

  it('the New York study days around DST last 23 h and 25 h', () => {
    const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;
    const mar9 = at('2024-03-09T09:00:00Z');
    const nov2 = at('2024-11-02T08:00:00Z');
    expect(hours(mar9, addStudyDays(mar9, 1, NY, 4))).toBe(23);
    expect(hours(nov2, addStudyDays(nov2, 1, NY, 4))).toBe(25);
  });

  it('Samoa skipped 2011-12-30 entirely: that study day starts at the transition', () => {
    // Pacific/Apia went from 2011-12-29 24:00 (UTC−10) straight to 2011-12-31 00:00 (UTC+14).
    const dec29 = at('2011-12-29T14:00:00Z'); // 04:00 local, UTC−10
    expect(addStudyDays(dec29, 1, 'Pacific/Apia', 4).toISOString()).toBe('2011-12-30T10:00:00.000Z');
    expect(addStudyDays(dec29, 2, 'Pacific/Apia', 4).toISOString()).toBe('2011-12-30T14:00:00.000Z');
  });

  it('rejects a non-integer number of days', () => {
    expect(() => addStudyDays(at('2024-03-10T04:00:00Z'), 1.5, 'UTC', 4)).toThrow(RangeError);
    expect(() => addStudyDays(at('2024-03-10T04:00:00Z'), NaN, 'UTC', 4)).toThrow(RangeError);
  });

  it('rejects a result outside the Date range', () => {
    expect(() => addStudyDays(at('2024-03-10T04:00:00Z'), 200_000_000, 'UTC', 4)).toThrow(RangeError);
  });
});

describe('validation', () => {
  it.each(['Mars/Olympus', 'America/Atlantis', '', 'EST5EDT6'])('rejects time zone %j with a RangeError naming it', (tz) => {
    expect(() => studyDayStart(at('2024-03-10T12:00:00Z'), tz, 4)).toThrow(RangeError);
    expect(() => studyDayStart(at('2024-03-10T12:00:00Z'), tz, 4)).toThrow(JSON.stringify(tz));
    expect(() => addStudyDays(at('2024-03-10T12:00:00Z'), 1, tz, 4)).toThrow(RangeError);
    expect(isValidTimeZone(tz)).toBe(false);
  });

  it.each(['UTC', NY, HCM, 'Europe/Berlin'])('accepts time zone %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each([-1, 24, 3.5, NaN, Infinity])('rejects rollover hour %s', (h) => {
    expect(() => studyDayStart(at('2024-03-10T12:00:00Z'), 'UTC', h)).toThrow(RangeError);
    expect(() => addStudyDays(at('2024-03-10T12:00:00Z'), 1, 'UTC', h)).toThrow(RangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => studyDayStart(new Date(NaN), 'UTC', 4)).toThrow(RangeError);
  });
});
