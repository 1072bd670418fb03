import { matchText, planKeyChanges, reconcileCards, type ExistingCard } from '../ingest/reconcile';
import { rekeyDeck } from '../ingest/rekey';
import { deckProblems } from '../ingest/validate-deck';
import type { ConceptDraft, NoteDeck } from '../ingest/types';
import { queryRows } from './direct-sql';
import { Prisma, type PrismaClient } from './generated/client';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface FileSummary {
  file: string;
  /**
   * "unchanged": same content hash as last time, nothing was touched (but see movedFrom);
   * "removed": the note is gone from a folder that was ingested, so its cards were retired.
   */
  status: 'new' | 'updated' | 'unchanged' | 'removed';
  /**
   * Set when the note was found under a new path (renamed or moved, matched by content): the path
   * it had. The Source, its concepts and its cards (with their history) moved with it.
   */
  movedFrom?: string;
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
  /**
   * The path the Source row is stored under, unique within the owner's deck: relative to the
   * folder the note was read from (folder name first), or the file name (lib/notes/read-notes).
   */
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
  /** The longest of the run's write transactions, in ms: how long the run held up a review at most. */
  longestTransactionMs: number;
}

/** A run that cannot be written as given; nothing was written. `problems` are "file:line: message". */
export class IngestRejectedError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'IngestRejectedError';
  }
}

/** Longest one file's write transaction may run (a huge note writes thousands of rows). */
const TRANSACTION_TIMEOUT_MS = 120_000;

/** Rows per INSERT/UPDATE statement (see insertRows). */
const ROWS_PER_STATEMENT = 2000;

/**
 * The stored content hash of each of `paths` that has a Source row in the deck of `ownerId`
 * (null: the shared starter deck).
 */
export async function storedHashes(prisma: PrismaClient, paths: string[], ownerId: string | null = null): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const chunk of chunks(paths, 5000)) {
    const rows = await prisma.source.findMany({
      where: { ownerId, path: { in: chunk } },
      select: { path: true, contentHash: true },
    });
    for (const row of rows) hashes.set(row.path, row.contentHash);
  }
  return hashes;
}

/** Writes decks as one run (see writeIngestRun); a summary per deck. */
export async function writeDecks(
  prisma: PrismaClient,
  decks: { deck: NoteDeck; storedPath: string }[],
  now: Date,
  options: WriteOptions = {},
): Promise<FileSummary[]> {
  const entries = decks.map(({ deck, storedPath }) => ({ file: deck.file, storedPath, deck }));
  return (await writeIngestRun(prisma, entries, now, options)).summaries;
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
   * Stored paths of the folders this run read in full ("" for all of the deck): a note stored
   * under one of them that the run did not see was deleted (its concepts and cards are retired,
   * history kept), unless it reappears under a new path (a rename, see planSources).
   */
  folders?: string[];
  /** Whose deck the run writes: a user's id, or null (the default) for the shared starter deck. */
  ownerId?: string | null;
}

/** Where one entry of a run goes. */
interface SourcePlan {
  /** The existing Source (found by path, or by content when the note was renamed), or null. */
  source: { id: string; path: string; key: string; contentHash: string } | null;
  /** The key the deck's concept and card keys derive from (the Source's, or a new one). */
  key: string;
  /** The path the Source is stored under after the run. */
  path: string;
  movedFrom?: string;
}

/**
 * Writes one ingest run into the deck of `ownerId`; a summary per entry, in order, then one per
 * removed note.
 *
 * Every deck is checked (lib/ingest/validate-deck) and every Source is planned (renames found,
 * new keys chosen) before the first write, so a run with a bad file writes nothing. Each file is
 * then written in its own short transaction (a handful of batched statements: INSERT ... SELECT
 * FROM json_each, UPDATE ... FROM json_each), so a long ingest never holds the write lock for
 * more than one file and reviews go on meanwhile. A file is all or nothing; should the database
 * itself fail midway (disk full), the files already written stay written and re-running the same
 * ingest finishes the job (written files are then unchanged).
 */
export async function writeIngestRun(
  prisma: PrismaClient,
  entries: IngestEntry[],
  now: Date,
  { force = false, onFileWritten, folders = [], ownerId = null }: WriteOptions = {},
): Promise<WriteResult> {
  const problems = entries.flatMap((entry) => (entry.deck ? deckProblems(entry.deck) : []));
  const paths = new Map<string, string>();
  for (const entry of entries) {
    const other = paths.get(entry.storedPath);
    if (other !== undefined) problems.push(`${entry.file}: stored as ${entry.storedPath}, like ${other}`);
    paths.set(entry.storedPath, entry.file);
  }
  if (problems.length > 0) throw new IngestRejectedError(problems);

  const plans = await planSources(prisma, entries, folders, ownerId);
  const skipped = await unchangedCounts(prisma, plans.flatMap((plan, i) => (entries[i].deck ? [] : [plan.source!.id])));
  const result: WriteResult = { summaries: [], rows: 0, longestTransactionMs: 0 };
  const timed = async <T>(write: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await write();
    } finally {
      result.longestTransactionMs = Math.max(result.longestTransactionMs, performance.now() - start);
    }
  };
  for (const [i, entry] of entries.entries()) {
    const plan = plans[i];
    if (entry.deck) {
      const deck = rekeyDeck(entry.deck, plan.key);
      const { summary, rows } = await writeDeck(prisma, deck, plan, ownerId, now, force, timed);
      result.summaries.push(summary);
      result.rows += rows;
    } else {
      const counts = skipped.get(plan.source!.id)!;
      result.summaries.push({ file: entry.file, status: 'unchanged', created: 0, changed: 0, retired: 0, ...counts });
    }
    onFileWritten?.(entry.file);
  }
  result.summaries.push(...(await retireRemovedNotes(prisma, ownerId, folders, new Set(plans.map((p) => p.path)), timed)));
  return result;
}

/** Paths under one of `folders` ("" stands for every path). */
function under(folders: string[], path: string): boolean {
  return folders.some((folder) => folder === '' || path.startsWith(`${folder}/`));
}

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Share of a renamed note's cards that must reappear word for word (normalised question and
 * answer) under the new path, counted against the larger of the two notes, for a note edited
 * while it moved to be taken as the same note. A wrong match costs little (the reconciler still
 * matches card by card: cards that differ are retired with their history, new ones created); a
 * missed one restarts every card, so the bar is a simple majority.
 */
export const RENAME_CARD_OVERLAP = 0.5;

/**
 * Finds each entry's Source. By path within the owner's deck first. A path the deck does not
 * have, among the Sources of the same deck that this run did not see, is:
 * - the same note read through a narrower root when exactly one of them ends with "/<path>"
 *   (`npm run ingest -- content/caching.md` after `npm run ingest -- content`): it keeps its
 *   longer stored path, whatever its content now;
 * - a renamed or moved note when one has the same content hash and lies under a folder of the
 *   run or has the same file name (the same notes read from another folder), or lies under a
 *   folder of the run and shares at least RENAME_CARD_OVERLAP of its cards.
 * Anything else is a new note, given a new key. Reads only; matches are one to one, best first.
 */
async function planSources(
  prisma: PrismaClient, entries: IngestEntry[], folders: string[], ownerId: string | null,
): Promise<SourcePlan[]> {
  const sources = await prisma.source.findMany({
    where: { ownerId },
    select: { id: true, path: true, key: true, contentHash: true },
    orderBy: { path: 'asc' },
  });
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const seen = new Set(entries.map((e) => e.storedPath));
  const missing = sources.filter((s) => !seen.has(s.path));
  const plans: (SourcePlan | null)[] = entries.map((entry) => {
    const source = byPath.get(entry.storedPath);
    if (source) return { source, key: source.key, path: source.path };
    if (!entry.deck) throw new IngestRejectedError([`${entry.file}: skipped as unchanged but it was never ingested`]);
    return null;
  });
  const fresh = entries.flatMap((entry, i) => (plans[i] === null ? [i] : []));
  const taken = new Set<string>();
  const move = (i: number, source: (typeof sources)[number]) => {
    plans[i] = { source, key: source.key, path: entries[i].storedPath, movedFrom: source.path };
    taken.add(source.id);
  };

  // Read through a narrower root: the only unseen note whose path ends with this one.
  for (const i of fresh) {
    const tail = `/${entries[i].storedPath}`;
    const wider = missing.filter((s) => s.path.endsWith(tail));
    if (wider.length === 1 && !taken.has(wider[0].id)) {
      plans[i] = { source: wider[0], key: wider[0].key, path: wider[0].path };
      taken.add(wider[0].id);
    }
  }

  // The same content: prefer a source with the same file name.
  for (const i of fresh) {
    if (plans[i] !== null) continue;
    const { deck, storedPath } = entries[i];
    const same = missing.filter(
      (s) => !taken.has(s.id) && s.contentHash === deck!.contentHash && (under(folders, s.path) || fileName(s.path) === fileName(storedPath)),
    );
    const best = same.find((s) => fileName(s.path) === fileName(storedPath)) ?? same[0];
    if (best) move(i, best);
  }

  // Edited while it moved: most of its cards are still there, word for word.
  const left = fresh.filter((i) => plans[i] === null);
  const candidates = missing.filter((s) => !taken.has(s.id) && under(folders, s.path));
  if (left.length > 0 && candidates.length > 0) {
    const cards = await prisma.card.findMany({
      where: { status: 'active', concept: { sourceId: { in: candidates.map((s) => s.id) } } },
      select: { question: true, answer: true, concept: { select: { sourceId: true } } },
    });
    const sourcesOf = new Map<string, string[]>();
    const sizeOf = new Map<string, number>();
    for (const card of cards) {
      const text = matchText(card.question, card.answer);
      const list = sourcesOf.get(text);
      if (list) list.push(card.concept.sourceId);
      else sourcesOf.set(text, [card.concept.sourceId]);
      sizeOf.set(card.concept.sourceId, (sizeOf.get(card.concept.sourceId) ?? 0) + 1);
    }
    const pairs: { i: number; source: (typeof sources)[number]; score: number }[] = [];
    for (const i of left) {
      const shared = new Map<string, number>();
      for (const text of new Set(entries[i].deck!.cards.map((c) => matchText(c.question, c.answer)))) {
        for (const id of new Set(sourcesOf.get(text) ?? [])) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      for (const source of candidates) {
        const n = shared.get(source.id) ?? 0;
        const score = n / Math.max(sizeOf.get(source.id) ?? 0, entries[i].deck!.cards.length, 1);
        if (n > 0 && score >= RENAME_CARD_OVERLAP) pairs.push({ i, source, score });
      }
    }
    pairs.sort((a, b) => b.score - a.score || a.i - b.i || (a.source.path < b.source.path ? -1 : 1));
    for (const { i, source } of pairs) if (plans[i] === null && !taken.has(source.id)) move(i, source);
  }

  for (const i of fresh) {
    const { storedPath } = entries[i];
    if (plans[i] === null) plans[i] = { source: null, key: await freeSourceKey(prisma, ownerId, storedPath), path: storedPath };
  }
  return plans as SourcePlan[];
}

/**
 * A new Source's key. The shared deck's is its path (as every key was before notes had owners, so
 * a fresh starter deck gets the keys it always had); a user's is "<user id>/<path>". A renamed
 * note keeps its key, so the key of a new note at its old path may be taken: then "#2", "#3"...
 */
async function freeSourceKey(prisma: PrismaClient, ownerId: string | null, path: string): Promise<string> {
  const base = ownerId === null ? path : `${ownerId}/${path}`;
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}#${n}`;
    if (!(await prisma.source.findUnique({ where: { key }, select: { id: true } }))) return key;
  }
}

/**
 * Retires the active concepts and cards of the owner's notes under `folders` that are not in
 * `present` (after the run's renames), one short transaction per note.
 */
async function retireRemovedNotes(
  prisma: PrismaClient, ownerId: string | null, folders: string[], present: Set<string>,
  timed: <T>(write: () => Promise<T>) => Promise<T>,
): Promise<FileSummary[]> {
  if (folders.length === 0) return [];
  const sources = await prisma.source.findMany({ where: { ownerId }, select: { id: true, path: true }, orderBy: { path: 'asc' } });
  const summaries: FileSummary[] = [];
  for (const source of sources.filter((s) => under(folders, s.path) && !present.has(s.path))) {
    const { retired, concepts } = await timed(() => prisma.$transaction(async (tx) => {
      const counts = {
        retired: await tx.card.updateMany({ where: { status: 'active', concept: { sourceId: source.id } }, data: { status: 'retired' } }),
        concepts: await tx.concept.updateMany({ where: { sourceId: source.id, status: 'active' }, data: { status: 'retired' } }),
      };
      // A cleared hash: should the same file come back, it is parsed again and its cards revived
      // (with their history) instead of being skipped as unchanged and left retired.
      if (counts.retired.count > 0 || counts.concepts.count > 0) {
        await tx.source.update({ where: { id: source.id }, data: { contentHash: '' } });
      }
      return counts;
    }));
    if (retired.count === 0 && concepts.count === 0) continue;
    summaries.push({ file: source.path, status: 'removed', concepts: 0, created: 0, changed: 0, unchanged: 0, retired: retired.count });
  }
  return summaries;
}

/** Active concepts and cards of the given sources, by source id. */
async function unchangedCounts(prisma: PrismaClient, ids: string[]): Promise<Map<string, { concepts: number; unchanged: number }>> {
  const counts = new Map<string, { concepts: number; unchanged: number }>();
  for (const chunk of chunks(ids, 5000)) {
    const rows = await prisma.$queryRawUnsafe<{ id: string; concepts: bigint | number; cards: bigint | number }[]>(
      `SELECT s."id" AS id,
         (SELECT COUNT(*) FROM "Concept" co WHERE co."sourceId" = s."id" AND co."status" = 'active') AS concepts,
         (SELECT COUNT(*) FROM "Card" c JOIN "Concept" co ON co."id" = c."conceptId"
           WHERE co."sourceId" = s."id" AND c."status" = 'active') AS cards
       FROM "Source" s WHERE s."id" IN (SELECT value FROM json_each(?))`,
      JSON.stringify(chunk),
    );
    for (const row of rows) counts.set(row.id, { concepts: Number(row.concepts), unchanged: Number(row.cards) });
  }
  return counts;
}

/**
 * Writes one note in one transaction. Its stored concepts and cards are read and the writes
 * planned (matching the cards is most of the work) before the write lock is taken; inside the
 * transaction they are read again, and planned anew only if they changed meanwhile (another
 * process wrote the same note). So the lock is held for one read and the writes, and reviews
 * wait that long at most, not for the planning.
 */
async function writeDeck(
  prisma: PrismaClient, deck: NoteDeck, plan: SourcePlan, ownerId: string | null, now: Date, force: boolean,
  timed: <T>(write: () => Promise<T>) => Promise<T>,
): Promise<{ summary: FileSummary; rows: number }> {
  const { path } = plan;
  const summary: FileSummary = {
    file: deck.file, status: 'new', concepts: deck.concepts.length, created: 0, changed: 0, unchanged: 0, retired: 0,
    ...(plan.movedFrom === undefined ? {} : { movedFrom: plan.movedFrom }),
  };
  const inTransaction = <T>(write: (tx: Tx) => Promise<T>) =>
    timed(() => prisma.$transaction(write, { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS }));
  const existing = plan.source;
  if (existing && !force && existing.contentHash === deck.contentHash) {
    return inTransaction(async (tx) => {
      if (plan.movedFrom !== undefined) await tx.source.update({ where: { id: existing.id }, data: { path } });
      const count = await tx.card.count({ where: { status: 'active', concept: { sourceId: existing.id } } });
      return { summary: { ...summary, status: 'unchanged', unchanged: count }, rows: plan.movedFrom === undefined ? 0 : 1 };
    });
  }
  summary.status = existing ? 'updated' : 'new';
  const read = () => (existing ? readNote(prisma, existing.id) : Promise.resolve(NO_ROWS));
  const before = await read();
  const planned = planNote(before, deck);
  return inTransaction(async (tx) => {
    const stored = await read();
    const note = JSON.stringify(stored) === JSON.stringify(before) ? planned : planNote(stored, deck);
    const source = existing
      ? await tx.source.update({
          where: { id: existing.id },
          data: { path, contentHash: deck.contentHash, title: deck.title, ingestedAt: now },
        })
      : await tx.source.create({
          data: { ownerId, path, key: plan.key, title: deck.title, contentHash: deck.contentHash, ingestedAt: now },
        });
    await writeConcepts(tx, source.id, note.concepts);
    await writeCards(tx, note.cards, now);
    Object.assign(summary, note.cards.counts);
    return { summary, rows: 1 + note.concepts.rows + note.cards.rows };
  });
}

const CONCEPT_COLUMNS = ['parentId', 'headingPath', 'title', 'depth', 'order', 'body', 'startLine', 'endLine', 'lineMap', 'status'] as const;

type StoredConcept = { id: string; key: string } & Record<(typeof CONCEPT_COLUMNS)[number], unknown>;

/** A note's rows as stored: every concept and card (retired ones too), cards in deck order. */
interface StoredNote {
  concepts: StoredConcept[];
  cards: (ExistingCard & { order: number })[];
}

const NO_ROWS: StoredNote = { concepts: [], cards: [] };

/** Read by direct SQL (lib/db/direct-sql.ts): on `prisma`'s one connection, so inside its transaction when one is open. */
async function readNote(prisma: PrismaClient, sourceId: string): Promise<StoredNote> {
  const concepts = await queryRows<StoredConcept>(Prisma.sql`
    SELECT "id", "key", ${Prisma.join(CONCEPT_COLUMNS.map((column) => Prisma.raw(quote(column))))}
    FROM "Concept" WHERE "sourceId" = ${sourceId} ORDER BY "id"`, prisma);
  const cards = await queryRows<StoredNote['cards'][number]>(Prisma.sql`
    SELECT c."id", c."key", c."question", c."answer", c."explanation", c."kind", c."sourceLine", c."status", c."order",
      co."key" AS "conceptKey"
    FROM "Card" c JOIN "Concept" co ON co."id" = c."conceptId"
    WHERE co."sourceId" = ${sourceId} ORDER BY c."order", c."id"`, prisma);
  return { concepts, cards };
}

/** Every write of one note, as rows for the batched statements below. */
interface NotePlan {
  concepts: ConceptPlan;
  cards: CardWrites;
}

function planNote(stored: StoredNote, deck: NoteDeck): NotePlan {
  const concepts = planConcepts(stored.concepts, deck);
  return { concepts, cards: planCards(stored.cards, deck, concepts.ids) };
}

interface ConceptPlan {
  /** Concept key -> id, for every concept of the deck (new ones get fresh ids). */
  ids: Map<string, string>;
  /** [id, key, ...CONCEPT_COLUMNS]; the source id is added when written. */
  insert: unknown[][];
  /** [id, ...CONCEPT_COLUMNS] */
  update: unknown[][];
  retire: string[];
  rows: number;
}

/** Upserts the note's concepts by key and retires the ones that are gone. */
function planConcepts(existing: StoredConcept[], deck: NoteDeck): ConceptPlan {
  const byKey = new Map(existing.map((c) => [c.key, c]));
  const ids = new Map(existing.map((c) => [c.key, c.id]));
  const takenIds = new Set(existing.map((c) => c.id));
  const fresh = deck.concepts.filter((c) => !byKey.has(c.key));
  for (const concept of fresh) ids.set(concept.key, freshId(concept.key, takenIds));

  const values = (c: ConceptDraft) => {
    const parentId = c.parentKey ? ids.get(c.parentKey) : null;
    if (parentId === undefined) throw new Error(`${deck.file}:${c.startLine}: concept ${c.key} has no parent ${c.parentKey}`);
    return [parentId, JSON.stringify(c.path), c.title, c.depth, c.order, c.body, c.startLine, c.endLine, JSON.stringify(c.lineMap), 'active'];
  };
  // Parents precede children in document order, so inserting in order satisfies the foreign key.
  const insert = fresh.map((c) => [ids.get(c.key)!, c.key, ...values(c)]);
  const update: unknown[][] = [];
  for (const concept of deck.concepts) {
    const old = byKey.get(concept.key);
    if (!old) continue;
    const next = values(concept);
    const stored = CONCEPT_COLUMNS.map((column) => old[column]);
    if (next.some((value, i) => value !== stored[i])) update.push([old.id, ...next]);
  }
  const keep = new Set(deck.concepts.map((c) => c.key));
  const retire = existing.filter((c) => !keep.has(c.key) && c.status === 'active').map((c) => c.id);
  return { ids, insert, update, retire, rows: insert.length + update.length + retire.length };
}

async function writeConcepts(tx: Tx, sourceId: string, plan: ConceptPlan): Promise<void> {
  await insertRows(tx, 'Concept', ['id', 'key', 'sourceId', ...CONCEPT_COLUMNS], plan.insert.map(([id, key, ...rest]) => [id, key, sourceId, ...rest]));
  await updateRows(tx, 'Concept', [...CONCEPT_COLUMNS], plan.update);
  await updateWhereIdIn(tx, 'Concept', `"status" = 'retired'`, [], plan.retire);
}

const CARD_COLUMNS = ['key', 'conceptId', 'kind', 'question', 'answer', 'explanation', 'sourceLine', 'order', 'status'] as const;

interface CardWrites {
  /** Cards whose key changes: moved to a temporary key first (see planKeyChanges). */
  moving: string[];
  /** [id, key] */
  park: unknown[][];
  /** [id, ...CARD_COLUMNS] */
  update: unknown[][];
  /** [id, order] */
  reorder: unknown[][];
  /** [id, ...CARD_COLUMNS] */
  insert: unknown[][];
  retire: string[];
  counts: Pick<FileSummary, 'created' | 'changed' | 'unchanged' | 'retired'>;
  rows: number;
}

function planCards(stored: StoredNote['cards'], deck: NoteDeck, conceptIds: Map<string, string>): CardWrites {
  const existing: ExistingCard[] = stored.map(({ order: _order, ...card }) => card);
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
  const row = (id: string, draft: NoteDeck['cards'][number]) => [
    id, draft.key, conceptId(draft), draft.kind, draft.question, draft.answer, draft.explanation ?? null,
    draft.line, orderOf.get(draft.key)!, 'active',
  ];

  // A card whose place in the deck moved (a card was added or removed before it) but whose text,
  // key and line did not is counted unchanged; only its order is rewritten.
  const untouched = new Set([...plan.update.map((u) => u.id), ...plan.retire]);
  const oldByKey = new Map(stored.map((card) => [card.key, card]));
  const reorder: unknown[][] = [];
  for (const [i, draft] of deck.cards.entries()) {
    const old = oldByKey.get(draft.key);
    if (old && old.status === 'active' && !untouched.has(old.id) && old.order !== i) reorder.push([old.id, i]);
  }

  const keys = planKeyChanges(existing, plan);
  const takenIds = new Set(existing.map((c) => c.id));
  const writes = {
    moving: keys.moving,
    park: keys.park.map((p) => [p.id, p.key]),
    update: plan.update.map(({ id, draft }) => row(id, draft)),
    reorder,
    insert: plan.create.map((draft) => row(freshId(draft.key, takenIds), draft)),
    retire: plan.retire,
  };
  return {
    ...writes,
    counts: { created: plan.create.length, changed: plan.update.length, unchanged: plan.unchanged, retired: plan.retire.length },
    rows: keys.park.length + plan.update.length + reorder.length + plan.create.length + plan.retire.length,
  };
}

async function writeCards(tx: Tx, plan: CardWrites, now: Date): Promise<void> {
  // Key moves first, through temporary keys, so no two cards ever hold the same key (two cards
  // that swap text swap keys too).
  await updateWhereIdIn(tx, 'Card', `"key" = '~tmp~' || "id"`, [], plan.moving);
  await updateRows(tx, 'Card', ['key'], plan.park, { updatedAt: now });
  await updateRows(tx, 'Card', [...CARD_COLUMNS], plan.update, { updatedAt: now });
  await updateRows(tx, 'Card', ['order'], plan.reorder, { updatedAt: now });
  await insertRows(tx, 'Card', ['id', ...CARD_COLUMNS], plan.insert, { createdAt: now, updatedAt: now });
  await updateWhereIdIn(tx, 'Card', `"status" = 'retired', "updatedAt" = ?`, [now], plan.retire);
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
