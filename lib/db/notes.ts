import 'server-only';
import { titleFromPath } from '../ingest/titles';
import { prisma } from './client';
import { Prisma } from './generated/client';

/** The note does not exist in this user's deck (another user's note, or the shared deck's, included). */
export class NoteNotFoundError extends Error {
  constructor() {
    super('No such note among yours.');
  }
}

/** Another note of the user's deck already has the name. */
export class NoteNameTakenError extends Error {}

/** One of the user's own notes, as "My notes" lists it. */
export interface MyNote {
  id: string;
  path: string;
  title: string;
  ingestedAt: Date;
  topics: number;
  cards: number;
  /** The note's first topic in note order. */
  firstTopicId: string | null;
}

/**
 * A deleted note keeps its Source row (its retired concepts and cards keep their history), so a
 * note of the user's deck counts as present while it has an active topic. Uploads refuse empty
 * notes, so every uploaded note has one.
 */
const PRESENT = { concepts: { some: { status: 'active' } } } satisfies Prisma.SourceWhereInput;

/** The user's own notes (never the shared starter deck), by path, with their active topics and cards. */
export async function listMyNotes(ownerId: string): Promise<MyNote[]> {
  const [sources, cards] = await Promise.all([
    prisma.source.findMany({
      where: { ownerId, ...PRESENT },
      orderBy: { path: 'asc' },
      select: {
        id: true, path: true, title: true, ingestedAt: true,
        _count: { select: { concepts: { where: { status: 'active' } } } },
        concepts: { where: { status: 'active' }, orderBy: { order: 'asc' }, take: 1, select: { id: true } },
      },
    }),
    prisma.$queryRaw<{ sourceId: string; cards: bigint | number }[]>`
      SELECT co."sourceId" AS "sourceId", COUNT(*) AS cards
      FROM "Card" c JOIN "Concept" co ON co."id" = c."conceptId" JOIN "Source" s ON s."id" = co."sourceId"
      WHERE s."ownerId" = ${ownerId} AND c."status" = 'active' AND co."status" = 'active'
      GROUP BY co."sourceId"`,
  ]);
  const cardsOf = new Map(cards.map((row) => [row.sourceId, Number(row.cards)]));
  return sources.map(({ _count, concepts, ...source }) => ({
    ...source,
    topics: _count.concepts,
    cards: cardsOf.get(source.id) ?? 0,
    firstTopicId: concepts[0]?.id ?? null,
  }));
}

/**
 * The first active topic of each of the user's notes at `paths`, by path. A path a run stored
 * under a longer one (a note named on its own updates the one note whose path ends with its name,
 * lib/db/deck-writer) is found there.
 */
export async function firstTopicsOf(ownerId: string, paths: string[]): Promise<Map<string, string>> {
  const topic = { concepts: { where: { status: 'active' }, orderBy: { order: 'asc' }, take: 1, select: { id: true } } } as const;
  const sources = await prisma.source.findMany({ where: { ownerId, path: { in: paths } }, select: { path: true, ...topic } });
  const found = new Map(sources.flatMap((s) => (s.concepts[0] ? [[s.path, s.concepts[0].id] as const] : [])));
  for (const path of paths.filter((p) => !sources.some((s) => s.path === p))) {
    const wider = await prisma.source.findMany({ where: { ownerId, path: { endsWith: `/${path}` } }, select: topic, take: 2 });
    if (wider.length === 1 && wider[0].concepts[0]) found.set(path, wider[0].concepts[0].id);
  }
  return found;
}

/**
 * Renames one of the user's notes: its path in their deck changes, its identity (Source.key, from
 * which every concept and card key derives) does not, so every card keeps its history and a later
 * upload under the new name updates it. A title that came from the old file name follows the new one.
 */
export async function renameMyNote(ownerId: string, noteId: string, path: string): Promise<void> {
  const note = await prisma.source.findFirst({ where: { id: noteId, ownerId, ...PRESENT }, select: { path: true, title: true } });
  if (!note) throw new NoteNotFoundError();
  if (note.path === path) return;
  const other = await prisma.source.findFirst({ where: { ownerId, path }, select: { id: true, concepts: { where: { status: 'active' }, take: 1, select: { id: true } } } });
  if (other) {
    throw new NoteNameTakenError(
      other.concepts.length > 0 ? `You already have a note named ${path}.` : `${path} is the name of a note you deleted; choose another name.`,
    );
  }
  const title = note.title === titleFromPath(note.path) ? titleFromPath(path) : note.title;
  try {
    await prisma.source.update({ where: { id: noteId }, data: { path, title } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new NoteNameTakenError(`You already have a note named ${path}.`);
    }
    throw error;
  }
}

/**
 * Deletes one of the user's notes the way a note removed from an ingested folder goes: its topics
 * and cards are retired (hidden from every view, review history kept), in one transaction. Its
 * content hash is cleared, so uploading the same file again parses it again and revives its cards
 * with their history instead of finding it "unchanged". Returns how many cards were retired.
 */
export async function deleteMyNote(ownerId: string, noteId: string): Promise<{ path: string; cards: number }> {
  return prisma.$transaction(async (tx) => {
    const note = await tx.source.findFirst({ where: { id: noteId, ownerId, ...PRESENT }, select: { path: true } });
    if (!note) throw new NoteNotFoundError();
    const cards = await tx.card.updateMany({ where: { status: 'active', concept: { sourceId: noteId } }, data: { status: 'retired' } });
    await tx.concept.updateMany({ where: { sourceId: noteId, status: 'active' }, data: { status: 'retired' } });
    await tx.source.update({ where: { id: noteId }, data: { contentHash: '' } });
    return { path: note.path, cards: cards.count };
  });
}
