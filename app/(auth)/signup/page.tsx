import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { cardClass } from '@/components/ui/styles';
import { currentUser } from '@/lib/session';

export default async function SignUpPage() {
  if (await currentUser()) redirect('/');
  return (
    <div className={`${cardClass} mx-auto max-w-sm`}>
      <h1 className="mb-6 text-xl font-bold">Create your account</h1>
      <SignUpForm />
    </div>
  );
}
