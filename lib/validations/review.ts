import { z } from 'zod';
import { AHEAD_DAYS } from '../srs/queue';
import { MAX_CARDS_PER_DAY } from '../srs/study-settings';

const answerId = z.string().uuid('Answer id must be a UUID.');

/**
 * The /review parameters (see reviewSearchParamsSchema) an answer or undo was given under: the
 * card it moves on to is chosen within the same scope and "study more" choice. Absent: the plain daily queue.
 */
export const studySchema = z
  .object({
    concept: z.string().min(1).max(64).optional(),
    extra: z.number().int().min(0).max(MAX_CARDS_PER_DAY).default(0),
    ahead: z.number().int().min(0).max(AHEAD_DAYS).default(0),
  })
  .prefault({});

export type StudyParams = z.output<typeof studySchema>;

export const answerSchema = z.object({
  cardId: z.string().min(1).max(64),
  grade: z.number().int().min(0, 'Grade must be 0 to 5.').max(5, 'Grade must be 0 to 5.'),
  answerId,
  version: z.number().int().min(0),
  timeTakenMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
  study: studySchema,
});

export const undoSchema = z.object({ answerId, study: studySchema });

export const unsuspendSchema = z.object({ cardId: z.string().min(1).max(64) });

/**
 * /review?concept=<id>&extra=<n>&ahead=<days>: an optional concept subtree to study on its own,
 * and "study more" beyond the day's queue (extra new cards, reviews due up to `ahead` days on).
 * A malformed value is ignored rather than refused: these come from links, not forms.
 */
export const reviewSearchParamsSchema = z.object({
  concept: z.string().min(1).max(64).optional().catch(undefined),
  extra: z.coerce.number().int().min(0).max(MAX_CARDS_PER_DAY).catch(0).default(0),
  ahead: z.coerce.number().int().min(0).max(AHEAD_DAYS).catch(0).default(0),
});

/** The /review link for a scope and a "study more" choice; defaults are left out. */
export function reviewHref({ concept, extra = 0, ahead = 0 }: { concept?: string; extra?: number; ahead?: number }): string {
  const params = new URLSearchParams();
  if (concept) params.set('concept', concept);
  if (extra > 0) params.set('extra', String(extra));
  if (ahead > 0) params.set('ahead', String(ahead));
  const query = params.toString();
  return query ? `/review?${query}` : '/review';
}
