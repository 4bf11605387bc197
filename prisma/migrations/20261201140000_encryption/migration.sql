-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "fullName" TEXT NOT NULL,
    "altNames" TEXT NOT NULL DEFAULT '',
    "roleTitle" TEXT NOT NULL DEFAULT '',
    "idNumber" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "idNumberHash" TEXT NOT NULL DEFAULT '',
    "phoneHash" TEXT NOT NULL DEFAULT '',
    "erasedAt" DATETIME,
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("address", "altNames", "createdAt", "fullName", "groupId", "id", "idNumber", "isPublic", "notes", "phone", "roleTitle", "updatedAt", "version") SELECT "address", "altNames", "createdAt", "fullName", "groupId", "id", "idNumber", "isPublic", "notes", "phone", "roleTitle", "updatedAt", "version" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE INDEX "Person_groupId_idx" ON "Person"("groupId");
CREATE INDEX "Person_groupId_idNumberHash_idx" ON "Person"("groupId", "idNumberHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

