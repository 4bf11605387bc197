-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "isOperator" BOOLEAN NOT NULL DEFAULT false,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lastFailedSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("createdAt", "email", "id", "locale", "name", "passwordHash") SELECT "createdAt", "email", "id", "locale", "name", "passwordHash" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
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
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("answerDueOn", "authorityId", "city", "createdAt", "createdById", "filedBefore", "filedOn", "filedOnPrecision", "groupId", "id", "isPublic", "notes", "outcome", "procedure", "purpose", "registrationNumber", "requestCount", "status", "title", "updatedAt", "version") SELECT "answerDueOn", "authorityId", "city", "createdAt", "createdById", "filedBefore", "filedOn", "filedOnPrecision", "groupId", "id", "isPublic", "notes", "outcome", "procedure", "purpose", "registrationNumber", "requestCount", "status", "title", "updatedAt", "version" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE INDEX "Application_groupId_isPublic_idx" ON "Application"("groupId", "isPublic");
CREATE INDEX "Application_filedOn_idx" ON "Application"("filedOn");
CREATE INDEX "Application_city_idx" ON "Application"("city");
CREATE INDEX "Application_status_idx" ON "Application"("status");
CREATE INDEX "Application_outcome_idx" ON "Application"("outcome");
CREATE INDEX "Application_authorityId_idx" ON "Application"("authorityId");
CREATE TABLE "new_ApplicationGroup" (
    "applicationId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'accepted',
    "requestedById" TEXT,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("applicationId", "groupId"),
    CONSTRAINT "ApplicationGroup_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ApplicationGroup" ("applicationId", "groupId") SELECT "applicationId", "groupId" FROM "ApplicationGroup";
DROP TABLE "ApplicationGroup";
ALTER TABLE "new_ApplicationGroup" RENAME TO "ApplicationGroup";
CREATE INDEX "ApplicationGroup_groupId_status_idx" ON "ApplicationGroup"("groupId", "status");
CREATE TABLE "new_Hearing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appealStageId" TEXT NOT NULL,
    "heldOn" TEXT,
    "heldOnPrecision" TEXT NOT NULL DEFAULT 'day',
    "time" TEXT NOT NULL DEFAULT '',
    "authorityArguments" TEXT NOT NULL DEFAULT '',
    "applicantArguments" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Hearing_appealStageId_fkey" FOREIGN KEY ("appealStageId") REFERENCES "AppealStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Hearing" ("appealStageId", "applicantArguments", "authorityArguments", "createdAt", "heldOn", "heldOnPrecision", "id", "notes", "time") SELECT "appealStageId", "applicantArguments", "authorityArguments", "createdAt", "heldOn", "heldOnPrecision", "id", "notes", "time" FROM "Hearing";
DROP TABLE "Hearing";
ALTER TABLE "new_Hearing" RENAME TO "Hearing";
CREATE INDEX "Hearing_appealStageId_idx" ON "Hearing"("appealStageId");
CREATE INDEX "Hearing_heldOn_idx" ON "Hearing"("heldOn");
CREATE TABLE "new_Ruling" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appealStageId" TEXT NOT NULL,
    "decidedOn" TEXT,
    "decidedOnPrecision" TEXT NOT NULL DEFAULT 'day',
    "outcome" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Ruling_appealStageId_fkey" FOREIGN KEY ("appealStageId") REFERENCES "AppealStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Ruling" ("appealStageId", "createdAt", "decidedOn", "decidedOnPrecision", "id", "outcome", "summary", "text") SELECT "appealStageId", "createdAt", "decidedOn", "decidedOnPrecision", "id", "outcome", "summary", "text" FROM "Ruling";
DROP TABLE "Ruling";
ALTER TABLE "new_Ruling" RENAME TO "Ruling";
CREATE UNIQUE INDEX "Ruling_appealStageId_key" ON "Ruling"("appealStageId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

