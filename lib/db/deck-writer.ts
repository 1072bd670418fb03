import { planKeyChanges, reconcileCards, type ExistingCard } from '../ingest/reconcile';
import type { ConceptDraft, NoteDeck } from '../ingest/types';
import type { PrismaClient } from './generated/client';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface FileSummary {
  file: string;
  /**
   * "unchanged": same content hash as last time, nothing was touched; "removed": the note is gone
   * from a folder that was ingested, so its cards were retired.
   */
  status: 'new' | 'updated' | 'unchanged' | 'removed';
  concepts: number;
  created: number;
  changed: number;
  unchanged: number;
  retired: number;
}

/** One file of an ingest run. */
export interface IngestEntry {
  /** The path as the user gave it, for messages. */
  file: string;
  /** The path the Source row is keyed by. */
  storedPath: string;
  /**
   * The parsed note, or null when the caller skipped parsing because the file's content hash is
   * the stored one (see storedHashes): the file is then reported unchanged and not touched.
   */
  deck: NoteDeck | null;
}

export interface WriteResult {
  summaries: FileSummary[];
  /** Rows inserted or updated (sources, concepts, cards). */
  rows: number;
}

/** Longest a whole ingest transaction may run; big corpora write tens of thousands of rows. */
const TRANSACTION_TIMEOUT_MS = 120_000;

/** Rows per INSERT/UPDATE statement (see insertRows). */
const ROWS_PER_STATEMENT = 2000;

/** The stored content hash of each of `paths` that has a Source row. */
export async function storedHashes(prisma: PrismaClient, paths: string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const chunk of chunks(paths, 5000)) {
    const rows = await prisma.source.findMany({ where: { path: { in: chunk } }, select: { path: true, contentHash: true } });
    for (const row of rows) hashes.set(row.path, row.contentHash);
  }
  return hashes;
}

/**
 * Writes decks in one transaction: all files land or none do. Cards are matched by text, key and
 * similarity (lib/ingest/reconcile) so that review history survives re-ingest; cards and concepts
 * that disappeared are retired, never deleted.
 */
export async function writeDecks(
  prisma: PrismaClient,
  decks: { deck: NoteDeck; storedPath: string }[],
  now: Date,
): Promise<FileSummary[]> {
  const entries = decks.map(({ deck, storedPath }) => ({ file: deck.file, storedPath, deck }));
  return (await writeIngestRun(prisma, entries, now)).summaries;
}

export interface WriteOptions {
  /**
   * Rewrite decks even when the stored content hash is the same (after the extractor changed,
   * an unchanged note can give a different deck). Matching still keeps every card's identity.
   */
  force?: boolean;
  /** Called after each file is written (or found unchanged). */
  onFileWritten?: (file: string) => void;
  /**
   * Stored paths of the folders this run read in full: a note stored under one of them that the
   * run did not see was deleted, and its concepts and cards are retired (history kept).
   */
  folders?: string[];
}

/**
 * Writes one ingest run in a single transaction (all files land or none do); a summary per
 * entry, in order. Writes are batched (INSERT ... SELECT FROM json_each, UPDATE ... FROM
 * json_each), so a run costs a handful of statements per file whatever its size.
 */
export async function writeIngestRun(
  prisma: PrismaClient,
  entries: IngestEntry[],
  now: Date,
  { force = false, onFileWritten, folders = [] }: WriteOptions = {},
): Promise<WriteResult> {
  return prisma.$transaction(
    async (tx) => {
      const result: WriteResult = { summaries: [], rows: 0 };
      const skipped = await unchangedCounts(tx, entries.filter((e) => !e.deck).map((e) => e.storedPath));
      for (const entry of entries) {
        if (entry.deck) {
          const { summary, rows } = await writeDeck(tx, entry.deck, entry.storedPath, now, force);
          result.summaries.push(summary);
          result.rows += rows;
        } else {
          const counts = skipped.get(entry.storedPath);
          if (!counts) throw new Error(`${entry.file}: skipped as unchanged but it was never ingested`);
          result.summaries.push({ file: entry.file, status: 'unchanged', created: 0, changed: 0, retired: 0, ...counts });
        }
        onFileWritten?.(entry.file);
      }
      result.summaries.push(...(await retireRemovedNotes(tx, folders, new Set(entries.map((e) => e.storedPath)))));
      return result;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}

/** Retires the active concepts and cards of notes under `folders` that are not in `present`. */
async function retireRemovedNotes(tx: Tx, folders: string[], present: Set<string>): Promise<FileSummary[]> {
  if (folders.length === 0) return [];
  const under = (path: string) => folders.some((folder) => folder === '' || path.startsWith(`${folder}/`));
  const sources = await tx.source.findMany({ select: { id: true, path: true } });
  const summaries: FileSummary[] = [];
  for (const source of sources.filter((s) => under(s.path) && !present.has(s.path))) {
    const where = { status: 'active', concept: { sourceId: source.id } };
    const retired = await tx.card.updateMany({ where, data: { status: 'retired' } });
    const concepts = await tx.concept.updateMany({ where: { sourceId: source.id, status: 'active' }, data: { status: 'retired' } });
    if (retired.count === 0 && concepts.count === 0) continue;
    summaries.push({ file: source.path, status: 'removed', concepts: 0, created: 0, changed: 0, unchanged: 0, retired: retired.count });
  }
  return summaries;
}

/** Active concepts and cards of the given sources, by path. */
async function unchangedCounts(tx: Tx, paths: string[]): Promise<Map<string, { concepts: number; unchanged: number }>> {
  const counts = new Map<string, { concepts: number; unchanged: number }>();
  for (const chunk of chunks(paths, 5000)) {
    const rows = await tx.$queryRawUnsafe<{ path: string; concepts: bigint | number; cards: bigint | number }[]>(
      `SELECT s."path" AS path,
         (SELECT COUNT(*) FROM "Concept" co WHERE co."sourceId" = s."id" AND co."status" = 'active') AS concepts,
         (SELECT COUNT(*) FROM "Card" c JOIN "Concept" co ON co."id" = c."conceptId"
           WHERE co."sourceId" = s."id" AND c."status" = 'active') AS cards
       FROM "Source" s WHERE s."path" IN (${chunk.map(() => '?').join(', ')})`,
      ...chunk,
    );
    for (const row of rows) counts.set(row.path, { concepts: Number(row.concepts), unchanged: Number(row.cards) });
  }
  return counts;
}

async function writeDeck(
  tx: Tx, deck: NoteDeck, path: string, now: Date, force: boolean,
): Promise<{ summary: FileSummary; rows: number }> {
  const summary: FileSummary = {
    file: deck.file, status: 'new', concepts: deck.concepts.length, created: 0, changed: 0, unchanged: 0, retired: 0,
  };
  const existingSource = await tx.source.findUnique({ where: { path } });
  if (!force && existingSource?.contentHash === deck.contentHash) {
    const count = await tx.card.count({ where: { status: 'active', concept: { sourceId: existingSource.id } } });
    return { summary: { ...summary, status: 'unchanged', unchanged: count }, rows: 0 };
  }
  summary.status = existingSource ? 'updated' : 'new';
  const source = existingSource
    ? await tx.source.update({
        where: { id: existingSource.id },
        data: { contentHash: deck.contentHash, title: deck.title, ingestedAt: now },
      })
    : await tx.source.create({ data: { path, title: deck.title, contentHash: deck.contentHash, ingestedAt: now } });

  const concepts = await writeConcepts(tx, source.id, deck);
  const cards = await writeCards(tx, source.id, deck, concepts.ids, now);
  Object.assign(summary, cards.counts);
  return { summary, rows: 1 + concepts.rows + cards.rows };
}

/** Upserts the note's concepts by key and retires the ones that are gone; returns key -> id. */
async function writeConcepts(tx: Tx, sourceId: string, deck: NoteDeck): Promise<{ ids: Map<string, string>; rows: number }> {
  const existing = await tx.concept.findMany({ where: { sourceId } });
  const byKey = new Map(existing.map((c) => [c.key, c]));
  const ids = new Map(existing.map((c) => [c.key, c.id]));
  const takenIds = new Set(existing.map((c) => c.id));
  const fresh = deck.concepts.filter((c) => !byKey.has(c.key));
  for (const concept of fresh) ids.set(concept.key, freshId(concept.key, takenIds));

  const columns = ['parentId', 'headingPath', 'title', 'depth', 'order', 'body', 'startLine', 'endLine', 'lineMap', 'status'] as const;
  const values = (c: ConceptDraft) => {
    const parentId = c.parentKey ? ids.get(c.parentKey) : null;
    if (parentId === undefined) throw new Error(`${deck.file}:${c.startLine}: concept ${c.key} has no parent ${c.parentKey}`);
    return [parentId, JSON.stringify(c.path), c.title, c.depth, c.order, c.body, c.startLine, c.endLine, JSON.stringify(c.lineMap), 'active'];
  };

  // Parents precede children in document order, so inserting in order satisfies the foreign key.
  await insertRows(
    tx, 'Concept', ['id', 'key', 'sourceId', ...columns],
    fresh.map((c) => [ids.get(c.key)!, c.key, sourceId, ...values(c)]),
  );
  const changed: unknown[][] = [];
  for (const concept of deck.concepts) {
    const old = byKey.get(concept.key);
    if (!old) continue;
    const next = values(concept);
    const stored = columns.map((column) => old[column]);
    if (next.some((value, i) => value !== stored[i])) changed.push([old.id, ...next]);
  }
  await updateRows(tx, 'Concept', [...columns], changed);

  const keep = new Set(deck.concepts.map((c) => c.key));
  const gone = existing.filter((c) => !keep.has(c.key) && c.status === 'active').map((c) => c.id);
  await updateWhereIdIn(tx, 'Concept', `"status" = 'retired'`, [], gone);
  return { ids, rows: fresh.length + changed.length + gone.length };
}

async function writeCards(
  tx: Tx,
  sourceId: string,
  deck: NoteDeck,
  conceptIds: Map<string, string>,
  now: Date,
): Promise<{ counts: Pick<FileSummary, 'created' | 'changed' | 'unchanged' | 'retired'>; rows: number }> {
  const oldCards = await tx.card.findMany({
    where: { concept: { sourceId } },
    select: {
      id: true, key: true, question: true, answer: true, explanation: true, kind: true, sourceLine: true,
      status: true, order: true, concept: { select: { key: true } },
    },
    orderBy: [{ order: 'asc' }, { id: 'asc' }],
  });
  const existing: ExistingCard[] = oldCards.map(({ concept, order: _order, ...card }) => ({ ...card, conceptKey: concept.key }));
  const plan = reconcileCards(existing, deck.cards);
  const orderOf = new Map(deck.cards.map((card, i) => [card.key, i]));
  const conceptId = (draft: NoteDeck['cards'][number]) => {
    const id = conceptIds.get(draft.conceptKey);
    if (!id) {
      throw new Error(
        `${deck.file}:${draft.line}: card ${draft.key} has no conceptId: concept ${draft.conceptKey} is not part of the note`,
      );
    }
    return id;
  };

  // A card whose place in the deck moved (a card was added or removed before it) but whose text,
  // key and line did not is counted unchanged; only its order is rewritten.
  const untouched = new Set([...plan.update.map((u) => u.id), ...plan.retire]);
  const oldByKey = new Map(oldCards.map((card) => [card.key, card]));
  const reordered: unknown[][] = [];
  for (const [i, draft] of deck.cards.entries()) {
    const old = oldByKey.get(draft.key);
    if (old && old.status === 'active' && !untouched.has(old.id) && old.order !== i) reordered.push([old.id, i]);
  }

  // Key moves first, through temporary keys, so no two cards ever hold the same key (two cards
  // that swap text swap keys too).
  const keys = planKeyChanges(existing, plan);
  await updateWhereIdIn(tx, 'Card', `"key" = '~tmp~' || "id"`, [], keys.moving);
  await updateRows(tx, 'Card', ['key'], keys.park.map((p) => [p.id, p.key]), { updatedAt: now });
  await updateRows(
    tx, 'Card',
    ['key', 'conceptId', 'kind', 'question', 'answer', 'explanation', 'sourceLine', 'order', 'status'],
    plan.update.map(({ id, draft }) => [
      id, draft.key, conceptId(draft), draft.kind, draft.question, draft.answer, draft.explanation ?? null,
      draft.line, orderOf.get(draft.key)!, 'active',
    ]),
    { updatedAt: now },
  );
  await updateRows(tx, 'Card', ['order'], reordered, { updatedAt: now });

  const takenIds = new Set(existing.map((c) => c.id));
  await insertRows(
    tx, 'Card',
    ['id', 'key', 'conceptId', 'kind', 'question', 'answer', 'explanation', 'sourceLine', 'order', 'status'],
    plan.create.map((draft) => [
      freshId(draft.key, takenIds), draft.key, conceptId(draft), draft.kind, draft.question, draft.answer,
      draft.explanation ?? null, draft.line, orderOf.get(draft.key)!, 'active',
    ]),
    { createdAt: now, updatedAt: now },
  );
  await updateWhereIdIn(tx, 'Card', `"status" = 'retired', "updatedAt" = ?`, [now], plan.retire);

  const rows = keys.park.length + plan.update.length + reordered.length + plan.create.length + plan.retire.length;
  return {
    counts: { created: plan.create.length, changed: plan.update.length, unchanged: plan.unchanged, retired: plan.retire.length },
    rows,
  };
}

/** A new row's id: its key, unless an earlier row of the note already has that id. */
function freshId(key: string, taken: Set<string>): string {
  let id = key;
  for (let n = 1; taken.has(id); n++) id = `${key}.${n}`;
  taken.add(id);
  return id;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const quote = (name: string) => `"${name}"`;

/**
 * Rows travel as one JSON parameter per statement, expanded by SQLite's json_each: binding
 * thousands of separate parameters through Prisma's raw-query path costs several times more.
 * JSON numbers arrive as INTEGER, strings as TEXT, null as NULL. `constants` (e.g. the run's
 * timestamp) are bound as ordinary parameters so that Prisma formats them (DateTime columns).
 */
async function insertRows(
  tx: Tx, table: string, columns: string[], rows: unknown[][], constants: Record<string, unknown> = {},
): Promise<void> {
  const names = [...columns, ...Object.keys(constants)].map(quote).join(', ');
  const values = [...columns.map((_, i) => `value ->> ${i}`), ...Object.keys(constants).map(() => '?')].join(', ');
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${quote(table)} (${names}) SELECT ${values} FROM json_each(?)`,
      ...Object.values(constants),
      JSON.stringify(chunk),
    );
  }
}

/** Batched UPDATE: each row is [id, ...values in `columns` order]; one statement per chunk. */
async function updateRows(
  tx: Tx, table: string, columns: string[], rows: unknown[][], constants: Record<string, unknown> = {},
): Promise<void> {
  const set = [
    ...columns.map((column, i) => `${quote(column)} = v.c${i + 1}`),
    ...Object.keys(constants).map((column) => `${quote(column)} = ?`),
  ].join(', ');
  const fields = ['value ->> 0 AS c0', ...columns.map((_, i) => `value ->> ${i + 1} AS c${i + 1}`)].join(', ');
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    await tx.$executeRawUnsafe(
      `UPDATE ${quote(table)} SET ${set} FROM (SELECT ${fields} FROM json_each(?)) AS v WHERE ${quote(table)}."id" = v.c0`,
      ...Object.values(constants),
      JSON.stringify(chunk),
    );
  }
}

/** UPDATE t SET <assignments> WHERE id IN (ids), chunked. */
async function updateWhereIdIn(tx: Tx, table: string, assignments: string, params: unknown[], ids: string[]): Promise<void> {
  for (const chunk of chunks(ids, ROWS_PER_STATEMENT)) {
    await tx.$executeRawUnsafe(
      `UPDATE ${quote(table)} SET ${assignments} WHERE "id" IN (SELECT value FROM json_each(?))`,
      ...params,
      JSON.stringify(chunk),
    );
  }
}
