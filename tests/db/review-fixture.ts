import type { PrismaClient } from '@/lib/db/generated/client';
import type { Grade } from '@/lib/srs/sm2';
import { ingestTestNotes, openAppDatabase } from './support';

/** Two small notes: Caching (1 card) > Eviction (2 cards), and Queues (2 cards). */
export const NOTES: Record<string, string> = {
  'content/a-caching.md': [
    '# Caching',
    '',
    'What is a cache? :: A fast store of copies of data.',
    '',
    '## Eviction',
    '',
    'What is LRU? :: Least recently used.',
    'What is LFU? :: Least frequently used.',
  ].join('\n'),
  'content/b-queues.md': [
    '# Queues',
    '',
    'What is a DLQ? :: A queue for messages that keep failing.',
    'What is backpressure? :: Slowing producers down when consumers fall behind.',
  ].join('\n'),
};

export interface ReviewFixture {
  prisma: PrismaClient;
  review: typeof import('@/lib/db/review');
  answers: typeof import('@/lib/db/review-answer');
  close: () => Promise<void>;
  newUser: (settings?: Partial<{ newPerDay: number; reviewsPerDay: number; burySiblings: boolean; leechLapses: number; timeZone: string; rolloverHour: number }>) => Promise<string>;
  /** Answers whatever the review screen shows next, as the page would; returns that item. */
  answerNext: (userId: string, grade: Grade, now: Date) => Promise<import('@/lib/db/review').ReviewItem>;
  cardId: (question: string) => Promise<string>;
}

/** A migrated temp database with NOTES ingested, and helpers over the real data layer. */
export async function openReviewFixture(): Promise<ReviewFixture> {
  const { prisma, close } = await openAppDatabase();
  const review = await import('@/lib/db/review');
  const answers = await import('@/lib/db/review-answer');
  const { createUser } = await import('@/lib/db/users');
  await ingestTestNotes(NOTES);
  let users = 0;
  let answerIds = 0;
  return {
    prisma,
    review,
    answers,
    close,
    newUser: async (settings = {}) => {
      const user = await createUser({ email: `session${++users}@example.com`, password: 'a long password' });
      await prisma.user.update({ where: { id: user.id }, data: settings });
      return user.id;
    },
    answerNext: async (userId, grade, now) => {
      const item = await review.getNextReviewItem(userId, now);
      if (!item) throw new Error('expected a card to study');
      await answers.recordAnswer(userId, { cardId: item.cardId, grade, answerId: `a-${++answerIds}`, version: item.version, timeTakenMs: 1000 }, now);
      return item;
    },
    cardId: async (question) => (await prisma.card.findFirstOrThrow({ where: { question } })).id,
  };
}
