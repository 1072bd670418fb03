-- Statistics: privacy and speed (issue #12).

-- The statistics cache was filled with fractional slots (the divisor was bound as a REAL, so the
-- division was not an integer one): about one row per answer instead of one per 15 minutes. Its
-- counts are right but it is as large as the log itself. It is derived data (see ReviewStatsSlot
-- in schema.prisma): emptying it and clearing the watermark rebuilds it on each user's next visit.
DELETE FROM "ReviewStatsSlot";
UPDATE "User" SET "statsThrough" = NULL;

-- CreateTable
CREATE TABLE "ConceptStateCount" (
    "userId" TEXT NOT NULL,
    "conceptId" TEXT NOT NULL,
    "learning" INTEGER NOT NULL DEFAULT 0,
    "young" INTEGER NOT NULL DEFAULT 0,
    "mature" INTEGER NOT NULL DEFAULT 0,
    "suspended" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "conceptId"),
    CONSTRAINT "ConceptStateCount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConceptStateCount_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReviewState_cardId_idx" ON "ReviewState"("cardId");

-- ConceptStateCount is kept in step with ReviewState and Card by the triggers below, so that every
-- writer (answers, undo, leeches, ingest, scripts) keeps it right. Invariant: for every user and
-- concept, each column counts the user's review states, in that state, of the concept's cards whose
-- status is 'active'. The states, first match wins, as lib/stats/card-states.ts defines them
-- (MATURE_INTERVAL_DAYS = 21, LEARNING_REPETITIONS = 2; a change there needs a migration here):
-- suspended; mature (interval >= 21 days); learning (fewer than 2 passes in a row); young.
-- A state is added with an upsert of its one-hot row and taken away with an UPDATE of the row it
-- was added to (an upsert there would recreate the row of a user being deleted). A later migration
-- that rebuilds ReviewState or Card (which drops their triggers) must recreate these and refill
-- the table the way the end of this file does.

CREATE TRIGGER "ReviewState_state_counts_insert" AFTER INSERT ON "ReviewState" BEGIN
    INSERT INTO "ConceptStateCount" ("userId", "conceptId", "learning", "young", "mature", "suspended")
      SELECT NEW."userId", c."conceptId", (NEW."suspended" = 0 AND NEW."intervalDays" < 21 AND NEW."repetitions" < 2), (NEW."suspended" = 0 AND NEW."intervalDays" < 21 AND NEW."repetitions" >= 2),
        (NEW."suspended" = 0 AND NEW."intervalDays" >= 21), (NEW."suspended" = 1)
      FROM "Card" c WHERE c."id" = NEW."cardId" AND c."status" = 'active'
    ON CONFLICT ("userId", "conceptId") DO UPDATE SET "learning" = "learning" + excluded."learning",
      "young" = "young" + excluded."young", "mature" = "mature" + excluded."mature", "suspended" = "suspended" + excluded."suspended";
END;

CREATE TRIGGER "ReviewState_state_counts_delete" AFTER DELETE ON "ReviewState" BEGIN
    UPDATE "ConceptStateCount" SET "learning" = "ConceptStateCount"."learning" - (OLD."suspended" = 0 AND OLD."intervalDays" < 21 AND OLD."repetitions" < 2),
      "young" = "ConceptStateCount"."young" - (OLD."suspended" = 0 AND OLD."intervalDays" < 21 AND OLD."repetitions" >= 2),
      "mature" = "ConceptStateCount"."mature" - (OLD."suspended" = 0 AND OLD."intervalDays" >= 21),
      "suspended" = "ConceptStateCount"."suspended" - (OLD."suspended" = 1)
    WHERE "userId" = OLD."userId" AND "conceptId" = (SELECT c."conceptId" FROM "Card" c WHERE c."id" = OLD."cardId" AND c."status" = 'active');
END;

-- Only when the state changes: most answers keep a card in its state, and other updates (due
-- dates, FSRS memory) do not name these columns.
CREATE TRIGGER "ReviewState_state_counts_update" AFTER UPDATE OF "userId", "cardId", "suspended", "intervalDays", "repetitions" ON "ReviewState"
WHEN OLD."userId" IS NOT NEW."userId" OR OLD."cardId" IS NOT NEW."cardId"
  OR CASE WHEN OLD."suspended" = 1 THEN 4 WHEN OLD."intervalDays" >= 21 THEN 3 WHEN OLD."repetitions" < 2 THEN 1 ELSE 2 END
    <> CASE WHEN NEW."suspended" = 1 THEN 4 WHEN NEW."intervalDays" >= 21 THEN 3 WHEN NEW."repetitions" < 2 THEN 1 ELSE 2 END
BEGIN
    UPDATE "ConceptStateCount" SET "learning" = "ConceptStateCount"."learning" - (OLD."suspended" = 0 AND OLD."intervalDays" < 21 AND OLD."repetitions" < 2),
      "young" = "ConceptStateCount"."young" - (OLD."suspended" = 0 AND OLD."intervalDays" < 21 AND OLD."repetitions" >= 2),
      "mature" = "ConceptStateCount"."mature" - (OLD."suspended" = 0 AND OLD."intervalDays" >= 21),
      "suspended" = "ConceptStateCount"."suspended" - (OLD."suspended" = 1)
    WHERE "userId" = OLD."userId" AND "conceptId" = (SELECT c."conceptId" FROM "Card" c WHERE c."id" = OLD."cardId" AND c."status" = 'active');
    INSERT INTO "ConceptStateCount" ("userId", "conceptId", "learning", "young", "mature", "suspended")
      SELECT NEW."userId", c."conceptId", (NEW."suspended" = 0 AND NEW."intervalDays" < 21 AND NEW."repetitions" < 2), (NEW."suspended" = 0 AND NEW."intervalDays" < 21 AND NEW."repetitions" >= 2),
        (NEW."suspended" = 0 AND NEW."intervalDays" >= 21), (NEW."suspended" = 1)
      FROM "Card" c WHERE c."id" = NEW."cardId" AND c."status" = 'active'
    ON CONFLICT ("userId", "conceptId") DO UPDATE SET "learning" = "learning" + excluded."learning",
      "young" = "young" + excluded."young", "mature" = "mature" + excluded."mature", "suspended" = "suspended" + excluded."suspended";
END;

-- A card retired, brought back or moved to another concept takes every user's state with it.
CREATE TRIGGER "Card_state_counts_update" AFTER UPDATE OF "status", "conceptId" ON "Card"
WHEN (OLD."status" = 'active') <> (NEW."status" = 'active') OR (NEW."status" = 'active' AND OLD."conceptId" IS NOT NEW."conceptId")
BEGIN
    UPDATE "ConceptStateCount" SET "learning" = "ConceptStateCount"."learning" - (rs."suspended" = 0 AND rs."intervalDays" < 21 AND rs."repetitions" < 2),
      "young" = "ConceptStateCount"."young" - (rs."suspended" = 0 AND rs."intervalDays" < 21 AND rs."repetitions" >= 2),
      "mature" = "ConceptStateCount"."mature" - (rs."suspended" = 0 AND rs."intervalDays" >= 21),
      "suspended" = "ConceptStateCount"."suspended" - (rs."suspended" = 1)
    FROM "ReviewState" rs
    WHERE rs."cardId" = OLD."id" AND OLD."status" = 'active' AND "ConceptStateCount"."userId" = rs."userId" AND "ConceptStateCount"."conceptId" = OLD."conceptId";
    INSERT INTO "ConceptStateCount" ("userId", "conceptId", "learning", "young", "mature", "suspended")
      SELECT rs."userId", NEW."conceptId", (rs."suspended" = 0 AND rs."intervalDays" < 21 AND rs."repetitions" < 2), (rs."suspended" = 0 AND rs."intervalDays" < 21 AND rs."repetitions" >= 2),
        (rs."suspended" = 0 AND rs."intervalDays" >= 21), (rs."suspended" = 1)
      FROM "ReviewState" rs WHERE rs."cardId" = NEW."id" AND NEW."status" = 'active'
    ON CONFLICT ("userId", "conceptId") DO UPDATE SET "learning" = "learning" + excluded."learning",
      "young" = "young" + excluded."young", "mature" = "mature" + excluded."mature", "suspended" = "suspended" + excluded."suspended";
END;

-- Count what the earlier migrations hold.
INSERT INTO "ConceptStateCount" ("userId", "conceptId", "learning", "young", "mature", "suspended")
  SELECT rs."userId", c."conceptId", SUM(rs."suspended" = 0 AND rs."intervalDays" < 21 AND rs."repetitions" < 2),
    SUM(rs."suspended" = 0 AND rs."intervalDays" < 21 AND rs."repetitions" >= 2),
    SUM(rs."suspended" = 0 AND rs."intervalDays" >= 21), SUM(rs."suspended" = 1)
  FROM "ReviewState" rs JOIN "Card" c ON c."id" = rs."cardId"
  WHERE c."status" = 'active'
  GROUP BY rs."userId", c."conceptId";
