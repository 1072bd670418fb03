import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { openAppDatabase } from '../db/support';

let prisma: PrismaClient;
let close: () => Promise<void>;
let sessions: typeof import('@/lib/db/auth-sessions');
let users: typeof import('@/lib/db/users');
let signUpAction: typeof import('@/lib/actions/sign-up').signUpAction;
const NOW = new Date('2025-01-01T00:00:00Z');

beforeAll(async () => {
  ({ prisma, close } = await openAppDatabase());
  sessions = await import('@/lib/db/auth-sessions');
  users = await import('@/lib/db/users');
  ({ signUpAction } = await import('@/lib/actions/sign-up'));
});
afterAll(async () => {
  await close?.();
});

describe('server-side sessions', () => {
  it('a session is signed in until it ends, and then never again', async () => {
    const ada = await users.createUser({ email: 'ada@example.com', password: 'a long password' });
    const laptop = await sessions.startAuthSession(ada.id, NOW, 3600);
    const phone = await sessions.startAuthSession(ada.id, NOW, 3600);
    expect(await sessions.findSessionUser(laptop, ada.id, NOW)).toEqual(ada);

    await sessions.endAuthSession(laptop);
    expect(await sessions.findSessionUser(laptop, ada.id, NOW)).toBeNull();
    // Signing out on one device leaves the others signed in.
    expect(await sessions.findSessionUser(phone, ada.id, NOW)).toEqual(ada);
    await sessions.endAuthSession(laptop);
  });

  it('an expired session, or one presented for another user, is signed out; expired rows are dropped', async () => {
    const grace = await users.createUser({ email: 'grace@example.com', password: 'a long password' });
    const other = await users.createUser({ email: 'other@example.com', password: 'a long password' });
    const old = await sessions.startAuthSession(grace.id, NOW, 60);
    const later = new Date(NOW.getTime() + 61_000);
    expect(await sessions.findSessionUser(old, grace.id, later)).toBeNull();
    expect(await sessions.findSessionUser(old, other.id, NOW)).toBeNull();
    await sessions.startAuthSession(grace.id, later, 60);
    expect(await prisma.authSession.count({ where: { userId: grace.id } })).toBe(1);
  });
});

describe('sign-up', () => {
  const form = (email: string, password: string) => {
    const data = new FormData();
    data.set('email', email);
    data.set('password', password);
    return data;
  };

  it('answers a registered email exactly as a new one, and creates no second account', async () => {
    const fresh = await signUpAction({ ok: false }, form('new-person@example.com', 'a long password'));
    const taken = await signUpAction({ ok: false }, form('new-person@example.com', 'another password'));
    expect(taken).toEqual(fresh);
    expect(await prisma.user.count({ where: { email: 'new-person@example.com' } })).toBe(1);
    expect(await users.verifyCredentials('new-person@example.com', 'a long password')).not.toBeNull();
  });
});
