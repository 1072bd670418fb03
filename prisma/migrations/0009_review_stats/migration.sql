-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN "statsThrough" DATETIME;

-- CreateTable
CREATE TABLE "ReviewStatsSlot" (
    "userId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL,
    "matureReviews" INTEGER NOT NULL,
    "maturePassed" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "slot"),
    CONSTRAINT "ReviewStatsSlot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Card_status_conceptId_id_idx" ON "Card"("status", "conceptId", "id");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_kind_undoneAt_prevIntervalDays_grade_idx" ON "ReviewLog"("userId", "reviewedAt", "kind", "undoneAt", "prevIntervalDays", "grade");

-- CreateIndex (partial, by hand: only undone answers, so inserting an answer never touches it)
CREATE INDEX "ReviewLog_userId_undoneAt_idx" ON "ReviewLog"("userId", "undoneAt") WHERE "undoneAt" IS NOT NULL;

