import { z } from 'zod';

export const answerSchema = z.object({
  cardId: z.string().min(1).max(64),
  grade: z.number().int().min(0, 'Grade must be 0 to 5.').max(5, 'Grade must be 0 to 5.'),
  answerId: z.string().uuid('Answer id must be a UUID.'),
  version: z.number().int().min(0),
  timeTakenMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
});
