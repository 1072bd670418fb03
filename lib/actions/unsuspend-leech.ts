'use server';

import { revalidatePath } from 'next/cache';
import { LeechNotFoundError, unsuspendLeech } from '../db/leeches';
import { requireUser } from '../session';
import { unsuspendSchema } from '../validations/review';

export type UnsuspendResult = { ok: true } | { ok: false; error: string };

/** Returns one of the signed-in user's leeches to review. */
export async function unsuspendLeechAction(input: unknown): Promise<UnsuspendResult> {
  const user = await requireUser();
  const parsed = unsuspendSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid card.' };
  try {
    await unsuspendLeech(user.id, parsed.data.cardId);
    revalidatePath('/leeches');
    return { ok: true };
  } catch (error) {
    if (error instanceof LeechNotFoundError) return { ok: false, error: error.message };
    throw error;
  }
}
