'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/signin' })} className="text-stone-600 hover:underline dark:text-stone-300">
      Sign out
    </button>
  );
}
