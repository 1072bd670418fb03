-- Statistics speed and privacy (issue #12).

-- The statistics cache was filled with fractional slots (the divisor was bound as a REAL, so the
-- division was not an integer one): about one row per answer instead of one per 15 minutes. Its
-- counts are right but it is as large as the log itself. It is derived data (see ReviewStatsSlot
-- in schema.prisma): emptying it and clearing the watermark rebuilds it on each user's next visit.
DELETE FROM "ReviewStatsSlot";
UPDATE "User" SET "statsThrough" = NULL;

-- CreateIndex
CREATE INDEX "ReviewState_cardId_userId_suspended_intervalDays_repetitions_idx" ON "ReviewState"("cardId", "userId", "suspended", "intervalDays", "repetitions");
