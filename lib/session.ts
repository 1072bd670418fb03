import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from './auth';
import { findUser, type PublicUser } from './db/users';

/** The signed-in user, or null. A session whose user no longer exists counts as signed out. */
export async function currentUser(): Promise<PublicUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? findUser(id) : null;
}

/** The signed-in user; anyone else is sent to the sign-in page. */
export async function requireUser(): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return user;
}
