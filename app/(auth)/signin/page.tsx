import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { cardClass } from '@/components/ui/styles';
import { currentUser } from '@/lib/session';

export default async function SignInPage() {
  if (await currentUser()) redirect('/');
  return (
    <div className={`${cardClass} mx-auto max-w-sm`}>
      <h1 className="mb-6 text-xl font-bold">Sign in</h1>
      <SignInForm />
    </div>
  );
}
