'use server';

import { revalidatePath } from 'next/cache';
import { deleteMyNote, NoteNotFoundError } from '../db/notes';
import { requireUser } from '../session';
import { deleteNoteSchema } from '../validations/notes';
import type { NoteActionResult } from './rename-note';

/** Deletes one of the signed-in user's notes: its topics and cards are retired, their history kept. */
export async function deleteNoteAction(input: unknown): Promise<NoteActionResult> {
  const user = await requireUser();
  const parsed = deleteNoteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid note.' };
  try {
    await deleteMyNote(user.id, parsed.data.noteId);
  } catch (error) {
    if (error instanceof NoteNotFoundError) return { ok: false, error: error.message };
    throw error;
  }
  revalidatePath('/', 'layout');
  return { ok: true };
}
