-- CreateEnum
CREATE TYPE "Role" AS ENUM ('LADO', 'MANAGER', 'BUSINESS_SUPPORT', 'AUDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('EARLY_YEARS_NURSERY', 'EARLY_YEARS_CHILDMINDER', 'PRIMARY_SCHOOL', 'SECONDARY_SCHOOL', 'SPECIAL_SCHOOL', 'INDEPENDENT_SCHOOL', 'FURTHER_EDUCATION', 'ALTERNATIVE_PROVISION', 'HEALTH_ACUTE', 'HEALTH_COMMUNITY', 'HEALTH_MENTAL_HEALTH', 'HEALTH_GP', 'HEALTH_AMBULANCE', 'CHILDRENS_SOCIAL_CARE', 'RESIDENTIAL_CHILDRENS_HOME', 'FOSTERING', 'ADOPTION', 'POLICE', 'PROBATION_YOUTH_JUSTICE', 'CAFCASS', 'SECURE_ESTATE', 'FAITH_ORGANISATION', 'SPORTS_LEISURE', 'VOLUNTARY_COMMUNITY', 'TRANSPORT', 'PRIVATE_TUTORING_CHILDCARE', 'LOCAL_AUTHORITY_OTHER', 'ARMED_FORCES', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactSource" AS ENUM ('ONLINE_FORM', 'PHONE', 'EMAIL', 'LETTER', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "HarmCategory" AS ENUM ('PHYSICAL', 'SEXUAL', 'EMOTIONAL', 'NEGLECT', 'SUITABILITY', 'ONLINE_CONDUCT');

-- CreateEnum
CREATE TYPE "AllegationMadeBy" AS ENUM ('CHILD', 'PARENT_CARER', 'COLLEAGUE', 'OTHER_PROFESSIONAL', 'MEMBER_OF_PUBLIC', 'ANONYMOUS', 'OTHER');

-- CreateEnum
CREATE TYPE "YesNoUnknown" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "EmploymentBasis" AS ENUM ('PERMANENT', 'TEMPORARY', 'FIXED_TERM', 'AGENCY_SUPPLY', 'VOLUNTEER', 'SELF_EMPLOYED', 'FOSTER_CARER', 'STUDENT_TRAINEE', 'OTHER');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('SUGGESTED', 'CONFIRMED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DecisionCategory" AS ENUM ('ADVICE', 'CAUSE_FOR_CONCERN', 'ALLEGATION');

-- CreateEnum
CREATE TYPE "HarmCriterion" AS ENUM ('HARMED_CHILD', 'CRIMINAL_OFFENCE', 'RISK_OF_HARM', 'UNSUITABLE');

-- CreateEnum
CREATE TYPE "RedirectTarget" AS ENUM ('CHILDRENS_SOCIAL_CARE', 'POLICE', 'EMPLOYER_HR', 'LOW_LEVEL_CONCERNS', 'OFSTED', 'OTHER_LA_LADO', 'NOT_WITHIN_REMIT');

-- CreateEnum
CREATE TYPE "MeetingType" AS ENUM ('EVALUATION', 'REVIEW', 'OUTCOME');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PoliceStatus" AS ENUM ('NOT_INVOLVED', 'CONSIDERING', 'INVESTIGATING', 'CHARGED', 'NFA', 'COURT', 'CONCLUDED');

-- CreateEnum
CREATE TYPE "ChallengeKind" AS ENUM ('CHALLENGE', 'ESCALATION');

-- CreateEnum
CREATE TYPE "SuspensionAlternative" AS ENUM ('REDEPLOYMENT', 'SUPERVISION', 'MOVE_CHILD', 'OTHER');

-- CreateEnum
CREATE TYPE "EmployerFinalAction" AS ENUM ('NONE', 'MANAGEMENT_ADVICE', 'TRAINING', 'WRITTEN_WARNING', 'FINAL_WARNING', 'DISMISSAL', 'RESIGNED', 'CEASED_TO_USE', 'DEREGISTRATION', 'OTHER');

-- CreateEnum
CREATE TYPE "OutcomeType" AS ENUM ('SUBSTANTIATED', 'UNSUBSTANTIATED', 'UNFOUNDED', 'FALSE', 'MALICIOUS');

-- CreateEnum
CREATE TYPE "OnwardBody" AS ENUM ('DBS', 'TRA', 'OFSTED', 'NMC', 'GMC', 'HCPC', 'SOCIAL_WORK_ENGLAND', 'FOSTERING_PANEL', 'OTHER');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('ATTACHMENT', 'ADVICE_LETTER', 'MEETING_MINUTES', 'OUTCOME_LETTER', 'CASE_FILE', 'OTHER');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'OUTBOX');

-- CreateEnum
CREATE TYPE "AuditGrade" AS ENUM ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" UUID,
    "action" TEXT NOT NULL,
    "caseId" UUID,
    "requestId" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "BankHoliday" (
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "BankHoliday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "address" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "source" "ContactSource" NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loggedById" UUID,
    "allocatedToId" UUID,
    "importBatchId" UUID,
    "namedProfessional" BOOLEAN NOT NULL DEFAULT true,
    "summary" TEXT NOT NULL,
    "reportedHarmCategories" "HarmCategory"[],
    "followedRestraint" BOOLEAN,
    "incidentFrom" DATE,
    "incidentTo" DATE,
    "moreThanOneIncident" BOOLEAN,
    "employerAwareAt" DATE,
    "incidentLocation" TEXT,
    "allegationMadeBy" "AllegationMadeBy",
    "allegationMadeByDetail" TEXT,
    "policeInformed" "YesNoUnknown",
    "policeReference" TEXT,
    "socialCareInformed" "YesNoUnknown",
    "parentsInformed" "YesNoUnknown",
    "subjectAware" "YesNoUnknown",
    "suspendedOrRedeployed" "YesNoUnknown",
    "actionsSoFar" TEXT,
    "initialConsideredAt" TIMESTAMPTZ(3),
    "initialConsideredById" UUID,
    "initialConsideration" TEXT,
    "retentionReviewDate" DATE,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referrer" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "name" TEXT,
    "role" TEXT,
    "organisationId" UUID,
    "phone" TEXT,
    "email" TEXT,
    "seniorManagerAware" "YesNoUnknown",

    CONSTRAINT "Referrer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Identity" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "identityId" UUID NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "previousNames" TEXT[],
    "dateOfBirth" DATE,
    "sex" "Sex",
    "ethnicity" TEXT,
    "address" TEXT,
    "jobTitle" TEXT,
    "employerId" UUID,
    "employerName" TEXT,
    "sector" "Sector",
    "employmentBasis" "EmploymentBasis",
    "startDate" DATE,
    "otherWorkWithChildren" TEXT,
    "ownChildrenOrCaring" TEXT,
    "previousConcernsKnown" TEXT,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonMatch" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" "MatchStatus" NOT NULL DEFAULT 'SUGGESTED',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PersonMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Child" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "name" TEXT,
    "ageYears" INTEGER,
    "dateOfBirth" DATE,
    "sex" "Sex",
    "setting" TEXT,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThresholdDecision" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "category" "DecisionCategory" NOT NULL,
    "harmCriteria" "HarmCriterion"[],
    "harmCategories" "HarmCategory"[],
    "rationale" TEXT NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ThresholdDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdviceRecord" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "adviceGiven" TEXT NOT NULL,
    "redirectedTo" "RedirectTarget",
    "redirectDetail" TEXT,
    "followUpLetterId" UUID,
    "followUpSentAt" TIMESTAMPTZ(3),
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdviceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmployerInvestigation" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "agreedActions" TEXT NOT NULL,
    "agreedAt" TIMESTAMPTZ(3) NOT NULL,
    "investigator" TEXT,
    "result" TEXT,
    "resultReceivedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmployerInvestigation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "type" "MeetingType" NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "informationShared" TEXT,
    "decisions" TEXT,
    "nextReviewDate" DATE,
    "minutesId" UUID,
    "minutesSentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendee" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "role" TEXT,
    "attended" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "MeetingAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "meetingId" UUID,
    "description" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "ownerAgency" TEXT NOT NULL,
    "ownerUserId" UUID,
    "dueDate" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoliceInvolvement" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "force" TEXT,
    "reference" TEXT,
    "officerName" TEXT,
    "officerContact" TEXT,
    "informedAt" TIMESTAMPTZ(3),
    "status" "PoliceStatus" NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "concludedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PoliceInvolvement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoliceUpdate" (
    "id" UUID NOT NULL,
    "policeId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "status" "PoliceStatus" NOT NULL,
    "note" TEXT NOT NULL,
    "recordedById" UUID,

    CONSTRAINT "PoliceUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoliceChallenge" (
    "id" UUID NOT NULL,
    "policeId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" "ChallengeKind" NOT NULL,
    "detail" TEXT NOT NULL,
    "response" TEXT,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PoliceChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section47Enquiry" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "held" BOOLEAN NOT NULL,
    "startedAt" DATE,
    "result" TEXT,

    CONSTRAINT "Section47Enquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmployerAction" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "suspensionConsidered" BOOLEAN NOT NULL DEFAULT false,
    "alternativesConsidered" "SuspensionAlternative"[],
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "suspendedAt" DATE,
    "suspensionRationale" TEXT,
    "suspensionAgreedBy" TEXT,
    "writtenConfirmationAt" DATE,
    "namedContact" TEXT,
    "redeployed" BOOLEAN NOT NULL DEFAULT false,
    "finalAction" "EmployerFinalAction",
    "finalActionAt" DATE,
    "finalActionDetail" TEXT,

    CONSTRAINT "EmployerAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "outcome" "OutcomeType" NOT NULL,
    "rationale" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "personResigned" BOOLEAN NOT NULL DEFAULT false,
    "refusedToCooperate" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" UUID,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnwardReferral" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "body" "OnwardBody" NOT NULL,
    "referredAt" DATE NOT NULL,
    "reference" TEXT,
    "detail" TEXT,

    CONSTRAINT "OnwardReferral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelayReason" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,

    CONSTRAINT "DelayReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL,
    "proposedById" UUID,
    "note" TEXT,
    "signedOffAt" TIMESTAMPTZ(3),
    "signedOffById" UUID,
    "returnedReason" TEXT,
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenedById" UUID,
    "reopenReason" TEXT,

    CONSTRAINT "Closure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalHold" (
    "id" UUID NOT NULL,
    "caseId" UUID,
    "reason" TEXT NOT NULL,
    "placedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "placedById" UUID NOT NULL,
    "liftedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LegalHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "caseId" UUID,
    "draftId" UUID,
    "kind" "DocumentKind" NOT NULL,
    "filename" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralDraft" (
    "id" UUID NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReferralDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" UUID NOT NULL,
    "caseId" UUID,
    "template" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "notifyId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedById" UUID,
    "added" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseFileAudit" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "size" INTEGER NOT NULL,
    "strata" JSONB NOT NULL,
    "exclusions" JSONB NOT NULL,
    "seed" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "actionPlan" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID NOT NULL,

    CONSTRAINT "CaseFileAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseFileAuditor" (
    "auditId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "windowFrom" TIMESTAMPTZ(3) NOT NULL,
    "windowTo" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseFileAuditor_pkey" PRIMARY KEY ("auditId","userId")
);

-- CreateTable
CREATE TABLE "CaseFileSample" (
    "id" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "stratum" TEXT NOT NULL,

    CONSTRAINT "CaseFileSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseFileReview" (
    "id" UUID NOT NULL,
    "sampleId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "moderation" BOOLEAN NOT NULL DEFAULT false,
    "answers" JSONB NOT NULL,
    "grade" "AuditGrade",
    "rationale" TEXT,
    "submittedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CaseFileReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_at_idx" ON "AuditEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");

-- CreateIndex
CREATE INDEX "Organisation_name_idx" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");

-- CreateIndex
CREATE INDEX "Case_receivedAt_idx" ON "Case"("receivedAt");

-- CreateIndex
CREATE INDEX "Case_allocatedToId_idx" ON "Case"("allocatedToId");

-- CreateIndex
CREATE UNIQUE INDEX "Referrer_caseId_key" ON "Referrer"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_caseId_key" ON "Person"("caseId");

-- CreateIndex
CREATE INDEX "Person_identityId_idx" ON "Person"("identityId");

-- CreateIndex
CREATE INDEX "Person_lastName_firstName_idx" ON "Person"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "Person_dateOfBirth_idx" ON "Person"("dateOfBirth");

-- CreateIndex
CREATE UNIQUE INDEX "PersonMatch_personId_candidateId_key" ON "PersonMatch"("personId", "candidateId");

-- CreateIndex
CREATE INDEX "Child_caseId_idx" ON "Child"("caseId");

-- CreateIndex
CREATE INDEX "ThresholdDecision_decidedAt_idx" ON "ThresholdDecision"("decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ThresholdDecision_caseId_revision_key" ON "ThresholdDecision"("caseId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "AdviceRecord_caseId_key" ON "AdviceRecord"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "AdviceRecord_followUpLetterId_key" ON "AdviceRecord"("followUpLetterId");

-- CreateIndex
CREATE UNIQUE INDEX "EmployerInvestigation_caseId_key" ON "EmployerInvestigation"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_minutesId_key" ON "Meeting"("minutesId");

-- CreateIndex
CREATE INDEX "Meeting_caseId_heldAt_idx" ON "Meeting"("caseId", "heldAt");

-- CreateIndex
CREATE INDEX "Action_status_dueDate_idx" ON "Action"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Action_caseId_idx" ON "Action"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "PoliceInvolvement_caseId_key" ON "PoliceInvolvement"("caseId");

-- CreateIndex
CREATE INDEX "PoliceUpdate_policeId_at_idx" ON "PoliceUpdate"("policeId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Section47Enquiry_caseId_key" ON "Section47Enquiry"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "EmployerAction_caseId_key" ON "EmployerAction"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Outcome_caseId_key" ON "Outcome"("caseId");

-- CreateIndex
CREATE INDEX "OnwardReferral_caseId_idx" ON "OnwardReferral"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "DelayReason_caseId_month_key" ON "DelayReason"("caseId", "month");

-- CreateIndex
CREATE INDEX "Closure_caseId_proposedAt_idx" ON "Closure"("caseId", "proposedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_caseId_idx" ON "Document"("caseId");

-- CreateIndex
CREATE INDEX "ReferralDraft_expiresAt_idx" ON "ReferralDraft"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_nextAttemptAt_idx" ON "OutboundMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseFileSample_auditId_caseId_key" ON "CaseFileSample"("auditId", "caseId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseFileReview_sampleId_reviewerId_key" ON "CaseFileReview"("sampleId", "reviewerId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_allocatedToId_fkey" FOREIGN KEY ("allocatedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_initialConsideredById_fkey" FOREIGN KEY ("initialConsideredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referrer" ADD CONSTRAINT "Referrer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referrer" ADD CONSTRAINT "Referrer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "Identity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonMatch" ADD CONSTRAINT "PersonMatch_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonMatch" ADD CONSTRAINT "PersonMatch_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonMatch" ADD CONSTRAINT "PersonMatch_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThresholdDecision" ADD CONSTRAINT "ThresholdDecision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThresholdDecision" ADD CONSTRAINT "ThresholdDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceRecord" ADD CONSTRAINT "AdviceRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviceRecord" ADD CONSTRAINT "AdviceRecord_followUpLetterId_fkey" FOREIGN KEY ("followUpLetterId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmployerInvestigation" ADD CONSTRAINT "EmployerInvestigation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceInvolvement" ADD CONSTRAINT "PoliceInvolvement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceUpdate" ADD CONSTRAINT "PoliceUpdate_policeId_fkey" FOREIGN KEY ("policeId") REFERENCES "PoliceInvolvement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceUpdate" ADD CONSTRAINT "PoliceUpdate_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceChallenge" ADD CONSTRAINT "PoliceChallenge_policeId_fkey" FOREIGN KEY ("policeId") REFERENCES "PoliceInvolvement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section47Enquiry" ADD CONSTRAINT "Section47Enquiry_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmployerAction" ADD CONSTRAINT "EmployerAction_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnwardReferral" ADD CONSTRAINT "OnwardReferral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelayReason" ADD CONSTRAINT "DelayReason_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelayReason" ADD CONSTRAINT "DelayReason_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ReferralDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFileAudit" ADD CONSTRAINT "CaseFileAudit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFileAuditor" ADD CONSTRAINT "CaseFileAuditor_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "CaseFileAudit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFileAuditor" ADD CONSTRAINT "CaseFileAuditor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFileSample" ADD CONSTRAINT "CaseFileSample_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "CaseFileAudit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFileSample" ADD CONSTRAINT "CaseFileSample_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFileReview" ADD CONSTRAINT "CaseFileReview_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "CaseFileSample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFileReview" ADD CONSTRAINT "CaseFileReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit trail is append-only: refuse UPDATE and DELETE whatever the client.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
