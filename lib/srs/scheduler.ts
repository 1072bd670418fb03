import { answerCard, previewIntervals, type ReviewSnapshot, type SchedulerSettings } from './answer';
import { answerFsrs, previewFsrsIntervals, type FsrsMemory } from './fsrs';
import type { Grade } from './sm2';

/**
 * The learner picks which scheduler sets due dates: SM-2 (the default) or FSRS. Every answer
 * updates both models, so switching either way loses nothing and needs no replay afterwards;
 * the queue reads only the active one's due date.
 */
export const SCHEDULERS = ['sm2', 'fsrs'] as const;
export type SchedulerName = (typeof SCHEDULERS)[number];
export const DEFAULT_SCHEDULER: SchedulerName = 'sm2';

/**
 * Both models' state for one card. `fsrs` is null until FSRS has seen an answer to the card
 * (its first answer, or a replay of its log); FSRS's last review is `sm2.lastReviewedAt`, which
 * both models set on every answer that changes the schedule.
 */
export interface CardSchedules {
  sm2: ReviewSnapshot;
  fsrs: FsrsMemory | null;
}

/** Applies one answer to both models. `prev.fsrs` must reflect every earlier answer (see replayFsrs). */
export function answerSchedules(prev: CardSchedules, grade: Grade, now: Date, settings: SchedulerSettings): CardSchedules {
  return {
    sm2: answerCard(prev.sm2, grade, now, settings).next,
    fsrs: answerFsrs(prev.fsrs, prev.sm2.lastReviewedAt, grade, now, settings),
  };
}

/** The due date and interval the active scheduler gives; SM-2's while FSRS has no memory of the card. */
export function activeSchedule(s: CardSchedules, scheduler: SchedulerName): { due: Date; intervalDays: number } {
  if (scheduler === 'fsrs' && s.fsrs !== null) return { due: s.fsrs.due, intervalDays: s.fsrs.scheduledDays };
  return { due: s.sm2.due, intervalDays: s.sm2.intervalDays };
}

/** The interval each grade would give under the active scheduler (for labelling the buttons). */
export function previewSchedule(
  s: CardSchedules,
  now: Date,
  scheduler: SchedulerName,
  settings: SchedulerSettings,
): Record<Grade, number> {
  if (scheduler === 'fsrs' && (s.fsrs !== null || s.sm2.lastReviewedAt === null)) {
    return previewFsrsIntervals(s.fsrs, s.sm2.lastReviewedAt, now, settings);
  }
  return previewIntervals(s.sm2);
}
