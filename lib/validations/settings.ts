import { z } from 'zod';
import { SCHEDULERS } from '../srs/scheduler';
import { isValidTimeZone } from '../srs/study-day';
import { MAX_CARDS_PER_DAY, MAX_LEECH_LAPSES } from '../srs/study-settings';

/** An empty field is missing, not 0 (z.coerce.number would read "" as 0). */
const count = (what: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: `Enter a number of ${what}.` })
      .int(`Enter a whole number of ${what}.`)
      .min(min, `Use at least ${min} ${what}.`)
      .max(max, `Use at most ${max} ${what}.`),
  );

/** The settings form; fields arrive as strings from FormData, a checkbox as "on" or absent. */
export const studySettingsSchema = z.object({
  newPerDay: count('new cards', 0, MAX_CARDS_PER_DAY),
  reviewsPerDay: count('reviews', 0, MAX_CARDS_PER_DAY),
  rolloverHour: count('hours', 0, 23),
  timeZone: z.string().trim().refine(isValidTimeZone, 'Choose a time zone such as Europe/Berlin.'),
  burySiblings: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  leechLapses: count('lapses', 1, MAX_LEECH_LAPSES),
  scheduler: z.enum(SCHEDULERS, { error: 'Choose SM-2 or FSRS.' }),
});

export type StudySettingsInput = z.infer<typeof studySettingsSchema>;
