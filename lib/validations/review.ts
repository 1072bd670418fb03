import { z } from 'zod';

const answerId = z.string().uuid('Answer id must be a UUID.');

export const answerSchema = z.object({
  cardId: z.string().min(1).max(64),
  grade: z.number().int().min(0, 'Grade must be 0 to 5.').max(5, 'Grade must be 0 to 5.'),
  answerId,
  version: z.number().int().min(0),
  timeTakenMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
});

export const undoSchema = z.object({ answerId });

export const unsuspendSchema = z.object({ cardId: z.string().min(1).max(64) });

/** /review?concept=<id>: an optional concept subtree to study on its own. */
export const reviewSearchParamsSchema = z.object({
  concept: z.string().min(1).max(64).optional().catch(undefined),
});
