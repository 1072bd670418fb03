'use server';

import { revalidatePath } from 'next/cache';
import { NoteNameTakenError, NoteNotFoundError, renameMyNote } from '../db/notes';
import { requireUser } from '../session';
import { renameNoteSchema } from '../validations/notes';

export type NoteActionResult = { ok: true } | { ok: false; error: string };

/** Renames one of the signed-in user's notes; its cards keep their history. */
export async function renameNoteAction(input: unknown): Promise<NoteActionResult> {
  const user = await requireUser();
  const parsed = renameNoteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid name.' };
  try {
    await renameMyNote(user.id, parsed.data.noteId, parsed.data.path);
  } catch (error) {
    if (error instanceof NoteNotFoundError || error instanceof NoteNameTakenError) return { ok: false, error: error.message };
    throw error;
  }
  revalidatePath('/', 'layout');
  return { ok: true };
}
