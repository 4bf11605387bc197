-- CreateTable
CREATE TABLE "StatsChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" TEXT NOT NULL,
    "xid" BIGINT
);

-- CreateIndex
CREATE INDEX "StatsChange_xid_idx" ON "StatsChange"("xid");
