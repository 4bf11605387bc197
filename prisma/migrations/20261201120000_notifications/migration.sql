-- AlterTable
ALTER TABLE "Job" ADD COLUMN "groupId" TEXT;

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT '',
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "isOperator" BOOLEAN NOT NULL DEFAULT false,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lastFailedSignInAt" DATETIME,
    "reminderOffsets" TEXT NOT NULL DEFAULT '3,1',
    "reminderChannels" TEXT NOT NULL DEFAULT 'email',
    "weeklyDigest" BOOLEAN NOT NULL DEFAULT true,
    "telegramChatId" TEXT,
    "telegramCodeHash" TEXT,
    "telegramCodeExpiresAt" DATETIME,
    "telegramPrivateTitles" BOOLEAN NOT NULL DEFAULT false,
    "totpSecret" TEXT,
    "totpEnabledAt" DATETIME,
    "totpLastStep" INTEGER,
    "lastSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("createdAt", "email", "failedSignIns", "id", "isOperator", "lastFailedSignInAt", "lastSignInAt", "locale", "name", "passwordHash", "reminderOffsets", "sessionVersion", "totpEnabledAt", "totpLastStep", "totpSecret") SELECT "createdAt", "email", "failedSignIns", "id", "isOperator", "lastFailedSignInAt", "lastSignInAt", "locale", "name", "passwordHash", "reminderOffsets", "sessionVersion", "totpEnabledAt", "totpLastStep", "totpSecret" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_telegramChatId_key" ON "User"("telegramChatId");
CREATE UNIQUE INDEX "User_telegramCodeHash_key" ON "User"("telegramCodeHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_idx" ON "CalendarFeed"("userId");

-- CreateIndex
CREATE INDEX "Job_groupId_status_idx" ON "Job"("groupId", "status");

