import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { PublicUser } from '@/lib/db/users';
import { ingestNote } from '@/lib/ingest/ingest-note';
import { ingestTestNotes, openAppDatabase } from './support';

/**
 * Two users, each with a private note, plus the shared starter deck: every read of the data layer,
 * every server action and the review and search routes, tried as the other user and as a signed-out visitor.
 * The actions run for real against the database; only the session (who is signed in) is stubbed.
 */

const signedIn = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null } | null }));
vi.mock('@/lib/session', () => ({
  currentUser: async () => signedIn.user,
  requireUser: async () => {
    if (!signedIn.user) throw Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/signin;307;' });
    return signedIn.user;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const NOW = new Date('2024-03-10T12:00:00Z');

const SHARED = {
  'content/caching.md': ['# Caching', '', 'What is a cache? :: A fast store of copies of data.'].join('\n'),
};

/** Both users keep a note at the same path: the paths must not collide. */
const PRIVATE_PATH = 'notes/secret.md';

/** A's note is an interview prompt (a system to design, three sections), so it is a drill prompt. */
const ALICE_NOTE = [
  '# Design a zanzibar ledger',
  '',
  'What is a zanzibar ledger? :: An append-only record of quokka payments.',
  '',
  '## Requirements',
  '',
  'What must the zanzibar ledger never lose? :: A committed quokka payment.',
  '',
  '## Storage',
  '',
  'Where does the zanzibar ledger keep entries? :: In a replicated log.',
  '',
  '## Scaling',
  '',
  'How does the zanzibar ledger scale writes? :: By sharding accounts.',
].join('\n');

const BOB_NOTE = ['# Bob private', '', 'What is a wombat queue? :: A queue only Bob studies.'].join('\n');

let prisma: PrismaClient;
let close: () => Promise<void>;
let alice: PublicUser;
let bob: PublicUser;
let aliceConcepts: string[];
let aliceCards: string[];

let db: {
  topics: typeof import('@/lib/db/topics');
  search: typeof import('@/lib/db/search');
  review: typeof import('@/lib/db/review');
  answers: typeof import('@/lib/db/review-answer');
  quiz: typeof import('@/lib/db/quiz');
  drill: typeof import('@/lib/db/drill');
  leeches: typeof import('@/lib/db/leeches');
  stats: typeof import('@/lib/db/stats');
  ingest: typeof import('@/lib/db/ingest');
};

async function ingestPrivate(ownerId: string, text: string) {
  const result = ingestNote({ path: PRIVATE_PATH, text });
  if (!result.ok) throw new Error(result.error.message);
  return db.ingest.ingestDecks([{ deck: result.deck, storedPath: PRIVATE_PATH }], NOW, { ownerId });
}

beforeAll(async () => {
  ({ prisma, close } = await openAppDatabase());
  db = {
    topics: await import('@/lib/db/topics'),
    search: await import('@/lib/db/search'),
    review: await import('@/lib/db/review'),
    answers: await import('@/lib/db/review-answer'),
    quiz: await import('@/lib/db/quiz'),
    drill: await import('@/lib/db/drill'),
    leeches: await import('@/lib/db/leeches'),
    stats: await import('@/lib/db/stats'),
    ingest: await import('@/lib/db/ingest'),
  };
  const { createUser } = await import('@/lib/db/users');
  await ingestTestNotes(SHARED);
  alice = await createUser({ email: 'alice@example.com', password: 'a long password' });
  bob = await createUser({ email: 'bob@example.com', password: 'a long password' });
  await prisma.user.updateMany({ data: { newPerDay: 100, burySiblings: false } });
  await ingestPrivate(alice.id, ALICE_NOTE);
  await ingestPrivate(bob.id, BOB_NOTE);
  const aliceSource = await prisma.source.findFirstOrThrow({ where: { ownerId: alice.id } });
  aliceConcepts = (await prisma.concept.findMany({ where: { sourceId: aliceSource.id } })).map((c) => c.id);
  aliceCards = (await prisma.card.findMany({ where: { conceptId: { in: aliceConcepts } } })).map((c) => c.id);
});

afterAll(async () => {
  await close?.();
});

beforeEach(() => {
  signedIn.user = null;
});

/** Everything a user's data-layer reads return, as one string to search for leaks. */
async function everythingVisibleTo(userId: string): Promise<string> {
  const [tree, stats, quizTopics, quizDeck, prompts, due, dueCounts, screen, busiest, leeches, studyStats, hits] = await Promise.all([
    db.topics.getTopicTree(userId, NOW),
    db.topics.getDeckStats(userId),
    db.quiz.getQuizTopics(userId),
    db.quiz.getQuizDeck(userId, []),
    db.drill.getDrillPrompts(userId),
    db.review.getDueSummary(userId, NOW),
    db.review.getDueCountsByConcept(userId, NOW),
    db.review.getReviewScreen(userId, NOW, null),
    db.review.getBusiestTopics(userId, NOW, 10),
    db.leeches.listLeeches(userId),
    db.stats.getStudyStats(userId, NOW),
    Promise.all(['zanzibar', 'quokka', 'wombat', 'cache'].map((q) => db.search.searchNotes(userId, q))),
  ]);
  return JSON.stringify({ tree, stats, quizTopics, quizDeck, prompts, due, dueCounts: [...dueCounts], screen, busiest, leeches, studyStats, hits });
}

describe('private decks: reads', () => {
  it('each user sees the starter deck and their own note, never the other user\'s', async () => {
    const bobSees = await everythingVisibleTo(bob.id);
    expect(bobSees).toContain('wombat');
    expect(bobSees).toContain('Caching');
    expect(bobSees).not.toMatch(/zanzibar|quokka/i);
    for (const id of [...aliceConcepts, ...aliceCards]) expect(bobSees).not.toContain(id);

    const aliceSees = await everythingVisibleTo(alice.id);
    expect(aliceSees).toMatch(/zanzibar/i);
    expect(aliceSees).toContain('Caching');
    expect(aliceSees).not.toMatch(/wombat/i);
  });

  it('counts, topics, search hits, quiz topics and drill prompts follow the same rule', async () => {
    expect(await db.topics.getDeckStats(bob.id)).toEqual({ sources: 2, concepts: 2, cards: 2 });
    expect(await db.topics.getDeckStats(alice.id)).toEqual({ sources: 2, concepts: 5, cards: 5 });
    expect((await db.topics.getTopicTree(bob.id, NOW)).map((s) => s.title).sort()).toEqual(['Bob private', 'Caching']);
    expect(await db.search.searchNotes(bob.id, 'zanzibar')).toEqual([]);
    expect((await db.search.searchNotes(alice.id, 'zanzibar')).length).toBeGreaterThan(0);
    expect((await db.quiz.getQuizTopics(bob.id)).map((t) => t.title).sort()).toEqual(['Bob private', 'Caching']);
    expect((await db.drill.getDrillPrompts(alice.id)).map((p) => p.title)).toEqual(['Design a zanzibar ledger']);
    expect(await db.drill.getDrillPrompts(bob.id)).toEqual([]);
  });

  it('the statistics page counts and lists only the cards and topics the user may read', async () => {
    const { totalCards } = await import('@/lib/stats/card-states');
    const topics = (s: Awaited<ReturnType<typeof db.stats.getStudyStats>>) => s.topics.map((t) => [t.title, t.cards]);

    const bobs = await db.stats.getStudyStats(bob.id, NOW);
    expect(topics(bobs)).toEqual([['Caching', 1], ['Bob private', 1]]);
    expect(totalCards(bobs.states)).toBe(2);
    const bobJson = JSON.stringify(bobs);
    expect(bobJson).not.toMatch(/zanzibar/i);
    for (const id of aliceConcepts) expect(bobJson).not.toContain(id);

    const alices = await db.stats.getStudyStats(alice.id, NOW);
    expect(topics(alices)).toEqual([['Caching', 1], ['Design a zanzibar ledger', aliceCards.length]]);
    expect(totalCards(alices.states)).toBe(1 + aliceCards.length);
    expect(JSON.stringify(alices)).not.toMatch(/Bob private/);
  });

  it('another user\'s concept by id is not found: page, study scope, quiz', async () => {
    const [root] = aliceConcepts;
    expect(await db.topics.getConceptPage(alice.id, root)).not.toBeNull();
    expect(await db.topics.getConceptPage(bob.id, root)).toBeNull();
    expect(await db.review.getStudyScope(bob.id, root)).toBeNull();
    expect(await db.quiz.getQuizDeck(bob.id, [root])).toBeNull();
  });

  it('the review queue of one user never offers the other user\'s cards', async () => {
    const offered: string[] = [];
    for (let i = 0; i < 10; i++) {
      const at = new Date(NOW.getTime() + i * 1000);
      const item = await db.review.getNextReviewItem(bob.id, at);
      if (!item) break;
      offered.push(item.question);
      await db.answers.recordAnswer(bob.id, { cardId: item.cardId, grade: 4, answerId: `bob-${i}`, version: item.version, timeTakenMs: 1 }, at);
    }
    expect(offered.sort()).toEqual(['What is a cache?', 'What is a wombat queue?']);
  });

  it('the same path in two users\' decks is two notes, each keeping its own cards', async () => {
    const sources = await prisma.source.findMany({ where: { path: PRIVATE_PATH }, orderBy: { title: 'asc' } });
    expect(sources.map((s) => [s.title, s.ownerId])).toEqual([['Bob private', bob.id], ['Design a zanzibar ledger', alice.id]]);
    expect(new Set(sources.map((s) => s.key)).size).toBe(2);
    // Re-ingesting Bob's note leaves Alice's alone.
    const [summary] = await ingestPrivate(bob.id, BOB_NOTE);
    expect(summary.status).toBe('unchanged');
    expect(await prisma.card.count({ where: { id: { in: aliceCards }, status: 'active' } })).toBe(aliceCards.length);
  });
});

describe('private decks: writes as the other user', () => {
  it('cannot answer, undo or unsuspend another user\'s card, nor record a quiz miss on it', async () => {
    const card = aliceCards[0];
    await db.answers.recordAnswer(alice.id, { cardId: card, grade: 1, answerId: '00000000-0000-4000-8000-0000000a1ce1', version: 0, timeTakenMs: 1 }, NOW);
    await prisma.reviewState.update({ where: { userId_cardId: { userId: alice.id, cardId: card } }, data: { leech: true, suspended: true } });

    await expect(db.answers.recordAnswer(bob.id, { cardId: card, grade: 4, answerId: 'bob-steal', version: 0, timeTakenMs: 1 }, NOW))
      .rejects.toBeInstanceOf(db.answers.CardNotFoundError);
    await expect(db.answers.undoAnswer(bob.id, '00000000-0000-4000-8000-0000000a1ce1', NOW)).rejects.toBeInstanceOf(db.answers.UndoError);
    await expect(db.leeches.unsuspendLeech(bob.id, card)).rejects.toBeInstanceOf(db.leeches.LeechNotFoundError);
    expect(await db.quiz.recordFailedRecall(bob.id, 'quiz', 'attempt', [card], NOW)).toBe(0);

    expect(await prisma.reviewState.count({ where: { userId: bob.id, cardId: { in: aliceCards } } })).toBe(0);
    expect(await prisma.reviewLog.count({ where: { userId: bob.id, cardId: { in: aliceCards } } })).toBe(0);
    expect(await prisma.reviewState.findUniqueOrThrow({ where: { userId_cardId: { userId: alice.id, cardId: card } } }))
      .toMatchObject({ suspended: true, leech: true });
    expect(await prisma.reviewLog.findUniqueOrThrow({ where: { answerId: '00000000-0000-4000-8000-0000000a1ce1' } })).toMatchObject({ undoneAt: null });
  });

  it('cannot start a drill on another user\'s prompt, nor read or change their drill', async () => {
    const [prompt] = aliceConcepts;
    expect(await db.drill.startDrill(bob.id, prompt, NOW)).toBeNull();
    const drillId = (await db.drill.startDrill(alice.id, prompt, NOW))!;
    expect(drillId).toBeTruthy();
    expect(await db.drill.getDrill(bob.id, drillId)).toBeNull();
    await expect(db.drill.saveDrillNote(bob.id, drillId, 'requirements', 'mine now', NOW)).rejects.toBeInstanceOf(db.drill.DrillNotFoundError);
    await expect(db.drill.finishDrill(bob.id, drillId, [], NOW)).rejects.toBeInstanceOf(db.drill.DrillNotFoundError);
    expect(await prisma.drill.count({ where: { userId: bob.id } })).toBe(0);
  });
});

describe('server actions and the review and search routes', () => {
  /** A review route called as the review screen calls it: its JSON reply, or the status when it refuses. */
  const move = (post: (request: NextRequest) => Promise<Response>, path: string) => async (body: unknown) => {
    const response = await post(new NextRequest(`http://localhost${path}`, { method: 'POST', body: JSON.stringify(body) }));
    return response.ok ? response.json() : { status: response.status };
  };
  const actions = async () => ({
    answer: move((await import('@/app/api/review/answer/route')).POST, '/api/review/answer'),
    undo: move((await import('@/app/api/review/undo/route')).POST, '/api/review/undo'),
    unsuspend: (await import('@/lib/actions/unsuspend-leech')).unsuspendLeechAction,
    startDrill: (await import('@/lib/actions/start-drill')).startDrillAction,
    finishDrill: (await import('@/lib/actions/finish-drill')).finishDrillAction,
    saveDrillNote: (await import('@/lib/actions/save-drill-note')).saveDrillNoteAction,
    finishQuiz: (await import('@/lib/actions/finish-quiz')).finishQuizAction,
    updateSettings: (await import('@/lib/actions/update-settings')).updateSettingsAction,
  });
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  const redirectOf = (error: unknown) => String((error as { digest?: string }).digest ?? '').split(';')[2];

  it('as the other user: every action on another user\'s card, drill or topic is refused', async () => {
    const act = await actions();
    const drillId = (await db.drill.startDrill(alice.id, aliceConcepts[0], NOW))!;
    signedIn.user = bob;

    expect(await act.answer({ cardId: aliceCards[1], grade: 4, answerId: '00000000-0000-4000-8000-000000000b0b', version: 0, timeTakenMs: 1 }))
      .toMatchObject({ ok: false, error: expect.stringContaining('no longer exists') });
    expect(await act.undo({ answerId: '00000000-0000-4000-8000-0000000a1ce1' })).toMatchObject({ ok: false, error: 'There is no such answer to undo.' });
    expect(await act.unsuspend({ cardId: aliceCards[0] })).toMatchObject({ ok: false });
    expect(await act.saveDrillNote({ drillId, phase: 'requirements', text: 'x' })).toMatchObject({ ok: false });
    expect(await act.finishDrill({ drillId, covered: [] })).toMatchObject({ ok: false });
    expect(await act.finishQuiz({ params: { topics: [aliceConcepts[0]], n: 5, mode: 'mc', seed: 's' }, attemptId: '00000000-0000-4000-8000-000000000001', responses: [] }))
      .toMatchObject({ ok: false });
    const refused = await act.startDrill(form({ conceptId: aliceConcepts[0] })).catch((error: unknown) => error);
    expect(redirectOf(refused)).toBe('/drill');

    expect(await prisma.reviewState.count({ where: { userId: bob.id, cardId: { in: aliceCards } } })).toBe(0);
    expect(await prisma.drill.count({ where: { userId: bob.id } })).toBe(0);
    expect(await prisma.drillNote.count({ where: { drillId } })).toBe(0);
  });

  it('signed out: every action is sent to sign-in and writes nothing', async () => {
    const act = await actions();
    const before = await Promise.all([prisma.reviewState.count(), prisma.reviewLog.count(), prisma.drill.count(), prisma.drillNote.count()]);
    const attempts: Promise<unknown>[] = [
      act.unsuspend({ cardId: aliceCards[0] }),
      act.startDrill(form({ conceptId: aliceConcepts[0] })),
      act.finishDrill({ drillId: 'x', covered: [] }),
      act.saveDrillNote({ drillId: 'x', phase: 'requirements', text: 'x' }),
      act.finishQuiz({ params: { topics: [], n: 5, mode: 'mc', seed: 's' }, attemptId: '00000000-0000-4000-8000-000000000002', responses: [] }),
      act.updateSettings({}, form({ newPerDay: '5' })),
    ];
    for (const attempt of attempts) expect(redirectOf(await attempt.catch((error: unknown) => error))).toBe('/signin');
    expect(await act.answer({ cardId: aliceCards[1], grade: 4, answerId: '00000000-0000-4000-8000-0000000a0a01', version: 0, timeTakenMs: 1 })).toEqual({ status: 401 });
    expect(await act.undo({ answerId: '00000000-0000-4000-8000-0000000a1ce1' })).toEqual({ status: 401 });
    expect(await Promise.all([prisma.reviewState.count(), prisma.reviewLog.count(), prisma.drill.count(), prisma.drillNote.count()]))
      .toEqual(before);
  });

  it('POST /api/review/answer: another origin is refused 403 and a body that is not JSON 400, recording nothing', async () => {
    const { POST } = await import('@/app/api/review/answer/route');
    signedIn.user = alice;
    const before = await prisma.reviewLog.count();
    const body = JSON.stringify({ cardId: aliceCards[1], grade: 4, answerId: '00000000-0000-4000-8000-0000000a0a02', version: 0, timeTakenMs: 1 });
    const foreign = await POST(new NextRequest('http://localhost/api/review/answer', { method: 'POST', body, headers: { origin: 'http://elsewhere.example' } }));
    expect(foreign.status).toBe(403);
    const garbled = await POST(new NextRequest('http://localhost/api/review/answer', { method: 'POST', body: 'grade=4' }));
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toEqual({ ok: false, error: 'The answer is not JSON.' });
    expect(await prisma.reviewLog.count()).toBe(before);
  });

  it('GET /api/search: 401 signed out; signed in, only the user\'s readable notes', async () => {
    const { GET } = await import('@/app/api/search/route');
    const { NextRequest } = await import('next/server');
    const get = (q: string) => GET(new NextRequest(`http://localhost/api/search?q=${q}`));

    const anonymous = await get('zanzibar');
    expect(anonymous.status).toBe(401);

    signedIn.user = bob;
    expect((await (await get('zanzibar')).json()).hits).toEqual([]);
    expect((await (await get('wombat')).json()).hits.length).toBeGreaterThan(0);
    signedIn.user = alice;
    expect((await (await get('zanzibar')).json()).hits.length).toBeGreaterThan(0);
  });
});
