-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "caseVersion" INTEGER,
ADD COLUMN     "filedNumber" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "filedOn" TEXT,
ADD COLUMN     "filingKind" TEXT,
ADD COLUMN     "filingLocale" TEXT,
ADD COLUMN     "templateVersion" INTEGER;

-- CreateTable
CREATE TABLE "FilingTemplate" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "sections" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FilingTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FilingTemplate_kind_locale_version_key" ON "FilingTemplate"("kind", "locale", "version");

