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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Almaty',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Group" ("city", "createdAt", "description", "id", "name", "requireTwoFactor", "slug") SELECT "city", "createdAt", "description", "id", "name", "requireTwoFactor", "slug" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
CREATE UNIQUE INDEX "Group_slug_key" ON "Group"("slug");
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT NOT NULL,
    "procedure" TEXT NOT NULL,
    "authorityId" TEXT,
    "city" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT '',
    "filedOn" TEXT,
    "filedOnPrecision" TEXT NOT NULL DEFAULT 'day',
    "filedBefore" TEXT,
    "registrationNumber" TEXT NOT NULL DEFAULT '',
    "requestCount" INTEGER NOT NULL DEFAULT 1,
    "notes" TEXT NOT NULL DEFAULT '',
    "publicNote" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'filed',
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "answerDueOn" TEXT,
    "deadlineOverrideOn" TEXT,
    "deadlineOverrideRule" TEXT,
    "deadlineOverrideReason" TEXT NOT NULL DEFAULT '',
    "deadlineOverrideById" TEXT,
    "deadlineOverrideByName" TEXT NOT NULL DEFAULT '',
    "deadlineOverrideAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("answerDueOn", "authorityId", "city", "createdAt", "createdById", "filedBefore", "filedOn", "filedOnPrecision", "groupId", "id", "isPublic", "notes", "outcome", "procedure", "publicNote", "purpose", "registrationNumber", "requestCount", "status", "title", "updatedAt", "version") SELECT "answerDueOn", "authorityId", "city", "createdAt", "createdById", "filedBefore", "filedOn", "filedOnPrecision", "groupId", "id", "isPublic", "notes", "outcome", "procedure", "publicNote", "purpose", "registrationNumber", "requestCount", "status", "title", "updatedAt", "version" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE INDEX "Application_groupId_isPublic_idx" ON "Application"("groupId", "isPublic");
CREATE INDEX "Application_filedOn_idx" ON "Application"("filedOn");
CREATE INDEX "Application_city_idx" ON "Application"("city");
CREATE INDEX "Application_status_idx" ON "Application"("status");
CREATE INDEX "Application_outcome_idx" ON "Application"("outcome");
CREATE INDEX "Application_authorityId_idx" ON "Application"("authorityId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "NextStep_assigneeId_doneAt_idx" ON "NextStep"("assigneeId", "doneAt");

-- CreateIndex
CREATE INDEX "NextStep_applicationId_idx" ON "NextStep"("applicationId");

-- CreateIndex
CREATE INDEX "CaseVisit_applicationId_idx" ON "CaseVisit"("applicationId");

