-- AlterTable
ALTER TABLE "Authority" ADD COLUMN     "nameKk" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "roleTitleKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "roleTitleRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "notesKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "notesRu" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "purposeKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "purposeRu" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "notesKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "notesRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "RefusalGround" ADD COLUMN     "labelKk" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "descriptionKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "descriptionRu" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "observerKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "observerRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "AppealStage" ADD COLUMN     "authorityArgumentsKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "authorityArgumentsRu" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "notesKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "notesRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "authorityArgumentsKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "authorityArgumentsRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Ruling" ADD COLUMN     "summaryKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "summaryRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "descriptionKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "descriptionRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "descriptionKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "descriptionRu" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "titleKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "noteKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "noteRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "DeadlineRule" ADD COLUMN     "labelKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "legalBasisKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "legalBasisRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Holiday" ADD COLUMN     "nameKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "nameRu" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "LegalStandard" ADD COLUMN     "bodyKk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleKk" TEXT NOT NULL DEFAULT '';

