import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { cache } from 'react';
import { findSessionUser } from './db/auth-sessions';
import type { PublicUser } from './db/users';

/**
 * The signed-in user, or null. The session cookie must decrypt (next-auth's JWT) and name a live
 * AuthSession row of an existing user: a signed-out, expired or deleted session counts as signed
 * out. Runs on every request, so it only decodes the cookie (getServerSession would also re-sign
 * it, which a server component cannot send anyway) and makes one indexed query, once per request
 * however many components ask (React cache).
 */
export const currentUser = cache(async (): Promise<PublicUser | null> => {
  // getToken reads the cookies through getAll() and headers through get(); the request itself is not needed.
  const request = { cookies: await cookies(), headers: await headers() } as unknown as NextRequest;
  const token = await getToken({ req: request });
  if (!token?.sub || !token.sid) return null;
  return findSessionUser(token.sid, token.sub, new Date());
});

/** The signed-in user; anyone else is sent to the sign-in page. */
export async function requireUser(): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return user;
}
