import { reconcileCards, type ExistingCard } from '../ingest/reconcile';
import type { NoteDeck } from '../ingest/types';
import type { PrismaClient } from './generated/client';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface FileSummary {
  file: string;
  /** "unchanged": same content hash as last time, nothing was touched. */
  status: 'new' | 'updated' | 'unchanged';
  concepts: number;
  created: number;
  changed: number;
  unchanged: number;
  retired: number;
}

/** Longest a whole ingest transaction may run; big corpora write tens of thousands of rows. */
const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Writes decks in one transaction: all files land or none do. Cards are matched by key so that
 * review history survives re-ingest; cards and concepts that disappeared are retired, not deleted.
 * `storedPath(deck)` gives the path the Source row is keyed by.
 */
export async function writeDecks(
  prisma: PrismaClient,
  decks: { deck: NoteDeck; storedPath: string }[],
  now: Date,
): Promise<FileSummary[]> {
  return prisma.$transaction(
    async (tx) => {
      const summaries: FileSummary[] = [];
      for (const { deck, storedPath } of decks) summaries.push(await writeDeck(tx, deck, storedPath, now));
      return summaries;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}

async function writeDeck(tx: Tx, deck: NoteDeck, path: string, now: Date): Promise<FileSummary> {
  const summary: FileSummary = {
    file: deck.file, status: 'new', concepts: deck.concepts.length, created: 0, changed: 0, unchanged: 0, retired: 0,
  };
  const existingSource = await tx.source.findUnique({ where: { path } });
  if (existingSource?.contentHash === deck.contentHash) {
    const count = await tx.card.count({ where: { status: 'active', concept: { sourceId: existingSource.id } } });
    return { ...summary, status: 'unchanged', unchanged: count };
  }
  summary.status = existingSource ? 'updated' : 'new';
  const source = existingSource
    ? await tx.source.update({
        where: { id: existingSource.id },
        data: { contentHash: deck.contentHash, title: deck.title, ingestedAt: now },
      })
    : await tx.source.create({ data: { path, title: deck.title, contentHash: deck.contentHash, ingestedAt: now } });

  const conceptIds = await writeConcepts(tx, source.id, deck);
  const oldCards = await tx.card.findMany({
    where: { concept: { sourceId: source.id } },
    select: {
      id: true, key: true, question: true, answer: true, explanation: true, kind: true, sourceLine: true,
      status: true, concept: { select: { key: true } },
    },
  });
  const existing: ExistingCard[] = oldCards.map(({ concept, ...card }) => ({ ...card, conceptKey: concept.key }));
  const plan = reconcileCards(existing, deck.cards);
  const orderOf = new Map(deck.cards.map((card, i) => [card.key, i]));
  const order = (key: string) => orderOf.get(key)!;

  if (plan.create.length > 0) {
    await tx.card.createMany({
      data: plan.create.map((draft) => ({
        id: draft.key,
        key: draft.key,
        conceptId: conceptIds.get(draft.conceptKey)!,
        kind: draft.kind,
        question: draft.question,
        answer: draft.answer,
        explanation: draft.explanation ?? null,
        sourceLine: draft.line,
        order: order(draft.key),
      })),
    });
  }
  for (const { id, draft } of plan.update) {
    await tx.card.update({
      where: { id },
      data: {
        key: draft.key,
        conceptId: conceptIds.get(draft.conceptKey)!,
        kind: draft.kind,
        question: draft.question,
        answer: draft.answer,
        explanation: draft.explanation ?? null,
        sourceLine: draft.line,
        order: order(draft.key),
        status: 'active',
      },
    });
  }
  if (plan.retire.length > 0) {
    await tx.card.updateMany({ where: { id: { in: plan.retire } }, data: { status: 'retired' } });
  }
  summary.created = plan.create.length;
  summary.changed = plan.update.length;
  summary.unchanged = plan.unchanged;
  summary.retired = plan.retire.length;
  return summary;
}

/** Upserts the note's concepts by key and retires the ones that are gone; returns key -> id. */
async function writeConcepts(tx: Tx, sourceId: string, deck: NoteDeck): Promise<Map<string, string>> {
  const existing = await tx.concept.findMany({ where: { sourceId }, select: { id: true, key: true } });
  const ids = new Map(existing.map((c) => [c.key, c.id]));
  const fresh = deck.concepts.filter((c) => !ids.has(c.key));
  for (const concept of fresh) ids.set(concept.key, concept.key);

  const fields = (c: NoteDeck['concepts'][number]) => ({
    sourceId,
    parentId: c.parentKey ? ids.get(c.parentKey)! : null,
    headingPath: JSON.stringify(c.path),
    title: c.title,
    depth: c.depth,
    order: c.order,
    body: c.body,
    startLine: c.startLine,
    endLine: c.endLine,
    status: 'active',
  });
  // Parents precede children in document order, so creating in order satisfies the foreign key.
  if (fresh.length > 0) {
    await tx.concept.createMany({ data: fresh.map((c) => ({ id: c.key, key: c.key, ...fields(c) })) });
  }
  const freshKeys = new Set(fresh.map((c) => c.key));
  for (const concept of deck.concepts) {
    if (!freshKeys.has(concept.key)) await tx.concept.update({ where: { key: concept.key }, data: fields(concept) });
  }
  const keep = new Set(deck.concepts.map((c) => c.key));
  const gone = existing.filter((c) => !keep.has(c.key)).map((c) => c.id);
  if (gone.length > 0) await tx.concept.updateMany({ where: { id: { in: gone } }, data: { status: 'retired' } });
  return ids;
}
