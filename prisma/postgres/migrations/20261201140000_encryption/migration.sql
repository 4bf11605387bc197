-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "idNumberHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "phoneHash" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Person_groupId_idNumberHash_idx" ON "Person"("groupId", "idNumberHash");

