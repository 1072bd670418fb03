'use server';

import { DrillFinishedError, DrillNotFoundError, saveDrillNote } from '../db/drill';
import { requireUser } from '../session';
import { saveDrillNoteSchema } from '../validations/drill';

export type SaveDrillNoteResult = { ok: true } | { ok: false; error: string };

/** Saves one phase of the outline as the user types (the client debounces). */
export async function saveDrillNoteAction(input: unknown): Promise<SaveDrillNoteResult> {
  const user = await requireUser();
  const parsed = saveDrillNoteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid outline.' };
  const { drillId, phase, text } = parsed.data;
  try {
    await saveDrillNote(user.id, drillId, phase, text, new Date());
    return { ok: true };
  } catch (error) {
    if (error instanceof DrillNotFoundError || error instanceof DrillFinishedError) return { ok: false, error: error.message };
    throw error;
  }
}
