-- AlterTable
ALTER TABLE "ApplicationGroup" ADD COLUMN     "access" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "accessAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "accessById" TEXT;

-- AlterTable
ALTER TABLE "ChangeLog" ADD COLUMN     "viaGroupId" TEXT,
ADD COLUMN     "viaGroupName" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL DEFAULT 'application',
    "subjectId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL DEFAULT '',
    "authorGroupId" TEXT NOT NULL,
    "authorGroupName" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Comment_applicationId_createdAt_idx" ON "Comment"("applicationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

