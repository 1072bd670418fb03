import type { ExportCard, ExportLog, ProgressRows } from '@/lib/export/progress';

export const NOW = new Date('2025-06-15T12:00:00Z');
const at = (iso: string) => new Date(iso);

const concept = (key: string, path: string[], line: number) => ({ key, title: path.at(-1)!, path, file: 'notes/caching.md', line });

/** Three cards: one studied (two answers, one more undone), one suspended leech, one new. */
export const CARDS: ExportCard[] = [
  {
    key: 'card-lru', kind: 'explicit', question: 'What is **LRU**?', answer: 'Least recently used.', explanation: 'Evicts the oldest access.',
    line: 7, concept: concept('con-eviction', ['Caching', 'Eviction'], 5),
    state: {
      repetitions: 2, intervalDays: 6, easeFactor: 2.6, due: at('2025-06-20T08:00:00Z'), lapses: 0,
      lastReviewedAt: at('2025-06-14T08:00:00Z'), introducedAt: at('2025-06-13T08:00:00Z'), suspended: false, leech: false,
    },
  },
  {
    key: 'card-cache', kind: 'definition', question: 'What is a cache?', answer: 'A fast store of copies of data.', explanation: null,
    line: 3, concept: concept('con-caching', ['Caching'], 1),
    state: {
      repetitions: 0, intervalDays: 1, easeFactor: 1.3, due: at('2025-06-15T08:00:00Z'), lapses: 9,
      lastReviewedAt: at('2025-06-14T09:00:00Z'), introducedAt: at('2025-05-01T08:00:00Z'), suspended: true, leech: true,
    },
  },
  {
    key: 'card-dlq', kind: 'qa', question: 'What is a DLQ?', answer: 'A queue for messages that keep failing.', explanation: null,
    line: 4, concept: { key: 'con-queues', title: 'Queues :: basics', path: ['Queues :: basics'], file: 'notes/queues.md', line: 1 }, state: null,
  },
];

const log = (cardKey: string, grade: number, reviewedAt: string, extra: Partial<ExportLog> = {}): ExportLog => ({
  cardKey, grade, kind: 'review', reviewedAt: at(reviewedAt), timeTakenMs: 4000, undoneAt: null, wasNew: false,
  prevIntervalDays: 1, prevEaseFactor: 2.5, intervalDays: 6, easeFactor: 2.6, due: at('2025-06-20T08:00:00Z'), ...extra,
});

export const LOGS: ExportLog[] = [
  log('card-lru', 4, '2025-06-13T08:00:00Z', { wasNew: true, prevIntervalDays: 0, intervalDays: 1, easeFactor: 2.5 }),
  log('card-lru', 5, '2025-06-14T08:00:00Z'),
  log('card-lru', 1, '2025-06-14T08:00:05Z', { undoneAt: at('2025-06-14T08:00:09Z') }),
  log('card-cache', 1, '2025-06-14T09:00:00Z', { kind: 'redrill', timeTakenMs: 120_000 }),
];

export const ROWS: ProgressRows = {
  settings: { timeZone: 'Europe/Berlin', rolloverHour: 4, newPerDay: 15, reviewsPerDay: 150, leechLapses: 8 },
  cards: CARDS,
  logs: LOGS,
};
