'use server';

import { revalidatePath } from 'next/cache';
import { DrillFinishedError, DrillNotFoundError, finishDrill } from '../db/drill';
import { requireUser } from '../session';
import { finishDrillSchema } from '../validations/drill';

export type FinishDrillResult = { ok: true; covered: number; total: number } | { ok: false; error: string };

/** Submits a drill's checklist; the unticked points' cards come back for review tomorrow. */
export async function finishDrillAction(input: unknown): Promise<FinishDrillResult> {
  const user = await requireUser();
  const parsed = finishDrillSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid checklist.' };
  try {
    const score = await finishDrill(user.id, parsed.data.drillId, parsed.data.covered, new Date());
    revalidatePath('/');
    revalidatePath(`/drill/${parsed.data.drillId}`);
    return { ok: true, ...score };
  } catch (error) {
    if (error instanceof DrillNotFoundError || error instanceof DrillFinishedError) return { ok: false, error: error.message };
    throw error;
  }
}
