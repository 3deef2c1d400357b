-- AlterTable
ALTER TABLE "ReferralDraft" ADD COLUMN     "filesDeletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "submittedAt" TIMESTAMPTZ(3),
ADD COLUMN     "submittedReference" TEXT;

-- Sign-in throttling is transient state: the old per-email counts are dropped.
DELETE FROM "SignInThrottle";

-- AlterTable
ALTER TABLE "SignInThrottle" DROP CONSTRAINT "SignInThrottle_pkey",
DROP COLUMN "email",
DROP COLUMN "lockedUntil",
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
ADD CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key");

-- CreateIndex
CREATE INDEX "Document_draftId_createdAt_idx" ON "Document"("draftId", "createdAt");

