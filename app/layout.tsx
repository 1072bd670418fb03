import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentUser } from '@/lib/session';
import './globals.css';

export const metadata: Metadata = {
  title: 'Recall · system design study',
  description: 'Turn your system-design notes into a daily review.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-stone-200 bg-white/80 dark:border-stone-800 dark:bg-stone-900/80">
          <nav className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 text-sm">
            <Link href="/" className="font-bold tracking-tight text-indigo-700 dark:text-indigo-400">
              Recall
            </Link>
            {user && (
              <>
                <Link href="/review" className="hover:underline">Review</Link>
                <Link href="/topics" className="hover:underline">Topics</Link>
                <Link href="/notes" className="hover:underline">My notes</Link>
                <Link href="/notes/add" className="hover:underline">Add notes</Link>
                <Link href="/quiz" className="hover:underline">Quiz</Link>
                <Link href="/drill" className="hover:underline">Drill</Link>
                <Link href="/search" className="hover:underline">Search</Link>
                <Link href="/leeches" className="hover:underline">Leeches</Link>
                <Link href="/stats" className="hover:underline">Stats</Link>
                <Link href="/export" className="hover:underline">Export</Link>
                <Link href="/settings" className="hover:underline">Settings</Link>
                <span className="ml-auto text-stone-500" data-testid="signed-in-as">{user.email}</span>
                <SignOutButton />
              </>
            )}
            {!user && (
              <span className="ml-auto flex gap-4">
                <Link href="/signin" className="hover:underline">Sign in</Link>
                <Link href="/signup" className="hover:underline">Create account</Link>
              </span>
            )}
          </nav>
        </header>
        <main className="mx-auto max-w-4xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
