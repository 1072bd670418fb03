'use server';

import { createUser, EmailTakenError } from '../db/users';
import { signUpSchema } from '../validations/auth';

export type SignUpState = {
  ok: boolean;
  fieldErrors?: Partial<Record<'name' | 'email' | 'password', string>>;
  error?: string;
};

/**
 * Creates an account; the form then signs in with the same credentials. A registered email gets
 * the very same answer, after the same work (the password is hashed either way), so sign-up does
 * not tell anyone which emails have accounts.
 */
export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  const parsed = signUpSchema.safeParse({
    name: form.get('name') || undefined,
    email: form.get('email'),
    password: form.get('password'),
  });
  if (!parsed.success) {
    const fieldErrors: SignUpState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof NonNullable<SignUpState['fieldErrors']>;
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  try {
    await createUser(parsed.data);
    return { ok: true };
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: true };
    throw error;
  }
}
