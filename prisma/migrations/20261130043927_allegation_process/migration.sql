-- CreateEnum
CREATE TYPE "EmployerInvestigationStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'PAUSED_FOR_POLICE', 'CONCLUDED');

-- CreateEnum
CREATE TYPE "MeetingMode" AS ENUM ('IN_PERSON', 'ONLINE', 'HYBRID');

-- CreateEnum
CREATE TYPE "InformingKind" AS ENUM ('SUBJECT_TOLD', 'PARENTS_TOLD_OF_ALLEGATION', 'PARENTS_TOLD_OF_OUTCOME', 'CHILD_FEEDBACK');

-- CreateEnum
CREATE TYPE "LetterRecipient" AS ENUM ('EMPLOYER', 'SUBJECT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OnwardBody" ADD VALUE 'CHARITY_COMMISSION';
ALTER TYPE "OnwardBody" ADD VALUE 'SPORTS_GOVERNING_BODY';
ALTER TYPE "OnwardBody" ADD VALUE 'POLICE_PROFESSIONAL_STANDARDS';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PoliceStatus" ADD VALUE 'RELEASED_UNDER_INVESTIGATION';
ALTER TYPE "PoliceStatus" ADD VALUE 'ON_BAIL';
ALTER TYPE "PoliceStatus" ADD VALUE 'AWAITING_CHARGING_DECISION';

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "completionNote" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "retentionBasis" TEXT;

-- AlterTable
ALTER TABLE "Closure" ADD COLUMN     "openActionsReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMPTZ(3),
ADD COLUMN     "returnedById" UUID;

-- AlterTable
ALTER TABLE "EmployerAction" ADD COLUMN     "alternativesRejected" TEXT,
ADD COLUMN     "notSuspendedReason" TEXT,
ADD COLUMN     "redeployedAt" DATE,
ADD COLUMN     "returnedToWorkAt" DATE,
ADD COLUMN     "suspensionEndedAt" DATE,
ADD COLUMN     "suspensionReviewDates" DATE[] DEFAULT ARRAY[]::DATE[],
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "EmployerInvestigation" ADD COLUMN     "concludedAt" DATE,
ADD COLUMN     "startedAt" DATE,
ADD COLUMN     "status" "EmployerInvestigationStatus",
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "cancelledReason" TEXT,
ADD COLUMN     "chair" TEXT,
ADD COLUMN     "location" TEXT,
ADD COLUMN     "mode" "MeetingMode",
ADD COLUMN     "recordedAt" TIMESTAMPTZ(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "MeetingAttendee" ADD COLUMN     "email" TEXT;

-- AlterTable
ALTER TABLE "OnwardReferral" ADD COLUMN     "recordedAt" TIMESTAMPTZ(3),
ADD COLUMN     "recordedById" UUID,
ADD COLUMN     "referredBy" TEXT;

-- AlterTable
ALTER TABLE "Outcome" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PoliceChallenge" ADD COLUMN     "toWhom" TEXT;

-- AlterTable
ALTER TABLE "PoliceInvolvement" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Section47Enquiry" ADD COLUMN     "referredAt" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Informing" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "InformingKind" NOT NULL,
    "done" BOOLEAN NOT NULL,
    "doneOn" DATE,
    "byWhom" TEXT,
    "policeAgreed" BOOLEAN,
    "socialCareAgreed" BOOLEAN,
    "notDoneReason" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Informing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeLetter" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "recipient" "LetterRecipient" NOT NULL,
    "documentId" UUID NOT NULL,
    "sentTo" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "OutcomeLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ThresholdDecision_category_caseId_revision_idx" ON "ThresholdDecision"("category", "caseId", "revision");

-- CreateIndex
CREATE INDEX "Informing_recordedById_idx" ON "Informing"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "Informing_caseId_kind_key" ON "Informing"("caseId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeLetter_documentId_key" ON "OutcomeLetter"("documentId");

-- CreateIndex
CREATE INDEX "OutcomeLetter_caseId_createdAt_idx" ON "OutcomeLetter"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "OutcomeLetter_createdById_idx" ON "OutcomeLetter"("createdById");

-- CreateIndex
CREATE INDEX "Closure_returnedById_idx" ON "Closure"("returnedById");

-- CreateIndex
CREATE INDEX "OnwardReferral_recordedById_idx" ON "OnwardReferral"("recordedById");

-- AddForeignKey
ALTER TABLE "Informing" ADD CONSTRAINT "Informing_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Informing" ADD CONSTRAINT "Informing_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnwardReferral" ADD CONSTRAINT "OnwardReferral_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeLetter" ADD CONSTRAINT "OutcomeLetter_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeLetter" ADD CONSTRAINT "OutcomeLetter_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeLetter" ADD CONSTRAINT "OutcomeLetter_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

