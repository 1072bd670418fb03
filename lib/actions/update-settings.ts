'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { updateStudySettings } from '../db/study-settings';
import { requireUser } from '../session';
import { studySettingsSchema, type StudySettingsInput } from '../validations/settings';

export type SettingsFormState = {
  /** Field name -> messages, from zod. */
  errors?: Partial<Record<keyof StudySettingsInput, string[]>>;
  message?: string;
  saved?: boolean;
  /** What was submitted, so a refused form shows the learner's input again rather than the old settings. */
  values?: Record<string, string>;
};

/** Saves the study settings form; invalid fields come back as messages next to each field. */
export async function updateSettingsAction(_prev: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const user = await requireUser();
  const submitted = Object.fromEntries([...formData].filter(([key]) => !key.startsWith('$')).map(([k, v]) => [k, String(v)]));
  const parsed = studySettingsSchema.safeParse(submitted);
  if (!parsed.success) {
    return { errors: z.flattenError(parsed.error).fieldErrors, message: 'Please fix the highlighted fields.', values: submitted };
  }
  await updateStudySettings(user.id, parsed.data);
  revalidatePath('/', 'layout');
  return { saved: true, message: 'Settings saved.' };
}
