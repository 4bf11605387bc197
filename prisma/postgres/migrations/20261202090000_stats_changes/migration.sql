-- CreateTable
CREATE TABLE "StatsChange" (
    "seq" SERIAL NOT NULL,
    "applicationId" TEXT NOT NULL,
    "xid" BIGINT,

    CONSTRAINT "StatsChange_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "StatsChange_xid_idx" ON "StatsChange"("xid");

