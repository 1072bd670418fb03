/**
 * The review benchmarks' data set (bench:review, bench:stats): a temporary database with every
 * migration applied, holding 100,000 cards in 2,000 concepts from 20 notes, one learner with review
 * states for the first 95,000 cards in deck order and 1,000,000 review-log entries over 700 days
 * (plus four lighter learners, the first of whom may also have private notes: SeedOptions).
 * Seeded: every run builds the same data.
 */
import Database from 'better-sqlite3';
import { applyMigrations } from '../prisma/apply-migrations';
import { mulberry32 } from '../lib/quiz/random';

export const SOURCES = 20;
export const CONCEPTS_PER_SOURCE = 100;
export const CARDS_PER_CONCEPT = 50;
export const CARDS = SOURCES * CONCEPTS_PER_SOURCE * CARDS_PER_CONCEPT;
export const SEEN = 95_000;
export const LOGS = 1_000_000;
export const OTHER_USERS = 4;
export const OTHER_SEEN = 2_000;
export const OTHER_LOGS = 10_000;
export const NOW = new Date('2025-06-15T12:00:00Z');
export const DAY_MS = 86_400_000;
/** Share of the main learner's seen cards that are due at NOW. */
const DUE_SHARE = 0.05;

/** The text form Prisma's SQLite adapter stores DateTime columns in. */
const sqlDate = (d: Date) => d.toISOString().replace('Z', '+00:00');
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(8, '0')}`;

export interface SeedOptions {
  /**
   * Gather the query planner's statistics (ANALYZE) at the end; the default. The app never runs
   * ANALYZE, so a benchmark that should plan as the app does turns it off.
   */
  analyze?: boolean;
  /**
   * Notes private to PRIVATE_OWNER, sized like the shared ones, every card of them reviewed by
   * their owner: what other users' decks add to a database, and what no one else may see.
   */
  privateSources?: number;
}

/** The owner of the private notes (SeedOptions.privateSources): the first lighter learner. */
export const PRIVATE_OWNER = 'user00000000';
/** Every private note's title and every private topic's starts with this. */
export const PRIVATE_TITLE = 'Private';

export function buildDatabase(file: string, { analyze = true, privateSources = 0 }: SeedOptions = {}): void {
  const db = new Database(file);
  applyMigrations(db);
  const rand = mulberry32(42); // seeded: every run builds the same data
  const insert = {
    user: db.prepare(`INSERT INTO "User" ("id", "email", "passwordHash", "newPerDay", "reviewsPerDay") VALUES (?, ?, 'x', ?, ?)`),
    source: db.prepare(`INSERT INTO "Source" ("id", "ownerId", "path", "key", "title", "contentHash", "ingestedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`),
    concept: db.prepare(`INSERT INTO "Concept" ("id", "key", "sourceId", "parentId", "headingPath", "title", "depth", "order", "body", "startLine", "endLine")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Body text of the concept.', ?, ?)`),
    card: db.prepare(`INSERT INTO "Card" ("id", "key", "conceptId", "kind", "question", "answer", "sourceLine", "order", "updatedAt")
      VALUES (?, ?, ?, 'qa', ?, 'An answer with **markdown**.', ?, ?, ?)`),
    state: db.prepare(`INSERT INTO "ReviewState" ("userId", "cardId", "repetitions", "intervalDays", "easeFactor", "due", "lapses", "lastReviewedAt", "introducedAt", "version")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    log: db.prepare(`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "grade", "reviewedAt", "timeTakenMs", "answerId", "kind", "wasNew",
      "prevRepetitions", "prevIntervalDays", "prevEaseFactor", "prevDue", "prevLapses", "repetitions", "intervalDays", "easeFactor", "due", "lapses")
      VALUES (?, ?, ?, ?, ?, 3000, ?, 'review', ?, 0, ?, 2.5, ?, 0, 1, 1, 2.5, ?, 0)`),
  };
  const ingested = sqlDate(new Date(NOW.getTime() - 30 * DAY_MS));
  db.transaction(() => {
    insert.user.run('main', 'main@example.com', 100, 200);
    for (let u = 0; u < OTHER_USERS; u++) insert.user.run(id('user', u), `other${u}@example.com`, 20, 200);
    /** Notes `first`.. of one deck (ids and keys led by `prefix`), in order; returns their card ids. */
    const addNotes = (first: number, count: number, ownerId: string | null, prefix: string, titles: { note: string; topic: string }): string[] => {
      const { note, topic } = titles;
      const conceptId = (n: number) => id(`${prefix}con`, n);
      const cards: string[] = [];
      for (let s = first; s < first + count; s++) {
        const sourceId = id(`${prefix}src`, s);
        const notePath = `notes/${String(s).padStart(2, '0')}.md`;
        insert.source.run(sourceId, ownerId, notePath, ownerId ? `${ownerId}/${notePath}` : notePath, `${note} ${s}`, `hash${s}`, ingested);
        for (let c = 0; c < CONCEPTS_PER_SOURCE; c++) {
          const n = s * CONCEPTS_PER_SOURCE + c;
          // A tree per note: concept 0 is the note's title, 1-9 its sections, the rest subsections.
          const parent = c === 0 ? null : conceptId(s * CONCEPTS_PER_SOURCE + (c < 10 ? 0 : 1 + (c % 9)));
          const depth = c === 0 ? 1 : c < 10 ? 2 : 3;
          insert.concept.run(conceptId(n), `key-${prefix}con-${n}`, sourceId, parent, JSON.stringify([`${note} ${s}`, `${topic} ${n}`]), `${topic} ${n}`, depth, c, c * 60, c * 60 + 59);
          for (let k = 0; k < CARDS_PER_CONCEPT; k++) {
            const card = n * CARDS_PER_CONCEPT + k;
            const cardId = id(`${prefix}card`, card);
            cards.push(cardId);
            insert.card.run(cardId, `key-${prefix}card-${card}`, conceptId(n), `Question ${card}?`, c * 60 + k + 1, c * CARDS_PER_CONCEPT + k, ingested);
          }
        }
      }
      return cards;
    };
    addNotes(0, SOURCES, null, '', { note: 'Note', topic: 'Topic' });
    const privateCards = addNotes(SOURCES, privateSources, PRIVATE_OWNER, 'p', { note: `${PRIVATE_TITLE} note`, topic: `${PRIVATE_TITLE} topic` });
    const addLearner = (userId: string, seen: number, logs: number) => {
      for (let i = 0; i < seen; i++) {
        const due = rand() < DUE_SHARE
          ? new Date(NOW.getTime() - Math.floor(rand() * 30) * DAY_MS - DAY_MS / 2)
          : new Date(NOW.getTime() + Math.ceil(rand() * 200) * DAY_MS);
        const last = new Date(NOW.getTime() - Math.ceil(1 + rand() * 60) * DAY_MS);
        insert.state.run(userId, id('card', i), 3, 30, 2.5, sqlDate(due), Math.floor(rand() * 3), sqlDate(last), sqlDate(new Date(NOW.getTime() - 700 * DAY_MS)), 5);
      }
      for (let i = 0; i < logs; i++) {
        const at = sqlDate(new Date(NOW.getTime() - DAY_MS - Math.floor(rand() * 700 * DAY_MS)));
        // Every 11th answer fails and previous intervals cycle 0..59 days (so some reviews are of
        // mature cards), without drawing from `rand`: the rest of the data stays as it was.
        const passed = 3 + Math.floor(rand() * 3);
        const grade = i % 11 === 0 ? 1 : passed;
        insert.log.run(`${userId}-log-${i}`, userId, id('card', i % seen), grade, at, `${userId}-answer-${i}`, i < seen ? 1 : 0, i < seen ? 0 : (i * 7) % 60, at, at);
      }
    };
    addLearner('main', SEEN, LOGS);
    for (let u = 0; u < OTHER_USERS; u++) addLearner(id('user', u), OTHER_SEEN, OTHER_LOGS);
    // The owner has reviewed every private card (drawing nothing from `rand`: the rest stays as it was).
    const due = sqlDate(new Date(NOW.getTime() + 10 * DAY_MS));
    const introduced = sqlDate(new Date(NOW.getTime() - 100 * DAY_MS));
    for (const cardId of privateCards) insert.state.run(PRIVATE_OWNER, cardId, 3, 30, 2.5, due, 0, introduced, introduced, 3);
  })();
  if (analyze) db.exec('ANALYZE');
  if (process.env.BENCH_WAL) db.pragma('journal_mode = WAL');
  db.close();
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function report(name: string, samples: number[], goalMs: number): boolean {
  if (samples.length === 0) {
    console.log(`${name.padEnd(24)} n=   0`);
    return true;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const ok = p95 <= goalMs;
  console.log(`${name.padEnd(24)} n=${String(samples.length).padStart(4)}  p50 ${p50.toFixed(2).padStart(6)} ms  p95 ${p95.toFixed(2).padStart(6)} ms  (goal p95 <= ${goalMs} ms) ${ok ? 'ok' : 'MISSED'}`);
  return ok;
}

