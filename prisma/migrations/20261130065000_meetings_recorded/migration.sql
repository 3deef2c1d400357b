-- Before the allegation process (issue 17) a meeting was only ever written
-- once it had been held: mark those meetings as recorded when they were held,
-- so the rules that count only recorded meetings (app/allegations/meeting-due.ts)
-- see them. Meetings scheduled since, not yet recorded, are in the future or
-- were made with this column, and are left as they are.
UPDATE "Meeting"
SET "recordedAt" = "heldAt"
WHERE "recordedAt" IS NULL
  AND "cancelledAt" IS NULL
  AND "informationShared" IS NOT NULL
  AND "heldAt" <= CURRENT_TIMESTAMP;
