import 'server-only';
import { createHash } from 'node:crypto';
import { prisma } from './client';
import { executeSql, queryRows } from './direct-sql';
import { Prisma } from './generated/client';
import { sourceIsReadable } from './readable';

/**
 * Finding a user's next new cards (active cards without a review state, in notes the user may
 * read) in deck order: source path, source id (the shared deck and a user's own notes may both
 * hold a path), then concept order, then card order.
 *
 * A plain anti-join would walk every card the user has already seen (100k cards: ~100 ms), so
 * the search starts at the user's frontier (see User.newFrontierConceptId). The frontier is
 * trusted only while the deck stamp matches; re-ingesting any note changes the stamp.
 */

type Tx = Prisma.TransactionClient;

export interface NewCard {
  cardId: string;
  conceptId: string;
}

/**
 * A digest of the identity, place and content of every note the user may read: changes whenever
 * an ingest could have changed their cards (another user's ingest leaves it alone).
 */
async function deckStamp(userId: string): Promise<string> {
  const rows = await queryRows<{ id: string; path: string; contentHash: string; ingestedAt: unknown }>(Prisma.sql`
    SELECT s."id", s."path", s."contentHash", s."ingestedAt" FROM "Source" s WHERE ${sourceIsReadable(userId, 's')} ORDER BY s."id"`);
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.id}\0${r.path}\0${r.contentHash}\0${String(r.ingestedAt)}\n`);
  return hash.digest('base64url');
}

/**
 * Up to `limit` new cards in deck order, skipping the concepts in `excludeConceptIds`.
 * While the user's frontier is current (nearly always) this only reads, without the write lock,
 * so showing a card never waits for an ingest. When the frontier must move, the search runs again
 * inside a write transaction together with that write, so an undo cannot interleave between them.
 */
export async function firstNewCards(userId: string, limit: number, excludeConceptIds: readonly string[]): Promise<NewCard[]> {
  if (limit <= 0) return [];
  return (await searchFromFrontier(userId, limit, excludeConceptIds, false))
    ?? (await prisma.$transaction(async () => (await searchFromFrontier(userId, limit, excludeConceptIds, true))!));
}

/**
 * firstNewCards' search, by direct SQL (lib/db/direct-sql.ts: inside the transaction when there
 * is one); null when the frontier has to move and `mayWrite` is false.
 */
async function searchFromFrontier(userId: string, limit: number, excludeConceptIds: readonly string[], mayWrite: boolean): Promise<NewCard[] | null> {
  const [[user], stamp] = await Promise.all([frontierOf(userId), deckStamp(userId)]);
  const trusted = user?.newFrontierStamp === stamp;
  if (trusted && user.newFrontierConceptId === null) return [];
  const from = trusted ? user.newFrontierConceptId : null;

  const [frontier] = await unseenFrom(userId, from, 1, []);
  const frontierConceptId = frontier?.conceptId ?? null;
  if (!trusted || frontierConceptId !== from) {
    if (!mayWrite) return null;
    await executeSql(Prisma.sql`
      UPDATE "User" SET "newFrontierConceptId" = ${frontierConceptId}, "newFrontierStamp" = ${stamp} WHERE "id" = ${userId}`);
  }
  if (!frontier) return [];
  if (limit === 1 && !excludeConceptIds.includes(frontier.conceptId)) return [frontier];
  return unseenFrom(userId, frontierConceptId, limit, excludeConceptIds);
}

function frontierOf(userId: string) {
  return queryRows<{ newFrontierConceptId: string | null; newFrontierStamp: string | null }>(Prisma.sql`
    SELECT "newFrontierConceptId", "newFrontierStamp" FROM "User" WHERE "id" = ${userId}`);
}

/**
 * Keeps the frontier invariant when the card in `conceptId` loses its review state (undo of its
 * first answer): the frontier moves back to that concept if it was past it.
 */
export async function reopenFrontier(tx: Tx, userId: string, conceptId: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { newFrontierConceptId: true, newFrontierStamp: true } });
  if (user.newFrontierStamp === null) return;
  if (user.newFrontierConceptId !== null && user.newFrontierConceptId !== conceptId) {
    const [first] = await tx.$queryRaw<{ id: string }[]>`
      SELECT co."id" FROM "Concept" co JOIN "Source" s ON s."id" = co."sourceId"
      WHERE co."id" IN (${conceptId}, ${user.newFrontierConceptId})
      ORDER BY s."path", s."id", co."order" LIMIT 1`;
    if (first?.id !== conceptId) return;
  }
  await tx.user.update({ where: { id: userId }, data: { newFrontierConceptId: conceptId } });
}

/**
 * Unseen active cards from concept `fromConceptId` (inclusive; null = the start of the deck).
 * CROSS JOIN fixes the loop order source → concept → card, and the start position is three
 * constant scalar subqueries, so SQLite walks the deck in order through its indexes (Source by
 * (path, id)) and stops after `limit` rows instead of sorting everything after the frontier.
 */
async function unseenFrom(userId: string, fromConceptId: string | null, limit: number, exclude: readonly string[]): Promise<NewCard[]> {
  const startPath = Prisma.sql`COALESCE((SELECT s0."path" FROM "Concept" c0 JOIN "Source" s0 ON s0."id" = c0."sourceId" WHERE c0."id" = ${fromConceptId}), '')`;
  const startSource = Prisma.sql`COALESCE((SELECT c0."sourceId" FROM "Concept" c0 WHERE c0."id" = ${fromConceptId}), '')`;
  const startOrder = Prisma.sql`COALESCE((SELECT c0."order" FROM "Concept" c0 WHERE c0."id" = ${fromConceptId}), -1)`;
  return queryRows<NewCard>(Prisma.sql`
    SELECT c."id" AS "cardId", c."conceptId" AS "conceptId"
    FROM "Source" s CROSS JOIN "Concept" co CROSS JOIN "Card" c
    WHERE s."path" >= ${startPath}
      AND (s."path" > ${startPath} OR s."id" > ${startSource} OR (s."id" = ${startSource} AND co."order" >= ${startOrder}))
      AND ${sourceIsReadable(userId, 's')}
      AND co."sourceId" = s."id" AND co."status" = 'active'
      AND c."conceptId" = co."id" AND c."status" = 'active'
      AND co."id" NOT IN (SELECT "value" FROM json_each(${JSON.stringify(exclude)}))
      AND NOT EXISTS (SELECT 1 FROM "ReviewState" rs WHERE rs."userId" = ${userId} AND rs."cardId" = c."id")
    ORDER BY s."path", s."id", co."order", c."order"
    LIMIT ${limit}`);
}

/** Unseen active cards of the given concepts (a study scope the caller checked is readable), in deck order. */
export async function newCardsIn(userId: string, conceptIds: readonly string[], limit: number, exclude: readonly string[]): Promise<NewCard[]> {
  if (limit <= 0) return [];
  return queryRows<NewCard>(Prisma.sql`
    SELECT c."id" AS "cardId", c."conceptId" AS "conceptId"
    FROM "Concept" co JOIN "Source" s ON s."id" = co."sourceId" JOIN "Card" c ON c."conceptId" = co."id"
    WHERE co."id" IN (SELECT "value" FROM json_each(${JSON.stringify(conceptIds)}))
      AND co."id" NOT IN (SELECT "value" FROM json_each(${JSON.stringify(exclude)}))
      AND co."status" = 'active' AND c."status" = 'active'
      AND ${sourceIsReadable(userId, 's')}
      AND NOT EXISTS (SELECT 1 FROM "ReviewState" rs WHERE rs."userId" = ${userId} AND rs."cardId" = c."id")
    ORDER BY s."path", s."id", co."order", c."order"
    LIMIT ${limit}`);
}
