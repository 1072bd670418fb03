import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { openAppDatabase } from './support';

let prisma: PrismaClient;
let close: () => Promise<void>;
let sql: typeof import('@/lib/db/direct-sql');
let Prisma: typeof import('@/lib/db/generated/client').Prisma;

const CREATED = new Date('2024-03-10T12:34:56.789Z');

beforeAll(async () => {
  ({ prisma, close } = await openAppDatabase());
  sql = await import('@/lib/db/direct-sql');
  ({ Prisma } = await import('@/lib/db/generated/client'));
  await prisma.user.create({ data: { id: 'ada', email: 'ada@example.com', passwordHash: 'x', createdAt: CREATED, burySiblings: false } });
});

afterAll(async () => {
  await close?.();
});

describe('direct SQL on the Prisma client\'s connection', () => {
  it('reads rows as Prisma\'s raw queries do: dates as Date, booleans as boolean, integers as numbers', async () => {
    const query = Prisma.sql`SELECT "id", "createdAt", "burySiblings", "rolloverHour" FROM "User" WHERE "createdAt" = ${CREATED}`;
    const direct = await sql.queryRows<{ id: string; createdAt: Date; burySiblings: boolean; rolloverHour: number }>(query);
    expect(direct).toEqual([{ id: 'ada', createdAt: CREATED, burySiblings: false, rolloverHour: 4 }]);
    expect(direct).toEqual(await prisma.$queryRaw(query));
  });

  it('binds a Date and a boolean as Prisma stores them, so it finds and writes what Prisma wrote', async () => {
    expect(await sql.executeSql(Prisma.sql`UPDATE "User" SET "burySiblings" = ${true} WHERE "createdAt" = ${CREATED}`)).toBe(1);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: 'ada' }, select: { burySiblings: true } })).toEqual({ burySiblings: true });
  });

  it('runs inside a Prisma transaction when called from one, and is rolled back with it', async () => {
    const attempt = prisma.$transaction(async () => {
      await sql.executeSql(Prisma.sql`UPDATE "User" SET "name" = 'inside' WHERE "id" = 'ada'`);
      const [row] = await sql.queryRows<{ name: string }>(Prisma.sql`SELECT "name" FROM "User" WHERE "id" = 'ada'`);
      expect(row).toEqual({ name: 'inside' });
      throw new Error('roll back');
    });
    await expect(attempt).rejects.toThrow('roll back');
    expect(await prisma.user.findUniqueOrThrow({ where: { id: 'ada' }, select: { name: true } })).toEqual({ name: null });
  });

  it('reports a unique violation as one', async () => {
    const duplicate = sql.executeSql(Prisma.sql`INSERT INTO "User" ("id", "email", "passwordHash") VALUES ('other', 'ada@example.com', 'x')`);
    const error = await duplicate.catch((e: unknown) => e);
    expect(sql.isSqliteUniqueViolation(error)).toBe(true);
  });

  it('reconnects after the Prisma client disconnected', async () => {
    await prisma.$disconnect();
    expect(await sql.queryRows(Prisma.sql`SELECT "id" FROM "User" WHERE "id" = 'ada'`)).toEqual([{ id: 'ada' }]);
  });
});
