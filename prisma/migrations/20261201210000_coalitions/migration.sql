-- Coalitions: a case shared with co-organizing groups, and members' comments.
-- Additive only (ALTER TABLE … ADD COLUMN, a new table), so triggers on the tables stay.

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL DEFAULT 'application',
    "subjectId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL DEFAULT '',
    "authorGroupId" TEXT NOT NULL,
    "authorGroupName" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    CONSTRAINT "Comment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Comment_applicationId_createdAt_idx" ON "Comment"("applicationId", "createdAt");

-- AlterTable
ALTER TABLE "ApplicationGroup" ADD COLUMN "access" TEXT NOT NULL DEFAULT 'none';
ALTER TABLE "ApplicationGroup" ADD COLUMN "accessAcceptedAt" DATETIME;
ALTER TABLE "ApplicationGroup" ADD COLUMN "accessById" TEXT;

-- AlterTable
ALTER TABLE "ChangeLog" ADD COLUMN "viaGroupId" TEXT;
ALTER TABLE "ChangeLog" ADD COLUMN "viaGroupName" TEXT NOT NULL DEFAULT '';
