import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma } from './client';
import { queryRows } from './direct-sql';
import { Prisma } from './generated/client';
import type { PublicUser } from './users';

/**
 * Server-side sessions behind next-auth's JWT cookies: the JWT names a row here, and a request is
 * signed in only while that row exists and has not expired. Signing out deletes the row.
 */

/** Starts a session for `userId`, and drops the user's expired ones. Returns its id for the JWT. */
export async function startAuthSession(userId: string, now: Date, maxAgeSeconds: number): Promise<string> {
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + maxAgeSeconds * 1000);
  await prisma.$transaction([
    prisma.authSession.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    prisma.authSession.create({ data: { id, userId, createdAt: now, expiresAt } }),
  ]);
  return id;
}

/**
 * Ends one session; ending an unknown or already ended one is a no-op. A transaction, so that it
 * waits for another process's write lock without blocking the server (lib/db/sqlite-adapter.ts).
 */
export async function endAuthSession(sessionId: string): Promise<void> {
  await prisma.$transaction([prisma.authSession.deleteMany({ where: { id: sessionId } })]);
}

/**
 * The user of a live session, or null: runs on every signed-in request, so it is one primary-key
 * lookup joined to the user, run directly (lib/db/direct-sql.ts).
 */
export async function findSessionUser(sessionId: string, userId: string, now: Date): Promise<PublicUser | null> {
  const [row] = await queryRows<PublicUser>(Prisma.sql`
    SELECT u."id", u."email", u."name" FROM "AuthSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId} AND s."userId" = ${userId} AND s."expiresAt" > ${now}`);
  return row ?? null;
}
