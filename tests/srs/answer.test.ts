import { describe, it, expect } from 'vitest';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  answerCard,
  newCardSnapshot,
  previewIntervals,
  type ReviewSnapshot,
  type SchedulerSettings,
} from '../../lib/srs/answer';
import { REVIEW_BUTTONS, buttonForGrade, buttonForKey } from '../../lib/srs/grades';
import type { Grade } from '../../lib/srs/sm2';

const at = (iso: string): Date => new Date(iso);
const NY: SchedulerSettings = { timeZone: 'America/New_York', rolloverHour: 4 };
const HCM: SchedulerSettings = { timeZone: 'Asia/Ho_Chi_Minh', rolloverHour: 4 };

function snapshot(over: Partial<ReviewSnapshot>): ReviewSnapshot {
  return {
    repetitions: 0,
    intervalDays: 0,
    easeFactor: 2.5,
    due: at('2024-01-01T00:00:00Z'),
    lapses: 0,
    lastReviewedAt: null,
    ...over,
  };
}

describe('newCardSnapshot', () => {
  it('is due immediately with the SM-2 starting state', () => {
    const now = at('2024-01-15T10:00:00Z');
    const s = newCardSnapshot(now);
    expect(s).toEqual({
      repetitions: 0,
      intervalDays: 0,
      easeFactor: 2.5,
      due: now,
      lapses: 0,
      lastReviewedAt: null,
    });
    expect(s.due).not.toBe(now);
  });

  it('rejects an invalid date', () => {
    expect(() => newCardSnapshot(new Date(NaN))).toThrow(RangeError);
  });
});

describe('answerCard due dates', () => {
  it.each<[string, ReviewSnapshot, Grade, string, SchedulerSettings | undefined, Partial<ReviewSnapshot>]>([
    // [case, prev, grade, now, settings, expected fields of next]
    [
      'new card, Good, mid-morning UTC: due at the next 04:00',
      newCardSnapshot(at('2024-01-15T09:00:00Z')), 4, '2024-01-15T10:00:00Z', undefined,
      { repetitions: 1, intervalDays: 1, easeFactor: 2.5, due: at('2024-01-16T04:00:00Z') },
    ],
    [
      'new card answered at 02:00 UTC belongs to the previous study day: due 2 h later',
      newCardSnapshot(at('2024-01-15T01:00:00Z')), 4, '2024-01-15T02:00:00Z', undefined,
      { repetitions: 1, intervalDays: 1, due: at('2024-01-15T04:00:00Z') },
    ],
    [
      'new card, Again: tomorrow as well',
      newCardSnapshot(at('2024-01-15T09:00:00Z')), 1, '2024-01-15T23:59:00Z', undefined,
      { repetitions: 0, intervalDays: 1, easeFactor: 1.96, due: at('2024-01-16T04:00:00Z') },
    ],
    [
      'second success: 6 days',
      snapshot({ repetitions: 1, intervalDays: 1, easeFactor: 2.5 }), 4, '2024-01-16T15:00:00Z', undefined,
      { repetitions: 2, intervalDays: 6, due: at('2024-01-22T04:00:00Z') },
    ],
    [
      'third success: ceil(6 × 2.5) = 15 days, across a month end',
      snapshot({ repetitions: 2, intervalDays: 6, easeFactor: 2.5 }), 4, '2024-01-20T15:00:00Z', undefined,
      { repetitions: 3, intervalDays: 15, due: at('2024-02-04T04:00:00Z') },
    ],
    [
      'mature card, Easy: ceil(218 × 1.8) = 393 days',
      snapshot({ repetitions: 10, intervalDays: 218, easeFactor: 1.8 }), 5, '2024-01-01T12:00:00Z', undefined,
      { repetitions: 11, intervalDays: 393, easeFactor: 1.9, due: at('2025-01-28T04:00:00Z') },
    ],
    [
      'explicit default settings behave like the default',
      newCardSnapshot(at('2024-01-15T09:00:00Z')), 5, '2024-01-15T10:00:00Z', DEFAULT_SCHEDULER_SETTINGS,
      { intervalDays: 1, easeFactor: 2.6, due: at('2024-01-16T04:00:00Z') },
    ],
    [
      'New York, answered the evening before spring-forward: due 04:00 EDT',
      newCardSnapshot(at('2024-03-09T20:00:00Z')), 4, '2024-03-09T20:00:00Z', NY,
      { intervalDays: 1, due: at('2024-03-10T08:00:00Z') },
    ],
    [
      'New York, 6 days spanning spring-forward: due 04:00 EDT',
      snapshot({ repetitions: 1, intervalDays: 1 }), 4, '2024-03-05T15:00:00Z', NY,
      { intervalDays: 6, due: at('2024-03-11T08:00:00Z') },
    ],
    [
      'New York, 01:00 local (06:00Z) still belongs to the previous study day',
      newCardSnapshot(at('2024-01-15T06:00:00Z')), 4, '2024-01-15T06:00:00Z', NY,
      { intervalDays: 1, due: at('2024-01-15T09:00:00Z') },
    ],
    [
      'Ho Chi Minh, answered at 03:00 local: due at 04:00 local, one hour later',
      newCardSnapshot(at('2024-06-01T20:00:00Z')), 5, '2024-06-01T20:00:00Z', HCM,
      { intervalDays: 1, due: at('2024-06-01T21:00:00Z') },
    ],
    [
      'Ho Chi Minh, answered at 05:00 local: due at 04:00 local tomorrow',
      newCardSnapshot(at('2024-06-01T22:00:00Z')), 5, '2024-06-01T22:00:00Z', HCM,
      { intervalDays: 1, due: at('2024-06-02T21:00:00Z') },
    ],
  ])('%s', (_name, prev, grade, now, settings, expected) => {
    const { next } = answerCard(prev, grade, at(now), settings);
    expect(next).toMatchObject(expected);
    expect(next.lastReviewedAt).toEqual(at(now));
  });
});

describe('answerCard lapses', () => {
  it('counts a lapse only when a learned card (repetitions > 0) is failed', () => {
    const steps: [Grade, { repetitions: number; lapses: number }][] = [
      [1, { repetitions: 0, lapses: 0 }], // failing a new card is not a lapse
      [4, { repetitions: 1, lapses: 0 }],
      [4, { repetitions: 2, lapses: 0 }],
      [1, { repetitions: 0, lapses: 1 }], // learned card forgotten
      [0, { repetitions: 0, lapses: 1 }], // failing again while relearning is not a new lapse
      [3, { repetitions: 1, lapses: 1 }],
      [2, { repetitions: 0, lapses: 2 }], // grade 2 is a failure too
      [5, { repetitions: 1, lapses: 2 }],
      [5, { repetitions: 2, lapses: 2 }],
      [5, { repetitions: 3, lapses: 2 }],
      [3, { repetitions: 4, lapses: 2 }], // grade 3 passes
      [0, { repetitions: 0, lapses: 3 }],
    ];
    let s = newCardSnapshot(at('2024-01-01T10:00:00Z'));
    let now = Date.UTC(2024, 0, 1, 10);
    steps.forEach(([grade, expected], i) => {
      now += 86_400_000;
      s = answerCard(s, grade, new Date(now)).next;
      expect({ step: i + 1, repetitions: s.repetitions, lapses: s.lapses }).toEqual({ step: i + 1, ...expected });
    });
  });

  it('preserves an existing lapse count on success', () => {
    const prev = snapshot({ repetitions: 3, intervalDays: 16, easeFactor: 2.0, lapses: 7 });
    expect(answerCard(prev, 4, at('2024-02-01T12:00:00Z')).next.lapses).toBe(7);
    expect(answerCard(prev, 1, at('2024-02-01T12:00:00Z')).next.lapses).toBe(8);
  });
});

describe('answerCard before/after', () => {
  it('returns a copy of the previous snapshot and does not modify it', () => {
    const prev = snapshot({
      repetitions: 2,
      intervalDays: 6,
      easeFactor: 2.5,
      due: at('2024-01-22T04:00:00Z'),
      lapses: 1,
      lastReviewedAt: at('2024-01-16T15:00:00Z'),
    });
    const frozen = structuredClone(prev);
    const { next, before } = answerCard(prev, 3, at('2024-01-22T18:00:00Z'));
    expect(before).toEqual(frozen);
    expect(before).not.toBe(prev);
    expect(before.due).not.toBe(prev.due);
    expect(prev).toEqual(frozen);
    expect(next).toEqual({
      repetitions: 3,
      intervalDays: 15,
      easeFactor: 2.36,
      due: at('2024-02-06T04:00:00Z'),
      lapses: 1,
      lastReviewedAt: at('2024-01-22T18:00:00Z'),
    });
  });
});

describe('answerCard validation', () => {
  const prev = newCardSnapshot(at('2024-01-01T00:00:00Z'));
  const now = at('2024-01-02T00:00:00Z');

  it.each<[string, () => unknown]>([
    ['grade 6', () => answerCard(prev, 6 as Grade, now)],
    ['grade 2.5', () => answerCard(prev, 2.5 as Grade, now)],
    ['grade "4"', () => answerCard(prev, '4' as unknown as Grade, now)],
    ['invalid now', () => answerCard(prev, 4, new Date(NaN))],
    ['invalid time zone', () => answerCard(prev, 4, now, { timeZone: 'Nowhere/Special', rolloverHour: 4 })],
    ['rollover hour 24', () => answerCard(prev, 4, now, { timeZone: 'UTC', rolloverHour: 24 })],
    ['negative lapses', () => answerCard({ ...prev, lapses: -1 }, 4, now)],
    ['invalid due', () => answerCard({ ...prev, due: new Date(NaN) }, 4, now)],
    ['ease below 1.3', () => answerCard({ ...prev, easeFactor: 1.1 }, 4, now)],
    ['fractional interval', () => answerCard({ ...prev, repetitions: 2, intervalDays: 2.5 }, 4, now)],
  ])('rejects %s with a RangeError', (_name, fn) => {
    expect(fn).toThrow(RangeError);
  });
});

describe('previewIntervals', () => {
  it.each<[string, ReviewSnapshot, Record<Grade, number>]>([
    ['new card', newCardSnapshot(at('2024-01-01T00:00:00Z')), { 0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }],
    ['after one success', snapshot({ repetitions: 1, intervalDays: 1 }), { 0: 1, 1: 1, 2: 1, 3: 6, 4: 6, 5: 6 }],
    ['interval 6, ease 2.5', snapshot({ repetitions: 2, intervalDays: 6, easeFactor: 2.5 }), { 0: 1, 1: 1, 2: 1, 3: 15, 4: 15, 5: 15 }],
    ['interval 44, ease 2.7', snapshot({ repetitions: 4, intervalDays: 44, easeFactor: 2.7 }), { 0: 1, 1: 1, 2: 1, 3: 119, 4: 119, 5: 119 }],
    ['interval 90, ease 2.7 (exact, not 244)', snapshot({ repetitions: 5, intervalDays: 90, easeFactor: 2.7 }), { 0: 1, 1: 1, 2: 1, 3: 243, 4: 243, 5: 243 }],
  ])('%s', (_name, prev, expected) => {
    expect(previewIntervals(prev)).toEqual(expected);
  });

  it('matches the interval answerCard would schedule for every grade', () => {
    const prev = snapshot({ repetitions: 3, intervalDays: 16, easeFactor: 2.36 });
    const preview = previewIntervals(prev);
    for (const g of [0, 1, 2, 3, 4, 5] as const) {
      expect(answerCard(prev, g, at('2024-05-05T12:00:00Z')).next.intervalDays).toBe(preview[g]);
    }
  });

  it('rejects an invalid snapshot', () => {
    expect(() => previewIntervals(snapshot({ repetitions: -1 }))).toThrow(RangeError);
  });
});

describe('REVIEW_BUTTONS', () => {
  it('maps the four buttons to SM-2 grades', () => {
    expect(REVIEW_BUTTONS.map((b) => [b.key, b.label, b.grade])).toEqual([
      ['1', 'Again', 1],
      ['2', 'Hard', 3],
      ['3', 'Good', 4],
      ['4', 'Easy', 5],
    ]);
  });

  it.each<[string, string | undefined]>([
    ['1', 'Again'],
    ['2', 'Hard'],
    ['3', 'Good'],
    ['4', 'Easy'],
    ['5', undefined],
    ['0', undefined],
    ['', undefined],
    ['a', undefined],
  ])('buttonForKey(%j) is %s', (key, label) => {
    expect(buttonForKey(key)?.label).toBe(label);
  });

  it.each<[Grade, string | undefined]>([
    [0, undefined],
    [1, 'Again'],
    [2, undefined],
    [3, 'Hard'],
    [4, 'Good'],
    [5, 'Easy'],
  ])('buttonForGrade(%i) is %s', (grade, label) => {
    expect(buttonForGrade(grade)?.label).toBe(label);
  });

  it('only Again fails a card', () => {
    expect(REVIEW_BUTTONS.filter((b) => b.grade < 3).map((b) => b.label)).toEqual(['Again']);
  });
});
