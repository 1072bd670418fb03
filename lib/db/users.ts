import 'server-only';
import bcrypt from 'bcryptjs';
import { prisma } from './client';
import { Prisma } from './generated/client';

/** bcrypt work factor: about 100 ms per hash on this class of machine. */
const BCRYPT_ROUNDS = 11;

export class EmailTakenError extends Error {}

export type PublicUser = { id: string; email: string; name: string | null };

export async function createUser(input: { email: string; password: string; name?: string }): Promise<PublicUser> {
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_ROUNDS);
  try {
    return await prisma.user.create({
      data: { email: input.email, name: input.name || null, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new EmailTakenError('An account with this email already exists.');
    }
    throw error;
  }
}

/** The user whose email and password match, or null; timing does not reveal which was wrong. */
export async function verifyCredentials(email: string, password: string): Promise<PublicUser | null> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? { id: user.id, email: user.email, name: user.name } : null;
}

/** Compared against when the email is unknown, so both failures take as long. */
const DUMMY_HASH = '$2b$11$MfP4l8oAe9n2DeIPTWHhJOOhrlrKr9MNIcV/VUEg0pxPD88wlgVW.';

export function findUser(id: string): Promise<PublicUser | null> {
  return prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}
