import 'server-only';
import { DRILL_MINUTES, drillPoints, isDesignPrompt, scoreChecklist, type DrillPhase, type DrillPoint } from '../quiz/drill';
import { prisma } from './client';
import { recordFailedRecall } from './quiz';
import { readableConcepts } from './readable';

export class DrillNotFoundError extends Error {}
/** The drill's checklist was submitted: its outline no longer changes. */
export class DrillFinishedError extends Error {}

export interface DrillPrompt {
  id: string;
  title: string;
}

/** Concepts of the user's readable notes that read as a whole system to design, in note order. */
export async function getDrillPrompts(userId: string): Promise<DrillPrompt[]> {
  const concepts = await prisma.concept.findMany({
    where: { status: 'active', ...readableConcepts(userId) },
    orderBy: [{ source: { path: 'asc' } }, { sourceId: 'asc' }, { order: 'asc' }],
    select: { id: true, title: true, _count: { select: { children: { where: { status: 'active' } } } } },
  });
  return concepts.filter((c) => isDesignPrompt(c.title, c._count.children)).map(({ id, title }) => ({ id, title }));
}

/** Starts a drill on a prompt; null if the concept is not a prompt the user may read. */
export async function startDrill(userId: string, conceptId: string, now: Date): Promise<string | null> {
  const prompts = await getDrillPrompts(userId);
  if (!prompts.some((p) => p.id === conceptId)) return null;
  const drill = await prisma.drill.create({ data: { userId, conceptId, startedAt: now, durationMin: DRILL_MINUTES }, select: { id: true } });
  return drill.id;
}

/** The checklist of a prompt: its sections and their definition and list cards (see drillPoints). */
async function promptPoints(conceptId: string): Promise<DrillPoint[]> {
  const concepts = await prisma.concept.findMany({ where: { status: 'active', source: { concepts: { some: { id: conceptId } } } }, select: { id: true, title: true, parentId: true, order: true } });
  const byId = new Map(concepts.map((c) => [c.id, c]));
  /** The child of the prompt that `id` sits under; the prompt itself for its own cards; null outside. */
  const sectionOf = (id: string): string | null => {
    for (let at: string | null = id, steps = 0; at && steps <= concepts.length; at = byId.get(at)?.parentId ?? null, steps++) {
      if (at === conceptId) return conceptId;
      if (byId.get(at)?.parentId === conceptId) return at;
    }
    return null;
  };
  const members = concepts.filter((c) => sectionOf(c.id) !== null).map((c) => c.id);
  const cards = await prisma.card.findMany({
    where: { status: 'active', conceptId: { in: members } },
    orderBy: { order: 'asc' },
    select: { id: true, kind: true, question: true, conceptId: true },
  });
  const sections = concepts.filter((c) => c.parentId === conceptId).sort((a, b) => a.order - b.order)
    .map((s) => ({ id: s.id, title: s.title, cards: cards.filter((c) => sectionOf(c.conceptId) === s.id) }));
  return drillPoints(sections, cards.filter((c) => c.conceptId === conceptId));
}

export interface DrillView {
  id: string;
  title: string;
  conceptId: string;
  startedAt: Date;
  durationMin: number;
  finishedAt: Date | null;
  notes: Partial<Record<DrillPhase, string>>;
  points: DrillPoint[];
  /** Keys ticked when the checklist was submitted. */
  covered: string[];
}

/** One of the user's drills with its outline and checklist; null if it is not theirs. */
export async function getDrill(userId: string, drillId: string): Promise<DrillView | null> {
  const drill = await prisma.drill.findFirst({
    where: { id: drillId, userId },
    include: { concept: { select: { title: true } }, notes: { select: { phase: true, text: true } } },
  });
  if (!drill) return null;
  return {
    id: drill.id,
    title: drill.concept.title,
    conceptId: drill.conceptId,
    startedAt: drill.startedAt,
    durationMin: drill.durationMin,
    finishedAt: drill.finishedAt,
    notes: Object.fromEntries(drill.notes.map((n) => [n.phase, n.text])),
    points: await promptPoints(drill.conceptId),
    covered: drill.covered ? (JSON.parse(drill.covered) as string[]) : [],
  };
}

/** Saves one phase of an unfinished drill's outline (last write wins per phase). */
export async function saveDrillNote(userId: string, drillId: string, phase: DrillPhase, text: string, now: Date): Promise<void> {
  const drill = await prisma.drill.findFirst({ where: { id: drillId, userId }, select: { finishedAt: true } });
  if (!drill) throw new DrillNotFoundError('There is no such drill.');
  if (drill.finishedAt) throw new DrillFinishedError('This drill is finished; its outline can no longer change.');
  await prisma.drillNote.upsert({
    where: { drillId_phase: { drillId, phase } },
    create: { drillId, phase, text, updatedAt: now },
    update: { text, updatedAt: now },
  });
}

/**
 * Submits the checklist: the cards of unticked points are recorded as failed recalls (due at the
 * next study day) before the drill is marked finished, so a retry after a crash records them once
 * (answer ids are per drill and card). Unknown keys are ignored.
 */
export async function finishDrill(userId: string, drillId: string, ticked: readonly string[], now: Date): Promise<{ covered: number; total: number }> {
  const drill = await prisma.drill.findFirst({ where: { id: drillId, userId }, select: { conceptId: true, finishedAt: true } });
  if (!drill) throw new DrillNotFoundError('There is no such drill.');
  if (drill.finishedAt) throw new DrillFinishedError('This drill was already submitted.');
  const points = await promptPoints(drill.conceptId);
  const keys = ticked.filter((k) => points.some((p) => p.key === k));
  const score = scoreChecklist(points, keys);
  await recordFailedRecall(userId, 'drill', drillId, score.missedCardIds, now);
  await prisma.drill.updateMany({
    where: { id: drillId, userId, finishedAt: null },
    data: { finishedAt: now, covered: JSON.stringify(keys), coveredCount: score.covered, pointCount: score.total },
  });
  return { covered: score.covered, total: score.total };
}

export interface DrillSummary {
  id: string;
  title: string;
  startedAt: Date;
  finishedAt: Date | null;
  coveredCount: number | null;
  pointCount: number | null;
}

/** The user's drills, newest first. */
export async function listDrills(userId: string, limit = 20): Promise<DrillSummary[]> {
  const drills = await prisma.drill.findMany({
    where: { userId },
    orderBy: { startedAt: 'desc' },
    take: limit,
    select: { id: true, startedAt: true, finishedAt: true, coveredCount: true, pointCount: true, concept: { select: { title: true } } },
  });
  return drills.map(({ concept, ...d }) => ({ ...d, title: concept.title }));
}
