'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { buttonClass, inputClass } from '@/components/ui/styles';
import { signUpAction, type SignUpState } from '@/lib/actions/sign-up';
import { MIN_PASSWORD_LENGTH } from '@/lib/validations/auth';

export function SignUpForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, { ok: false });

  // Once the account exists, sign in with the credentials still in the form.
  useEffect(() => {
    if (!state.ok || !formRef.current) return;
    const form = new FormData(formRef.current);
    void signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    }).then(() => {
      router.push('/');
      router.refresh();
    });
  }, [state.ok, router]);

  const fieldError = (field: 'name' | 'email' | 'password') =>
    state.fieldErrors?.[field] && (
      <span role="alert" className="text-sm text-red-600">{state.fieldErrors[field]}</span>
    );

  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Name (optional)</span>
        <input name="name" autoComplete="name" className={inputClass} />
        {fieldError('name')}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Email</span>
        <input name="email" type="email" autoComplete="email" required className={inputClass} />
        {fieldError('email')}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Password</span>
        <input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required className={inputClass} />
        <span className="block text-xs text-stone-500">At least {MIN_PASSWORD_LENGTH} characters.</span>
        {fieldError('password')}
      </label>
      <button type="submit" disabled={pending || state.ok} className={`${buttonClass} w-full`}>
        {pending || state.ok ? 'Creating your account…' : 'Create account'}
      </button>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Already have an account? <Link href="/signin" className="text-indigo-600 hover:underline">Sign in</Link>
      </p>
    </form>
  );
}
