'use server';

import { redirect } from 'next/navigation';
import { startDrill } from '../db/drill';
import { requireUser } from '../session';
import { startDrillSchema } from '../validations/drill';

/** Form action: starts a drill on the posted prompt and opens it. */
export async function startDrillAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = startDrillSchema.safeParse({ conceptId: formData.get('conceptId') });
  const drillId = parsed.success ? await startDrill(user.id, parsed.data.conceptId, new Date()) : null;
  redirect(drillId ? `/drill/${drillId}` : '/drill');
}
