'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { buttonClass, inputClass } from '@/components/ui/styles';
import { signUpAction, type SignUpState } from '@/lib/actions/sign-up';
import { MIN_PASSWORD_LENGTH } from '@/lib/validations/auth';

export function SignUpForm() {
  const router = useRouter();
  const [state, setState] = useState<SignUpState>({ ok: false });
  const [pending, startTransition] = useTransition();

  // The credentials are read once on submit: a form action would reset the fields before sign-in.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signUpAction(state, form);
      setState(result);
      if (!result.ok) return;
      const signedIn = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (!signedIn || signedIn.error) {
        // Sign-up answers alike for new and registered emails; only signing in tells them apart.
        setState({ ok: false, error: signedIn?.error?.startsWith('Too many') ? signedIn.error : 'Could not sign you in with this password. If you already have an account, sign in with its password.' });
        return;
      }
      router.push('/');
      router.refresh();
    });
  }

  const fieldError = (field: 'name' | 'email' | 'password') =>
    state.fieldErrors?.[field] && (
      <span role="alert" className="text-sm text-red-600">{state.fieldErrors[field]}</span>
    );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
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
      {state.error && <p role="alert" className="text-sm text-red-600">{state.error}</p>}
      <button type="submit" disabled={pending || state.ok} className={`${buttonClass} w-full`}>
        {pending || state.ok ? 'Creating your account…' : 'Create account'}
      </button>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Already have an account? <Link href="/signin" className="text-indigo-600 hover:underline">Sign in</Link>
      </p>
    </form>
  );
}
