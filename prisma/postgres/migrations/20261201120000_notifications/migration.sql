-- AlterTable
ALTER TABLE "User" ADD COLUMN     "reminderChannels" TEXT NOT NULL DEFAULT 'email',
ADD COLUMN     "telegramChatId" TEXT,
ADD COLUMN     "telegramCodeExpiresAt" TIMESTAMP(3),
ADD COLUMN     "telegramCodeHash" TEXT,
ADD COLUMN     "telegramPrivateTitles" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "weeklyDigest" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "groupId" TEXT;

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_idx" ON "CalendarFeed"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_telegramChatId_key" ON "User"("telegramChatId");

-- CreateIndex
CREATE UNIQUE INDEX "User_telegramCodeHash_key" ON "User"("telegramCodeHash");

-- CreateIndex
CREATE INDEX "Job_groupId_status_idx" ON "Job"("groupId", "status");

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

