import 'server-only';
import type { SchedulerName } from '../srs/scheduler';
import type { StudySettings } from '../srs/study-settings';
import { applyScheduler } from './card-schedules';
import { prisma } from './client';
import { queryRows } from './direct-sql';
import { Prisma } from './generated/client';

const select = {
  timeZone: true, rolloverHour: true, newPerDay: true, reviewsPerDay: true, burySiblings: true, leechLapses: true, scheduler: true,
} as const;

/** On the review hot path, so run directly (lib/db/direct-sql.ts); inside a transaction it reads the transaction's state. */
export async function getStudySettings(userId: string): Promise<StudySettings> {
  const [row] = await queryRows<StudySettings>(Prisma.sql`
    SELECT "timeZone", "rolloverHour", "newPerDay", "reviewsPerDay", "burySiblings", "leechLapses", "scheduler"
    FROM "User" WHERE "id" = ${userId}`);
  if (!row) throw new Error(`No user ${userId}`);
  return { ...row, burySiblings: Boolean(row.burySiblings) };
}

/**
 * Saves settings already validated by lib/validations/settings.ts. A change of scheduler moves
 * every card's due date to the newly chosen scheduler's in the same transaction (see applyScheduler).
 */
export async function updateStudySettings(userId: string, settings: StudySettings): Promise<StudySettings> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { scheduler: true } });
    const saved = await tx.user.update({ where: { id: userId }, data: settings, select });
    if (before.scheduler !== settings.scheduler) await applyScheduler(tx, userId, settings.scheduler, settings);
    return { ...saved, scheduler: saved.scheduler as SchedulerName };
  });
}
