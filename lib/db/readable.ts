import 'server-only';
import { Prisma } from './generated/client';

/**
 * Who may read which notes: the one rule every query of lib/db applies, in its Prisma and its SQL
 * form. A user reads the shared starter deck (Sources with no owner: read-only, studied by every
 * user, each with their own review state) and their own notes; never another user's. Concepts and
 * cards are readable exactly when their Source is. A user id that owns nothing ('') reads the
 * shared deck alone.
 */

/** Prisma filter: the Sources `userId` may read. */
export function readableSources(userId: string): Prisma.SourceWhereInput {
  return { OR: [{ ownerId: null }, { ownerId: userId }] };
}

/** Prisma filter: the Concepts `userId` may read. */
export function readableConcepts(userId: string): Prisma.ConceptWhereInput {
  return { source: readableSources(userId) };
}

/** Prisma filter: the Cards `userId` may read. */
export function readableCards(userId: string): Prisma.CardWhereInput {
  return { concept: readableConcepts(userId) };
}

/**
 * SQL condition: the Source row under alias `source` (a trusted identifier) is readable by
 * `userId`. The unary + keeps SQLite from walking an ownerId index for it: it filters the few
 * Source rows, while deck-order queries (lib/db/new-cards) must walk Source by (path, id) to stop
 * after a handful of cards instead of sorting the whole deck.
 */
export function sourceIsReadable(userId: string, source: string): Prisma.Sql {
  const owner = Prisma.raw(`+${quote(source)}."ownerId"`);
  return Prisma.sql`(${owner} IS NULL OR ${owner} = ${userId})`;
}

/**
 * SQL condition: the Concept whose id is the column `conceptId` ("alias.column", trusted) is
 * readable by `userId`; two primary-key lookups per row.
 */
export function conceptIsReadable(userId: string, conceptId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Concept" r_co JOIN "Source" r_s ON r_s."id" = r_co."sourceId"
    WHERE r_co."id" = ${Prisma.raw(column(conceptId))} AND ${sourceIsReadable(userId, 'r_s')})`;
}

const quote = (name: string) => `"${name.replace(/"/g, '')}"`;
const column = (qualified: string) => qualified.split('.').map(quote).join('.');
