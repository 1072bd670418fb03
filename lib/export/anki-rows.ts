/**
 * The user's deck and progress as the rows of an Anki collection (schema 11), pure. Deck tree and
 * tags come from each card's topic path; an answered card keeps its SM-2 state (interval, ease,
 * due day, lapses) as an Anki review card, and its answers become the revlog. SM-2 and Anki's
 * scheduler share these quantities: Anki's ease is SM-2's E-Factor in permille.
 */
import { createHash } from 'node:crypto';
import { renderMarkdown } from '../render/markdown';
import { studyDayLabel, studyDayStart } from '../srs/study-day';
import { CARD_QUEUE, CARD_TYPE, DEFAULT_DECK_ID, MODEL_ID, REVLOG_TYPE } from './anki-collection';
import type { ExportCard, ExportLog, ProgressRows } from './progress';

/** The top of the deck tree in Anki. */
export const ROOT_DECK = 'Recall';
/** Anki stores at most a minute of answer time per review. */
const MAX_ANSWER_MS = 60_000;
const DAY_MS = 86_400_000;

export interface AnkiNote { id: number; guid: string; mid: number; mod: number; tags: string; flds: string; sfld: string; csum: number }
export interface AnkiCard {
  id: number; nid: number; did: number; mod: number; type: number; queue: number; due: number;
  ivl: number; factor: number; reps: number; lapses: number;
}
export interface AnkiRevlog { id: number; cid: number; ease: number; ivl: number; lastIvl: number; factor: number; time: number; type: number }

export interface AnkiRows {
  /** Collection creation: start of the study day of the earliest answer (or of now); seconds. */
  crt: number;
  decks: { id: number; name: string }[];
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}

/** A deck or tag part: Anki splits deck names on "::", and tags on spaces. */
const deckPart = (s: string) => s.replaceAll('::', ':').replace(/\s+/g, ' ').trim() || 'Untitled';
const tagPart = (s: string) => deckPart(s).replace(/ /g, '_');

export const deckName = (path: string[]) => [ROOT_DECK, ...path.map(deckPart)].join('::');
export const topicTag = (path: string[]) => path.map(tagPart).join('::');

/** Anki's sort field text and checksum: first 8 hex digits of SHA-1 of the field without HTML. */
function sortField(html: string): { sfld: string; csum: number } {
  const sfld = html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();
  return { sfld, csum: parseInt(createHash('sha1').update(sfld).digest('hex').slice(0, 8), 16) };
}

/** SM-2 grade (0..5) to Anki's answer button (1 Again, 2 Hard, 3 Good, 4 Easy), as the review buttons map them. */
export function easeOfGrade(grade: number): number {
  if (grade < 3) return 1;
  return Math.min(4, grade - 1);
}

const days = (label: string) => Date.parse(`${label}T00:00:00Z`) / DAY_MS;

function field(markdown: string): string {
  return renderMarkdown(markdown).trim();
}

export function buildAnkiRows(rows: ProgressRows, now: Date): AnkiRows {
  const { timeZone, rolloverHour } = rows.settings;
  const nowMs = now.getTime();
  const earliest = Math.min(
    nowMs,
    ...rows.cards.flatMap((c) => (c.state ? [c.state.introducedAt.getTime()] : [])),
    ...rows.logs.map((l) => l.reviewedAt.getTime()),
  );
  const crtStart = studyDayStart(new Date(earliest), timeZone, rolloverHour);
  const crtDay = days(studyDayLabel(crtStart, timeZone, rolloverHour));
  /** Anki's due day of a review card: study days since the collection's creation. */
  const dayNumber = (d: Date) => days(studyDayLabel(d, timeZone, rolloverHour)) - crtDay;

  const decks = new Map<string, number>();
  const deckId = (path: string[]): number => {
    for (let depth = 0; depth <= path.length; depth++) {
      const name = deckName(path.slice(0, depth));
      if (!decks.has(name)) decks.set(name, nowMs + decks.size + 1);
    }
    return decks.get(deckName(path))!;
  };

  const logsByCard = new Map<string, ExportLog[]>();
  for (const log of rows.logs) {
    if (log.undoneAt) continue;
    logsByCard.set(log.cardKey, [...(logsByCard.get(log.cardKey) ?? []), log]);
  }

  const notes: AnkiNote[] = [];
  const cards: AnkiCard[] = [];
  const revlog: AnkiRevlog[] = [];
  const usedRevlogIds = new Set<number>();
  rows.cards.forEach((card: ExportCard, i) => {
    const id = nowMs + i; // notes and cards are separate tables: the same number is no clash
    const front = field(card.question);
    const back = field(card.explanation ? `${card.answer}\n\n${card.explanation}` : card.answer);
    const source = `${card.concept.file}:${card.line}`.replace(/[<>&]/g, '');
    const tags = [topicTag(card.concept.path), ...(card.state?.leech ? ['leech'] : [])];
    notes.push({
      id, guid: card.key, mid: MODEL_ID, mod: Math.floor(nowMs / 1000), tags: ` ${tags.join(' ')} `,
      flds: [front, back, source].join('\x1f'), ...sortField(front),
    });
    const logs = logsByCard.get(card.key) ?? [];
    const s = card.state;
    cards.push({
      id, nid: id, did: deckId(card.concept.path),
      mod: Math.floor((s?.lastReviewedAt ?? now).getTime() / 1000),
      type: s ? CARD_TYPE.review : CARD_TYPE.new,
      queue: !s ? CARD_QUEUE.new : s.suspended ? CARD_QUEUE.suspended : CARD_QUEUE.review,
      // New cards: their position in deck order; review cards: their due study day.
      due: s ? dayNumber(s.due) : i + 1,
      ivl: s ? Math.max(1, s.intervalDays) : 0,
      factor: s ? Math.round(s.easeFactor * 1000) : 0,
      reps: s ? logs.length : 0,
      lapses: s?.lapses ?? 0,
    });
    for (const log of logs) {
      // revlog ids are answer times in ms and must be unique: a clash moves one ms later.
      let at = log.reviewedAt.getTime();
      while (usedRevlogIds.has(at)) at++;
      usedRevlogIds.add(at);
      revlog.push({
        id: at, cid: id, ease: easeOfGrade(log.grade), ivl: Math.max(1, log.intervalDays), lastIvl: log.prevIntervalDays,
        factor: Math.round(log.easeFactor * 1000), time: Math.min(MAX_ANSWER_MS, Math.max(0, log.timeTakenMs)),
        // A re-drill repeats a card without rescheduling it, as a review in Anki's filtered decks does.
        type: log.kind === 'redrill' ? REVLOG_TYPE.filtered : log.wasNew ? REVLOG_TYPE.learn : REVLOG_TYPE.review,
      });
    }
  });
  return {
    crt: Math.floor(crtStart.getTime() / 1000),
    decks: [{ id: DEFAULT_DECK_ID, name: 'Default' }, ...[...decks].map(([name, id]) => ({ id, name }))],
    notes,
    cards,
    revlog: revlog.sort((a, b) => a.id - b.id),
  };
}
