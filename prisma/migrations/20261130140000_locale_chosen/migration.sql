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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- "en" was the default and cannot be told from a choice: such members are back to their browser's language until they pick one.
UPDATE "User" SET "locale" = '' WHERE "locale" = 'en';
