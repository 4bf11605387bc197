-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Asia/Almaty';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "deadlineOverrideAt" TIMESTAMP(3),
ADD COLUMN     "deadlineOverrideById" TEXT,
ADD COLUMN     "deadlineOverrideByName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "deadlineOverrideOn" TEXT,
ADD COLUMN     "deadlineOverrideReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "deadlineOverrideRule" TEXT;

-- CreateTable
CREATE TABLE "NextStep" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "assigneeId" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NextStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseVisit" (
    "userId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseVisit_pkey" PRIMARY KEY ("userId","applicationId")
);

-- CreateIndex
CREATE INDEX "NextStep_assigneeId_doneAt_idx" ON "NextStep"("assigneeId", "doneAt");

-- CreateIndex
CREATE INDEX "NextStep_applicationId_idx" ON "NextStep"("applicationId");

-- CreateIndex
CREATE INDEX "CaseVisit_applicationId_idx" ON "CaseVisit"("applicationId");

-- AddForeignKey
ALTER TABLE "NextStep" ADD CONSTRAINT "NextStep_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NextStep" ADD CONSTRAINT "NextStep_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseVisit" ADD CONSTRAINT "CaseVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseVisit" ADD CONSTRAINT "CaseVisit_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

