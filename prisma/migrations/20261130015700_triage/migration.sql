-- CreateEnum
CREATE TYPE "ImmediateAction" AS ENUM ('NONE', 'POLICE_INFORMED', 'SOCIAL_CARE_INFORMED', 'EMPLOYER_ADVISED_REMOVE', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseLinkReason" AS ENUM ('DUPLICATE', 'SECOND_REFERRER', 'SAME_MATTER');

-- CreateEnum
CREATE TYPE "LetterMethod" AS ENUM ('EMAIL', 'POST');

-- CreateEnum
CREATE TYPE "EmployerResult" AS ENUM ('NO_FURTHER_ACTION', 'MANAGEMENT_ADVICE', 'TRAINING', 'FORMAL_DISCIPLINARY', 'RESIGNED', 'OTHER');

-- AlterEnum
ALTER TYPE "DecisionCategory" ADD VALUE 'NOT_LADO';

-- AlterEnum
ALTER TYPE "RedirectTarget" ADD VALUE 'NONE';

-- AlterTable
ALTER TABLE "AdviceRecord" ADD COLUMN     "followUpMethod" "LetterMethod",
ADD COLUMN     "progressedToCaseId" UUID,
ADD COLUMN     "recordedById" UUID,
ADD COLUMN     "referrerActions" TEXT;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "allocatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "immediateActionDetail" TEXT,
ADD COLUMN     "immediateActions" "ImmediateAction"[] DEFAULT ARRAY[]::"ImmediateAction"[],
ADD COLUMN     "initialConsiderationDue" TIMESTAMPTZ(3),
ADD COLUMN     "priorHistorySeen" BOOLEAN;

-- AlterTable
ALTER TABLE "EmployerInvestigation" ADD COLUMN     "reportBackBy" DATE,
ADD COLUMN     "resultCode" "EmployerResult";

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "documentId" UUID;

-- CreateTable
CREATE TABLE "CaseLink" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "sameMatterAsId" UUID NOT NULL,
    "reason" "CaseLinkReason" NOT NULL,
    "note" TEXT,
    "linkedById" UUID,
    "linkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseLink_caseId_key" ON "CaseLink"("caseId");

-- CreateIndex
CREATE INDEX "CaseLink_sameMatterAsId_idx" ON "CaseLink"("sameMatterAsId");

-- CreateIndex
CREATE INDEX "CaseLink_linkedById_idx" ON "CaseLink"("linkedById");

-- CreateIndex
CREATE INDEX "AdviceRecord_progressedToCaseId_idx" ON "AdviceRecord"("progressedToCaseId");

-- CreateIndex
CREATE INDEX "AdviceRecord_recordedById_idx" ON "AdviceRecord"("recordedById");

-- CreateIndex
CREATE INDEX "AdviceRecord_recordedAt_idx" ON "AdviceRecord"("recordedAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_documentId_idx" ON "OutboundMessage"("documentId");

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_sameMatterAsId_fkey" FOREIGN KEY ("sameMatterAsId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLink" ADD CONSTRAINT "CaseLink_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceRecord" ADD CONSTRAINT "AdviceRecord_progressedToCaseId_fkey" FOREIGN KEY ("progressedToCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceRecord" ADD CONSTRAINT "AdviceRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

