-- FSRS as an option (issue #12, part 4). Columns are added in place, never by rebuilding a table,
-- so existing rows (and columns other migrations add) are kept as they are.

-- The learner's scheduler: SM-2 for everyone until they choose FSRS.
ALTER TABLE "User" ADD COLUMN "scheduler" TEXT NOT NULL DEFAULT 'sm2';

-- SM-2's own due date, apart from "due" (the active scheduler's). Every existing due date is SM-2's.
ALTER TABLE "ReviewState" ADD COLUMN "sm2Due" DATETIME;
UPDATE "ReviewState" SET "sm2Due" = "due";

-- FSRS memory; null until FSRS has seen the card (earlier answers are replayed from the log when needed).
ALTER TABLE "ReviewState" ADD COLUMN "fsrsStability" REAL;
ALTER TABLE "ReviewState" ADD COLUMN "fsrsDifficulty" REAL;
ALTER TABLE "ReviewState" ADD COLUMN "fsrsScheduledDays" INTEGER;
ALTER TABLE "ReviewState" ADD COLUMN "fsrsDue" DATETIME;

-- Each answer records which scheduler set the due date and FSRS's memory after it.
ALTER TABLE "ReviewLog" ADD COLUMN "scheduler" TEXT NOT NULL DEFAULT 'sm2';
ALTER TABLE "ReviewLog" ADD COLUMN "fsrsStability" REAL;
ALTER TABLE "ReviewLog" ADD COLUMN "fsrsDifficulty" REAL;
ALTER TABLE "ReviewLog" ADD COLUMN "fsrsScheduledDays" INTEGER;
ALTER TABLE "ReviewLog" ADD COLUMN "fsrsDue" DATETIME;
