-- CreateTable
CREATE TABLE "SearchDoc" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "applicationId" TEXT,
    "incidentId" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "year" INTEGER,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "SearchDoc_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SearchDoc_applicationId_idx" ON "SearchDoc"("applicationId");

-- CreateIndex
CREATE INDEX "SearchDoc_groupId_isPublic_idx" ON "SearchDoc"("groupId", "isPublic");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDoc_entity_entityId_key" ON "SearchDoc"("entity", "entityId");


-- Full-text search on SQLite (lib/search): FTS5 over the record's text with every word
-- stemmed in JavaScript (Snowball), rowid = "SearchDoc"."id". Written by the application in
-- the same transaction as its "SearchDoc" row; removed with it by this trigger (a cascade
-- from a deleted application too).
CREATE VIRTUAL TABLE "SearchDocFts" USING fts5("title", "body", "notes", tokenize = 'unicode61 remove_diacritics 0');
-- A deleted row's words leave the index at once (not at the next merge): an erased person's
-- name must not linger in the index's pages.
INSERT INTO "SearchDocFts" ("SearchDocFts", "rank") VALUES ('secure-delete', 1);

CREATE TRIGGER "SearchDoc_fts_delete" AFTER DELETE ON "SearchDoc" BEGIN
  DELETE FROM "SearchDocFts" WHERE rowid = old."id";
END;
