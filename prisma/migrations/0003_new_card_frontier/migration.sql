-- AlterTable
ALTER TABLE "User" ADD COLUMN "newFrontierConceptId" TEXT;
ALTER TABLE "User" ADD COLUMN "newFrontierStamp" TEXT;

