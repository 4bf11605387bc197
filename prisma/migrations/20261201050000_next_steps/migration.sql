-- CreateTable
CREATE TABLE "NextStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "assigneeId" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "doneAt" DATETIME,
    "doneById" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NextStep_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NextStep_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseVisit" (
    "userId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "applicationId"),
    CONSTRAINT "CaseVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseVisit_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (added columns only: the rows stay as they are)
ALTER TABLE "Group" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'Asia/Almaty';
ALTER TABLE "Application" ADD COLUMN "deadlineOverrideOn" TEXT;
ALTER TABLE "Application" ADD COLUMN "deadlineOverrideRule" TEXT;
ALTER TABLE "Application" ADD COLUMN "deadlineOverrideReason" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Application" ADD COLUMN "deadlineOverrideById" TEXT;
ALTER TABLE "Application" ADD COLUMN "deadlineOverrideByName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Application" ADD COLUMN "deadlineOverrideAt" DATETIME;

-- CreateIndex
CREATE INDEX "NextStep_assigneeId_doneAt_idx" ON "NextStep"("assigneeId", "doneAt");

-- CreateIndex
CREATE INDEX "NextStep_applicationId_idx" ON "NextStep"("applicationId");

-- CreateIndex
CREATE INDEX "CaseVisit_applicationId_idx" ON "CaseVisit"("applicationId");

