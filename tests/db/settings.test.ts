import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_STUDY_SETTINGS } from '@/lib/srs/study-settings';
import { studySettingsSchema } from '@/lib/validations/settings';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

const form = { newPerDay: '20', reviewsPerDay: '200', rolloverHour: '4', timeZone: 'Europe/Berlin', burySiblings: 'on', leechLapses: '8', scheduler: 'fsrs' };

describe('the settings form schema', () => {
  it('reads FormData strings and a checked checkbox', () => {
    expect(studySettingsSchema.parse(form)).toEqual({
      newPerDay: 20, reviewsPerDay: 200, rolloverHour: 4, timeZone: 'Europe/Berlin', burySiblings: true, leechLapses: 8, scheduler: 'fsrs',
    });
    const { burySiblings: _unchecked, ...rest } = form;
    expect(studySettingsSchema.parse(rest).burySiblings).toBe(false);
  });

  it.each([
    ['newPerDay', '', 'Enter a number of new cards.'],
    ['newPerDay', '-1', 'Use at least 0 new cards.'],
    ['reviewsPerDay', '2.5', 'Enter a whole number of reviews.'],
    ['reviewsPerDay', '10000', 'Use at most 9999 reviews.'],
    ['rolloverHour', '24', 'Use at most 23 hours.'],
    ['timeZone', 'Mars/Olympus', 'Choose a time zone such as Europe/Berlin.'],
    ['timeZone', '', 'Choose a time zone such as Europe/Berlin.'],
    ['leechLapses', '0', 'Use at least 1 lapses.'],
    ['leechLapses', 'many', 'Enter a number of lapses.'],
    ['scheduler', 'anki', 'Choose SM-2 or FSRS.'],
    ['scheduler', undefined, 'Choose SM-2 or FSRS.'],
  ])('%s = %j is refused with "%s"', (field, value, message) => {
    const result = studySettingsSchema.safeParse({ ...form, [field]: value });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toEqual({ [field]: [message] });
  });
});

describe('stored settings', () => {
  let f: ReviewFixture;
  beforeAll(async () => {
    f = await openReviewFixture();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('new users get the defaults, and saved settings apply to the queue', async () => {
    const { getStudySettings, updateStudySettings } = await import('@/lib/db/study-settings');
    const userId = await f.newUser();
    expect(await getStudySettings(userId)).toEqual(DEFAULT_STUDY_SETTINGS);

    const saved = await updateStudySettings(userId, { ...DEFAULT_STUDY_SETTINGS, newPerDay: 2, timeZone: 'Asia/Tokyo' });
    expect(saved).toMatchObject({ newPerDay: 2, timeZone: 'Asia/Tokyo' });
    expect(await f.review.getDueSummary(userId, new Date('2024-03-10T12:00:00Z'))).toMatchObject({ newAvailable: 2 });
  });
});
