import { describe, expect, it } from 'vitest';
import { answerCard, newCardSnapshot, previewIntervals, type SchedulerSettings } from '../../lib/srs/answer';
import { answerFsrs } from '../../lib/srs/fsrs';
import { activeSchedule, answerSchedules, previewSchedule, type CardSchedules } from '../../lib/srs/scheduler';

const UTC4: SchedulerSettings = { timeZone: 'UTC', rolloverHour: 4 };
const DAY1 = new Date('2024-01-15T10:00:00Z');
const DAY5 = new Date('2024-01-19T10:00:00Z');
const fresh = (): CardSchedules => ({ sm2: newCardSnapshot(DAY1), fsrs: null });

describe('both schedulers learn from every answer', () => {
  it('answers SM-2 and FSRS alike, FSRS reading its last review from SM-2\'s snapshot', () => {
    const once = answerSchedules(fresh(), 4, DAY1, UTC4);
    expect(once.sm2).toEqual(answerCard(newCardSnapshot(DAY1), 4, DAY1, UTC4).next);
    expect(once.fsrs).toEqual(answerFsrs(null, null, 4, DAY1, UTC4));
    const twice = answerSchedules(once, 5, DAY5, UTC4);
    expect(twice.fsrs).toEqual(answerFsrs(once.fsrs, DAY1, 5, DAY5, UTC4));
  });

  it.each([
    ['sm2', { due: '2024-01-16T04:00:00.000Z', intervalDays: 1 }],
    ['fsrs', { due: '2024-01-18T04:00:00.000Z', intervalDays: 3 }],
  ] as const)('the %s due date and interval are the active ones', (scheduler, expected) => {
    const s = answerSchedules(fresh(), 4, DAY1, UTC4);
    const { due, intervalDays } = activeSchedule(s, scheduler);
    expect({ due: due.toISOString(), intervalDays }).toEqual(expected);
  });

  it('FSRS falls back to SM-2\'s schedule for a card it has no memory of', () => {
    const sm2Only: CardSchedules = { sm2: answerCard(newCardSnapshot(DAY1), 4, DAY1, UTC4).next, fsrs: null };
    expect(activeSchedule(sm2Only, 'fsrs')).toEqual(activeSchedule(sm2Only, 'sm2'));
    expect(previewSchedule(sm2Only, DAY5, 'fsrs', UTC4)).toEqual(previewSchedule(sm2Only, DAY5, 'sm2', UTC4));
  });

  it('a new card\'s buttons show the active scheduler\'s intervals', () => {
    expect(previewSchedule(fresh(), DAY1, 'sm2', UTC4)).toEqual(previewIntervals(newCardSnapshot(DAY1)));
    // FSRS-6 default weights: initial stabilities 0.21, 1.29, 2.31, 8.30 days, kept strictly increasing.
    expect(previewSchedule(fresh(), DAY1, 'fsrs', UTC4)).toEqual({ 0: 1, 1: 1, 2: 1, 3: 2, 4: 3, 5: 8 });
  });
});
