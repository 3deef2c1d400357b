-- CreateEnum
CREATE TYPE "RecordsImportStage" AS ENUM ('DRY_RUN', 'IMPORT');

-- CreateEnum
CREATE TYPE "RecordsImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'INTERRUPTED');

-- CreateEnum
CREATE TYPE "RecordsImportPhase" AS ENUM ('CHECK', 'IMPORT');

-- CreateTable
CREATE TABLE "RecordsImportJob" (
    "id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "storageKey" TEXT,
    "sizeBytes" BIGINT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stage" "RecordsImportStage" NOT NULL DEFAULT 'DRY_RUN',
    "status" "RecordsImportStatus" NOT NULL DEFAULT 'QUEUED',
    "goodRows" BOOLEAN NOT NULL DEFAULT false,
    "phase" "RecordsImportPhase",
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "fraction" DOUBLE PRECISION,
    "phaseStartedAt" TIMESTAMPTZ(3),
    "progressAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "message" TEXT,
    "dryRunReport" JSONB,
    "importReport" JSONB,
    "badRowsKey" TEXT,
    "importBatchId" UUID,

    CONSTRAINT "RecordsImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecordsImportJob_importBatchId_key" ON "RecordsImportJob"("importBatchId");

-- CreateIndex
CREATE INDEX "RecordsImportJob_createdById_idx" ON "RecordsImportJob"("createdById");

-- CreateIndex
CREATE INDEX "RecordsImportJob_createdAt_idx" ON "RecordsImportJob"("createdAt");

-- CreateIndex
CREATE INDEX "RecordsImportJob_status_idx" ON "RecordsImportJob"("status");

-- AddForeignKey
ALTER TABLE "RecordsImportJob" ADD CONSTRAINT "RecordsImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordsImportJob" ADD CONSTRAINT "RecordsImportJob_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

