-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "path" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "ingestedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Every existing note belongs to the shared deck (ownerId NULL). Its key is its path: concept and
-- card keys were derived from the path until now, so key = path keeps every existing key (and so
-- every card's review history) exactly as it is.
INSERT INTO "new_Source" ("contentHash", "id", "ingestedAt", "path", "key", "title") SELECT "contentHash", "id", "ingestedAt", "path", "path", "title" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");
CREATE UNIQUE INDEX "Source_path_id_key" ON "Source"("path", "id");
CREATE UNIQUE INDEX "Source_ownerId_path_key" ON "Source"("ownerId", "path");
-- SQLite treats NULLs as distinct in a unique index, so (ownerId, path) alone would let the shared
-- deck hold one path twice. Prisma cannot express a partial index; schema.prisma documents it.
CREATE UNIQUE INDEX "Source_shared_path_key" ON "Source"("path") WHERE "ownerId" IS NULL;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

