-- Written by hand (the schema does not declare it: docs/decisions/009-scale.md):
-- trigrams for the case search. A trusted extension, so the owner may create it.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "Case_receivedAt_idx";

-- CreateIndex
CREATE INDEX "Action_meetingId_idx" ON "Action"("meetingId");

-- CreateIndex
CREATE INDEX "Action_ownerUserId_idx" ON "Action"("ownerUserId");

-- CreateIndex
CREATE INDEX "Case_receivedAt_reference_idx" ON "Case"("receivedAt", "reference");

-- CreateIndex
CREATE INDEX "Case_id_receivedAt_reference_idx" ON "Case"("id", "receivedAt", "reference");

-- CreateIndex
CREATE INDEX "Case_loggedById_idx" ON "Case"("loggedById");

-- CreateIndex
CREATE INDEX "Case_initialConsideredById_idx" ON "Case"("initialConsideredById");

-- CreateIndex
CREATE INDEX "Case_importBatchId_idx" ON "Case"("importBatchId");

-- CreateIndex
CREATE INDEX "CaseFileAudit_createdById_idx" ON "CaseFileAudit"("createdById");

-- CreateIndex
CREATE INDEX "CaseFileAuditor_userId_idx" ON "CaseFileAuditor"("userId");

-- CreateIndex
CREATE INDEX "CaseFileReview_reviewerId_idx" ON "CaseFileReview"("reviewerId");

-- CreateIndex
CREATE INDEX "CaseFileSample_caseId_idx" ON "CaseFileSample"("caseId");

-- CreateIndex
CREATE INDEX "Closure_proposedById_idx" ON "Closure"("proposedById");

-- CreateIndex
CREATE INDEX "Closure_signedOffById_idx" ON "Closure"("signedOffById");

-- CreateIndex
CREATE INDEX "Closure_reopenedById_idx" ON "Closure"("reopenedById");

-- CreateIndex
CREATE INDEX "DelayReason_recordedById_idx" ON "DelayReason"("recordedById");

-- CreateIndex
CREATE INDEX "Document_uploadedById_idx" ON "Document"("uploadedById");

-- CreateIndex
CREATE INDEX "ImportBatch_importedById_idx" ON "ImportBatch"("importedById");

-- CreateIndex
CREATE INDEX "LegalHold_caseId_idx" ON "LegalHold"("caseId");

-- CreateIndex
CREATE INDEX "LegalHold_placedById_idx" ON "LegalHold"("placedById");

-- CreateIndex
CREATE INDEX "MeetingAttendee_meetingId_idx" ON "MeetingAttendee"("meetingId");

-- CreateIndex
CREATE INDEX "Organisation_name_trgm_idx" ON "Organisation" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "OutboundMessage_caseId_createdAt_idx" ON "OutboundMessage"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Outcome_recordedById_idx" ON "Outcome"("recordedById");

-- CreateIndex
CREATE INDEX "Person_employerId_idx" ON "Person"("employerId");

-- CreateIndex
CREATE INDEX "Person_firstName_trgm_idx" ON "Person" USING GIN ("firstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_lastName_trgm_idx" ON "Person" USING GIN ("lastName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "PersonMatch_candidateId_idx" ON "PersonMatch"("candidateId");

-- CreateIndex
CREATE INDEX "PersonMatch_decidedById_idx" ON "PersonMatch"("decidedById");

-- CreateIndex
CREATE INDEX "PoliceChallenge_policeId_at_idx" ON "PoliceChallenge"("policeId", "at");

-- CreateIndex
CREATE INDEX "PoliceUpdate_recordedById_idx" ON "PoliceUpdate"("recordedById");

-- CreateIndex
CREATE INDEX "Referrer_organisationId_caseId_idx" ON "Referrer"("organisationId", "caseId");

-- CreateIndex
CREATE INDEX "Setting_updatedById_idx" ON "Setting"("updatedById");

-- CreateIndex
CREATE INDEX "ThresholdDecision_decidedById_idx" ON "ThresholdDecision"("decidedById");

-- Also by hand: Prisma cannot declare these, and its diff ignores them.

-- Previous names, searched like first and last names: one text per person for
-- a trigram index. array_to_string is only STABLE in general; for text[] it
-- depends on nothing else, so this wrapper may be IMMUTABLE, as an index needs.
CREATE FUNCTION "previous_names_text"(names TEXT[]) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_to_string(names, ' ') $$;

CREATE INDEX "Person_previousNames_trgm_idx" ON "Person" USING GIN ("previous_names_text"("previousNames") gin_trgm_ops);

-- The case search by the start of a reference, in any case: a btree range on
-- lower(reference). (A trigram index on reference spent 35 ms at a million
-- cases on the pieces every reference shares, "lad" and the year.)
CREATE INDEX "Case_reference_lower_idx" ON "Case"(lower("reference") text_pattern_ops);

-- The triage queue: contacts waiting for their initial consideration (never
-- imported ones), oldest first. A few hundred rows of a million, so the queue
-- and its counts never walk the cases already considered.
CREATE INDEX "Case_waiting_idx" ON "Case"("receivedAt", "reference")
  WHERE "initialConsideredAt" IS NULL AND "importBatchId" IS NULL;
