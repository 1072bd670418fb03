import { z } from 'zod';
import { DRILL_PHASE_KEYS } from '../quiz/drill';

const id = z.string().regex(/^[\w-]{1,64}$/);

export const startDrillSchema = z.object({ conceptId: id });

export const saveDrillNoteSchema = z.object({
  drillId: id,
  phase: z.enum(DRILL_PHASE_KEYS),
  text: z.string().max(20_000, 'An outline phase holds at most 20,000 characters.'),
});

export const finishDrillSchema = z.object({
  drillId: id,
  covered: z.array(z.string().max(80)).max(500),
});
