import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from './answer';
import { DEFAULT_SCHEDULER, type SchedulerName } from './scheduler';

/** Everything that shapes one learner's daily queue (Anki's deck options, trimmed). */
export interface StudySettings extends SchedulerSettings {
  /** New cards that may be started per study day; integer >= 0. */
  newPerDay: number;
  /** Scheduled reviews per study day (re-drills not counted); integer >= 0. */
  reviewsPerDay: number;
  /** Once a card is answered, other cards of its concept wait until the next study day. */
  burySiblings: boolean;
  /** Lapses at which a card is suspended as a leech; integer >= 1. */
  leechLapses: number;
  /** Which scheduler sets due dates (both are always kept up to date). */
  scheduler: SchedulerName;
}

export const DEFAULT_NEW_PER_DAY = 20;
export const DEFAULT_REVIEWS_PER_DAY = 200;
export const DEFAULT_LEECH_LAPSES = 8;
/** Upper bounds for the settings form: beyond these a "day" of study stops being meaningful. */
export const MAX_CARDS_PER_DAY = 9999;
export const MAX_LEECH_LAPSES = 99;

export const DEFAULT_STUDY_SETTINGS: StudySettings = Object.freeze({
  ...DEFAULT_SCHEDULER_SETTINGS,
  newPerDay: DEFAULT_NEW_PER_DAY,
  reviewsPerDay: DEFAULT_REVIEWS_PER_DAY,
  burySiblings: true,
  leechLapses: DEFAULT_LEECH_LAPSES,
  scheduler: DEFAULT_SCHEDULER,
}) as StudySettings;
