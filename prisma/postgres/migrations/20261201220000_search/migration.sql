-- CreateTable
CREATE TABLE "SearchDoc" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "SearchDoc_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchDoc_applicationId_idx" ON "SearchDoc"("applicationId");

-- CreateIndex
CREATE INDEX "SearchDoc_groupId_isPublic_idx" ON "SearchDoc"("groupId", "isPublic");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDoc_entity_entityId_key" ON "SearchDoc"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "SearchDoc" ADD CONSTRAINT "SearchDoc_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search on PostgreSQL (lib/search): the record's text under the "russian"
-- configuration (stems: «отказали» and «отказ» meet) and "simple" (Kazakh and other words
-- as written), titles weighted above the rest. "notes" (members only) is a column of its own
-- so that a reader outside the group is matched against the public text alone.
ALTER TABLE "SearchDoc" ADD COLUMN "publicTsv" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('russian', "title"), 'A') || setweight(to_tsvector('simple', "title"), 'A') ||
  setweight(to_tsvector('russian', "body"), 'C') || setweight(to_tsvector('simple', "body"), 'C')
) STORED;
ALTER TABLE "SearchDoc" ADD COLUMN "notesTsv" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('russian', "notes"), 'D') || setweight(to_tsvector('simple', "notes"), 'D')
) STORED;
CREATE INDEX "SearchDoc_publicTsv_idx" ON "SearchDoc" USING GIN ("publicTsv");
CREATE INDEX "SearchDoc_notesTsv_idx" ON "SearchDoc" USING GIN ("notesTsv");
