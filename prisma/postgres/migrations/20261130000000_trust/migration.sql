-- DropIndex
DROP INDEX "ApplicationGroup_groupId_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "failedSignIns" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "isOperator" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastFailedSignInAt" TIMESTAMP(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "publicNote" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ApplicationGroup" ADD COLUMN     "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "requestedById" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'accepted';

-- AlterTable
ALTER TABLE "Hearing" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Ruling" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "ApplicationGroup_groupId_status_idx" ON "ApplicationGroup"("groupId", "status");

