import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgressExport } from '@/lib/export/progress';
import { openReviewFixture, type ReviewFixture } from './review-fixture';

let f: ReviewFixture;
let exporter: typeof import('@/lib/db/export');

beforeAll(async () => {
  f = await openReviewFixture();
  exporter = await import('@/lib/db/export');
});
afterAll(async () => {
  await f?.close();
});

const NOW = new Date('2024-03-10T12:00:00Z');

describe('the progress export', () => {
  it('holds the deck in the ingest export format, with only the exporting user’s states and answers', async () => {
    const alice = await f.newUser({ timeZone: 'Europe/Paris' });
    const bob = await f.newUser();
    const first = await f.answerNext(alice, 4, NOW);
    await f.answerNext(bob, 1, NOW);
    await f.answerNext(bob, 4, NOW);

    const json = buildProgressExport(await exporter.getProgressRows(alice), NOW);
    expect(json).toMatchObject({ format: 'recall-progress', version: 1, exportedAt: NOW.toISOString() });
    expect(json.settings).toMatchObject({ timeZone: 'Europe/Paris', rolloverHour: 4 });
    expect(json.cards.map((c) => c.question)).toEqual(['What is a cache?', 'What is LRU?', 'What is LFU?', 'What is a DLQ?', 'What is backpressure?']);
    expect(json.concepts.map((c) => c.path)).toEqual([['Caching'], ['Caching', 'Eviction'], ['Queues']]);
    const card = await f.prisma.card.findUniqueOrThrow({ where: { id: first.cardId }, include: { concept: true } });
    const exported = json.cards.find((c) => c.id === card.key)!;
    expect(exported).toMatchObject({
      kind: card.kind, answer: card.answer, conceptId: card.concept.key, source: { file: 'content/a-caching.md', line: card.sourceLine },
      review: { repetitions: 1, intervalDays: 1, easeFactor: 2.5, lapses: 0, suspended: false, leech: false },
    });
    expect(json.cards.filter((c) => c.review !== null)).toHaveLength(1);
    expect(json.reviewLog).toEqual([
      expect.objectContaining({ cardId: card.key, grade: 4, kind: 'review', reviewedAt: NOW.toISOString(), undoneAt: null, wasNew: true }),
    ]);
  });
});
