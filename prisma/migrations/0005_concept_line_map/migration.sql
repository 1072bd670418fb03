-- Written by hand: Prisma's SQLite diff rebuilds the table, which would drop Concept's SearchIndex
-- triggers (0002). Adding a column with a constant default keeps the table, its rows and triggers.
ALTER TABLE "Concept" ADD COLUMN "lineMap" TEXT NOT NULL DEFAULT '[]';
