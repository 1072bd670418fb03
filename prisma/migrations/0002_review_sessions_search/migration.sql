-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "rolloverHour" INTEGER NOT NULL DEFAULT 4,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "reviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "burySiblings" BOOLEAN NOT NULL DEFAULT true,
    "leechLapses" INTEGER NOT NULL DEFAULT 8
);
INSERT INTO "new_User" ("createdAt", "email", "id", "name", "newPerDay", "passwordHash", "reviewsPerDay", "rolloverHour", "timeZone") SELECT "createdAt", "email", "id", "name", "newPerDay", "passwordHash", "reviewsPerDay", "rolloverHour", "timeZone" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_ReviewState" (
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "repetitions" INTEGER NOT NULL,
    "intervalDays" INTEGER NOT NULL,
    "easeFactor" REAL NOT NULL,
    "due" DATETIME NOT NULL,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "lastReviewedAt" DATETIME,
    "introducedAt" DATETIME NOT NULL,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "leech" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "cardId"),
    CONSTRAINT "ReviewState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewState_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReviewState" ("cardId", "due", "easeFactor", "intervalDays", "introducedAt", "lapses", "lastReviewedAt", "repetitions", "userId", "version") SELECT "cardId", "due", "easeFactor", "intervalDays", "introducedAt", "lapses", "lastReviewedAt", "repetitions", "userId", "version" FROM "ReviewState";
DROP TABLE "ReviewState";
ALTER TABLE "new_ReviewState" RENAME TO "ReviewState";
CREATE INDEX "ReviewState_userId_suspended_due_idx" ON "ReviewState"("userId", "suspended", "due");
CREATE INDEX "ReviewState_userId_introducedAt_idx" ON "ReviewState"("userId", "introducedAt");
CREATE INDEX "ReviewState_userId_leech_idx" ON "ReviewState"("userId", "leech");
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "timeTakenMs" INTEGER NOT NULL,
    "answerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'review',
    "wasNew" BOOLEAN NOT NULL DEFAULT false,
    "prevLastReviewedAt" DATETIME,
    "prevSuspended" BOOLEAN NOT NULL DEFAULT false,
    "prevLeech" BOOLEAN NOT NULL DEFAULT false,
    "prevRepetitions" INTEGER NOT NULL,
    "prevIntervalDays" INTEGER NOT NULL,
    "prevEaseFactor" REAL NOT NULL,
    "prevDue" DATETIME NOT NULL,
    "prevLapses" INTEGER NOT NULL,
    "repetitions" INTEGER NOT NULL,
    "intervalDays" INTEGER NOT NULL,
    "easeFactor" REAL NOT NULL,
    "due" DATETIME NOT NULL,
    "lapses" INTEGER NOT NULL,
    "undoneAt" DATETIME,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("answerId", "cardId", "due", "easeFactor", "grade", "id", "intervalDays", "lapses", "prevDue", "prevEaseFactor", "prevIntervalDays", "prevLapses", "prevRepetitions", "repetitions", "reviewedAt", "timeTakenMs", "undoneAt", "userId") SELECT "answerId", "cardId", "due", "easeFactor", "grade", "id", "intervalDays", "lapses", "prevDue", "prevEaseFactor", "prevIntervalDays", "prevLapses", "prevRepetitions", "repetitions", "reviewedAt", "timeTakenMs", "undoneAt", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE UNIQUE INDEX "ReviewLog_answerId_key" ON "ReviewLog"("answerId");
CREATE INDEX "ReviewLog_userId_reviewedAt_idx" ON "ReviewLog"("userId", "reviewedAt");
CREATE INDEX "ReviewLog_userId_cardId_reviewedAt_idx" ON "ReviewLog"("userId", "cardId", "reviewedAt");
CREATE INDEX "ReviewLog_cardId_idx" ON "ReviewLog"("cardId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Full-text search over active concepts and cards (SQLite FTS5; not modelled in Prisma).
-- Rows are kept in step with Concept and Card by triggers, so every writer stays correct.
-- Invariant: a concept's row has rowid = 2 * Concept.rowid + 1, a card's 2 * Card.rowid, so a
-- trigger finds the row by rowid instead of scanning the index. A later migration that rebuilds
-- Concept or Card (new rowids) must refill SearchIndex the way the end of this file does.
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    kind UNINDEXED,
    refId UNINDEXED,
    conceptId UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

CREATE TRIGGER "Concept_search_insert" AFTER INSERT ON "Concept" WHEN NEW."status" = 'active' BEGIN
    INSERT INTO "SearchIndex" (rowid, kind, refId, conceptId, title, body)
        VALUES (2 * NEW.rowid + 1, 'concept', NEW."id", NEW."id", NEW."title", NEW."body");
END;
CREATE TRIGGER "Concept_search_update" AFTER UPDATE ON "Concept" BEGIN
    DELETE FROM "SearchIndex" WHERE rowid = 2 * OLD.rowid + 1;
    INSERT INTO "SearchIndex" (rowid, kind, refId, conceptId, title, body)
        SELECT 2 * NEW.rowid + 1, 'concept', NEW."id", NEW."id", NEW."title", NEW."body" WHERE NEW."status" = 'active';
END;
CREATE TRIGGER "Concept_search_delete" AFTER DELETE ON "Concept" BEGIN
    DELETE FROM "SearchIndex" WHERE rowid = 2 * OLD.rowid + 1;
END;

CREATE TRIGGER "Card_search_insert" AFTER INSERT ON "Card" WHEN NEW."status" = 'active' BEGIN
    INSERT INTO "SearchIndex" (rowid, kind, refId, conceptId, title, body)
        VALUES (2 * NEW.rowid, 'card', NEW."id", NEW."conceptId", NEW."question", NEW."answer");
END;
CREATE TRIGGER "Card_search_update" AFTER UPDATE ON "Card" BEGIN
    DELETE FROM "SearchIndex" WHERE rowid = 2 * OLD.rowid;
    INSERT INTO "SearchIndex" (rowid, kind, refId, conceptId, title, body)
        SELECT 2 * NEW.rowid, 'card', NEW."id", NEW."conceptId", NEW."question", NEW."answer" WHERE NEW."status" = 'active';
END;
CREATE TRIGGER "Card_search_delete" AFTER DELETE ON "Card" BEGIN
    DELETE FROM "SearchIndex" WHERE rowid = 2 * OLD.rowid;
END;

-- Index what an earlier migration already holds.
INSERT INTO "SearchIndex" (rowid, kind, refId, conceptId, title, body)
    SELECT 2 * rowid + 1, 'concept', "id", "id", "title", "body" FROM "Concept" WHERE "status" = 'active';
INSERT INTO "SearchIndex" (rowid, kind, refId, conceptId, title, body)
    SELECT 2 * rowid, 'card', "id", "conceptId", "question", "answer" FROM "Card" WHERE "status" = 'active';
