import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { endAuthSession, startAuthSession } from './db/auth-sessions';
import { verifyCredentials } from './db/users';
import { clientAddress, signInThrottle } from './sign-in-throttle';
import { credentialsSchema } from './validations/auth';

/** How long a sign-in lasts (next-auth's default): the JWT and its AuthSession row expire together. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * next-auth 4 with email + password. The session cookie is a signed JWT that also names a
 * server-side AuthSession row (token.sid): lib/session.ts accepts a cookie only while its row
 * exists, and signing out deletes the row, so a copied cookie stops working.
 * Failed sign-ins are throttled per account and per address (lib/sign-in-throttle.ts); the
 * refusal's message reaches the form as the sign-in error.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = clientAddress(request?.headers);
        await signInThrottle.check(email, address);
        const user = await verifyCredentials(email, password);
        if (!user) {
          await signInThrottle.failed(email, address);
          return null;
        }
        await signInThrottle.succeeded(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is present only on sign-in: that is when the server-side session starts.
      if (user) token.sid = await startAuthSession(user.id, new Date(), SESSION_MAX_AGE_SECONDS);
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endAuthSession(token.sid);
    },
  },
};
