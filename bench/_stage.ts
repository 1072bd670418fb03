import { createPrisma } from '@/lib/db/client';
const g = globalThis as unknown as { prisma?: ReturnType<typeof createPrisma> };
const { PrismaClient } = await import('@/lib/db/generated/client');
const { createSqliteAdapter } = await import('@/lib/db/sqlite-adapter');
const client = new PrismaClient({ adapter: createSqliteAdapter('file:/tmp/l11/a.db'), log: [{ emit: 'event', level: 'query' }] });
const stats = new Map<string, { n: number; ms: number }>();
let on = false;
client.$on('query', (e) => { if (!on) return; const k = e.query.replace(/\s+/g, ' ').slice(0, 150); const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += e.duration; stats.set(k, s); });
g.prisma = client;
const { getReviewScreen } = await import('@/lib/db/review');
const { recordAnswer } = await import('@/lib/db/review-answer');
const u = 'bench-user-21';
for (let i = 0; i < 3; i++) await getReviewScreen(u, new Date(), null);
on = true;
for (let i = 0; i < 20; i++) {
  const s = await getReviewScreen(u, new Date(), null);
  await recordAnswer(u, { cardId: s.item!.cardId, grade: 4, answerId: crypto.randomUUID(), version: s.item!.version, timeTakenMs: 1 }, new Date());
}
for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) console.log(String(s.n).padStart(4), (s.ms / s.n).toFixed(2).padStart(8), 'ms', k);
