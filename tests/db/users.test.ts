import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { openAppDatabase } from './support';

let prisma: PrismaClient;
let close: () => Promise<void>;
let users: typeof import('@/lib/db/users');

beforeAll(async () => {
  ({ prisma, close } = await openAppDatabase());
  users = await import('@/lib/db/users');
});

afterAll(async () => {
  await close?.();
});

const storedHash = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } })).passwordHash;

describe('createUser', () => {
  it('returns the public fields only and stores a bcrypt hash, never the password', async () => {
    const user = await users.createUser({ email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' });

    expect(user).toEqual({ id: expect.any(String), email: 'ada@example.com', name: 'Ada' });
    const hash = await storedHash('ada@example.com');
    expect(hash).not.toBe('correct horse battery');
    expect(hash).not.toContain('correct horse battery');
    expect(hash).toMatch(/^\$2[aby]\$\d\d\$/);
    expect(await bcrypt.compare('correct horse battery', hash)).toBe(true);
  });

  it('the same password for two users gives two different hashes', async () => {
    await users.createUser({ email: 'one@example.com', password: 'same password' });
    await users.createUser({ email: 'two@example.com', password: 'same password' });
    expect(await storedHash('one@example.com')).not.toBe(await storedHash('two@example.com'));
  });

  it('an empty name is stored as no name', async () => {
    const user = await users.createUser({ email: 'noname@example.com', password: 'password1', name: '' });
    expect(user.name).toBeNull();
  });

  it('rejects a second account with the same email', async () => {
    await users.createUser({ email: 'taken@example.com', password: 'first password' });
    await expect(users.createUser({ email: 'taken@example.com', password: 'other password' }))
      .rejects.toBeInstanceOf(users.EmailTakenError);
    expect(await prisma.user.count({ where: { email: 'taken@example.com' } })).toBe(1);
    expect(await bcrypt.compare('first password', await storedHash('taken@example.com'))).toBe(true);
  });
});

describe('verifyCredentials', () => {
  let grace: { id: string; email: string; name: string | null };
  beforeAll(async () => {
    grace = await users.createUser({ email: 'grace@example.com', password: 'compilers rule', name: 'Grace' });
  });

  it.each([
    ['the right password', 'grace@example.com', 'compilers rule', true],
    ['a wrong password', 'grace@example.com', 'compilers drool', false],
    ['the password in a different case', 'grace@example.com', 'COMPILERS RULE', false],
    ['an empty password', 'grace@example.com', '', false],
    ['an unknown email', 'nobody@example.com', 'compilers rule', false],
  ])('with %s', async (_case, email, password, accepted) => {
    const result = await users.verifyCredentials(email, password);
    expect(result).toEqual(accepted ? grace : null);
  });

  it('never hands out the password hash', async () => {
    const result = await users.verifyCredentials('grace@example.com', 'compilers rule');
    expect(result).not.toHaveProperty('passwordHash');
    expect(await users.findUser(grace.id)).toEqual(grace);
  });
});
