import 'server-only';
import { MARK_CLOSE, MARK_OPEN, parseMarked, type Highlighted } from '../render/snippets';
import { prisma } from './client';
import { sourceIsReadable } from './readable';

/** Words of a query beyond this are ignored (each one narrows the match anyway). */
export const MAX_QUERY_WORDS = 8;
export const DEFAULT_RESULT_LIMIT = 20;
/** Tokens around a match in a body snippet. */
const SNIPPET_TOKENS = 24;
/** bm25 weights per SearchIndex column (kind, refId, conceptId, title, body): a hit in a title counts most. */
const WEIGHTS = { title: 8, body: 1 };

/** Runs of letters and digits: what the unicode61 tokenizer keeps, everything else separates tokens. */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * Turns what a user typed into FTS5 syntax that cannot fail to parse: every whitespace-separated
 * word becomes a quoted phrase of its letter/digit runs ("write-through" -> "write through", so
 * punctuation inside a word still means adjacency), the phrases are ANDed, and the last one is a
 * prefix ("*") so results follow typing. Case and diacritics are folded by the tokenizer. Null
 * when nothing searchable is left: the caller returns no results instead of querying.
 */
export function toFtsQuery(input: string): string | null {
  const phrases = input
    .normalize('NFKC')
    .split(/\s+/)
    .map((word) => word.match(TOKEN)?.join(' '))
    .filter((phrase): phrase is string => Boolean(phrase))
    .slice(0, MAX_QUERY_WORDS);
  if (phrases.length === 0) return null;
  return phrases.map((phrase, i) => `"${phrase}"${i === phrases.length - 1 ? '*' : ''}`).join(' ');
}

export interface SearchHit {
  kind: 'concept' | 'card';
  /** The concept's or the card's id. */
  id: string;
  conceptId: string;
  href: string;
  /** The concept title or the card question, matches marked. */
  title: Highlighted;
  /** The passage of the note or the card answer around the matches. */
  snippet: Highlighted;
  /** Where the hit lives: note title, then headings down to its concept. */
  trail: string[];
}

const plainText = (runs: Highlighted) => runs.map((run) => run.text).join('');

interface HitRow {
  kind: string;
  refId: string;
  conceptId: string;
  title: string;
  snippet: string;
  headingPath: string;
  sourceTitle: string;
}

/**
 * Full-text search over the active concepts and cards `userId` may read (the SearchIndex FTS5
 * table, kept in step by triggers), best bm25 first.
 */
export async function searchNotes(userId: string, query: string, limit = DEFAULT_RESULT_LIMIT): Promise<SearchHit[]> {
  const match = toFtsQuery(query);
  if (!match) return [];
  const rows = await prisma.$queryRaw<HitRow[]>`
    SELECT s.kind AS kind, s.refId AS refId, s.conceptId AS conceptId,
           highlight("SearchIndex", 3, ${MARK_OPEN}, ${MARK_CLOSE}) AS title,
           snippet("SearchIndex", 4, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS}) AS snippet,
           c."headingPath" AS "headingPath", src."title" AS "sourceTitle"
    FROM "SearchIndex" s
    JOIN "Concept" c ON c."id" = s.conceptId
    JOIN "Source" src ON src."id" = c."sourceId"
    WHERE "SearchIndex" MATCH ${match} AND c."status" = 'active' AND ${sourceIsReadable(userId, 'src')}
    ORDER BY bm25("SearchIndex", 0, 0, 0, ${WEIGHTS.title}, ${WEIGHTS.body})
    LIMIT ${limit}`;
  return rows.map((row) => {
    const kind = row.kind === 'card' ? 'card' : 'concept';
    const headings = JSON.parse(row.headingPath) as string[];
    const title = parseMarked(row.title);
    const snippet = parseMarked(row.snippet);
    return {
      kind,
      id: row.refId,
      conceptId: row.conceptId,
      href: kind === 'card' ? `/topics/${row.conceptId}#card-${row.refId}` : `/topics/${row.conceptId}`,
      title,
      // A section that is only its heading would repeat the title.
      snippet: plainText(snippet) === plainText(title) ? [] : snippet,
      trail: headings[0] === row.sourceTitle ? headings : [row.sourceTitle, ...headings],
    };
  });
}
