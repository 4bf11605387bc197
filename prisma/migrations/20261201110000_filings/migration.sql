-- CreateTable
CREATE TABLE "FilingTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "sections" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "applicationId" TEXT,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'other',
    "title" TEXT NOT NULL DEFAULT '',
    "documentDate" TEXT,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "ocrStatus" TEXT NOT NULL DEFAULT 'pending',
    "ocrText" TEXT NOT NULL DEFAULT '',
    "ocrError" TEXT NOT NULL DEFAULT '',
    "pageCount" INTEGER,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    "filingKind" TEXT,
    "filingLocale" TEXT,
    "templateVersion" INTEGER,
    "caseVersion" INTEGER,
    "filedOn" TEXT,
    "filedNumber" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Attachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attachment" ("applicationId", "createdAt", "createdById", "createdByName", "deletedAt", "documentDate", "fileName", "groupId", "id", "isPublic", "kind", "mimeType", "ocrError", "ocrStatus", "ocrText", "pageCount", "size", "storageKey", "subjectId", "subjectType", "title") SELECT "applicationId", "createdAt", "createdById", "createdByName", "deletedAt", "documentDate", "fileName", "groupId", "id", "isPublic", "kind", "mimeType", "ocrError", "ocrStatus", "ocrText", "pageCount", "size", "storageKey", "subjectId", "subjectType", "title" FROM "Attachment";
DROP TABLE "Attachment";
ALTER TABLE "new_Attachment" RENAME TO "Attachment";
CREATE INDEX "Attachment_groupId_idx" ON "Attachment"("groupId");
CREATE INDEX "Attachment_applicationId_idx" ON "Attachment"("applicationId");
CREATE INDEX "Attachment_subjectType_subjectId_idx" ON "Attachment"("subjectType", "subjectId");
CREATE INDEX "Attachment_storageKey_idx" ON "Attachment"("storageKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "FilingTemplate_kind_locale_version_key" ON "FilingTemplate"("kind", "locale", "version");

