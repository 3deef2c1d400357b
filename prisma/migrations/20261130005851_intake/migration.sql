-- Intake, corrected (issue 14): who referred, the screener's answers, the
-- subject's employer (and agency, fostering service) as organisations with a
-- local authority, coded role and ethnic group, online conduct as a flag, and
-- more sectors, employment bases and sources. Every existing record stays
-- valid: new columns are empty on contacts made before they were asked.

-- New lists.
CREATE TYPE "ScreenerAnswer" AS ENUM ('YES', 'NO', 'NOT_SURE');
CREATE TYPE "ReferrerType" AS ENUM ('EMPLOYER', 'OTHER_PROFESSIONAL', 'PARENT_CARER', 'CHILD_YOUNG_PERSON', 'MEMBER_OF_PUBLIC', 'OTHER_LADO', 'REGULATOR', 'SELF', 'ANONYMOUS');
CREATE TYPE "RoleGroup" AS ENUM ('TEACHER', 'TEACHING_ASSISTANT', 'EARLY_YEARS_PRACTITIONER', 'COACH', 'YOUTH_WORKER', 'FOSTER_CARER', 'RESIDENTIAL_WORKER', 'HEALTH_PROFESSIONAL', 'DRIVER', 'VOLUNTEER', 'OTHER');
CREATE TYPE "EthnicGroup" AS ENUM ('ASIAN_INDIAN', 'ASIAN_PAKISTANI', 'ASIAN_BANGLADESHI', 'ASIAN_CHINESE', 'ASIAN_OTHER', 'BLACK_AFRICAN', 'BLACK_CARIBBEAN', 'BLACK_OTHER', 'MIXED_WHITE_BLACK_CARIBBEAN', 'MIXED_WHITE_BLACK_AFRICAN', 'MIXED_WHITE_ASIAN', 'MIXED_OTHER', 'WHITE_BRITISH', 'WHITE_IRISH', 'WHITE_GYPSY_IRISH_TRAVELLER', 'WHITE_ROMA', 'WHITE_OTHER', 'OTHER_ARAB', 'OTHER_ANY', 'NOT_KNOWN');

-- Longer lists (new values, unused in this migration).
ALTER TYPE "ContactSource" ADD VALUE 'FRONT_DOOR';
ALTER TYPE "EmploymentBasis" ADD VALUE 'CONTRACTOR';
ALTER TYPE "EmploymentBasis" ADD VALUE 'BANK_SESSIONAL';
ALTER TYPE "Sector" ADD VALUE 'YOUTH_SERVICE';
ALTER TYPE "Sector" ADD VALUE 'FIRE_RESCUE';
ALTER TYPE "Sector" ADD VALUE 'HOUSING';
ALTER TYPE "Sector" ADD VALUE 'ADULT_SOCIAL_CARE';
ALTER TYPE "Sector" ADD VALUE 'ADULT_PRISON';
ALTER TYPE "Sector" ADD VALUE 'SUPPORTED_ACCOMMODATION';
ALTER TYPE "Sector" ADD VALUE 'INDEPENDENT_FOSTERING_AGENCY';
ALTER TYPE "Sector" ADD VALUE 'INDEPENDENT_ADOPTION_AGENCY';

-- New columns.
ALTER TABLE "Case" ADD COLUMN "childInImmediateDanger" BOOLEAN,
ADD COLUMN "happenedOnline" BOOLEAN,
ADD COLUMN "screenerAboutConduct" "ScreenerAnswer",
ADD COLUMN "screenerWorksWithChildren" "ScreenerAnswer";
ALTER TABLE "Organisation" ADD COLUMN "localAuthority" TEXT;
ALTER TABLE "Person" ADD COLUMN "agencyId" UUID,
ADD COLUMN "ethnicGroup" "EthnicGroup",
ADD COLUMN "fosteringServiceId" UUID,
ADD COLUMN "roleGroup" "RoleGroup";
ALTER TABLE "Referrer" ADD COLUMN "organisationName" TEXT,
ADD COLUMN "type" "ReferrerType";

-- Online conduct was a category of harm; now it is where the conduct
-- happened. A contact that had it keeps it as the flag.
UPDATE "Case" SET "happenedOnline" = TRUE WHERE 'ONLINE_CONDUCT' = ANY ("reportedHarmCategories");
UPDATE "Case" SET "reportedHarmCategories" = array_remove("reportedHarmCategories", 'ONLINE_CONDUCT') WHERE 'ONLINE_CONDUCT' = ANY ("reportedHarmCategories");
UPDATE "ThresholdDecision" SET "harmCategories" = array_remove("harmCategories", 'ONLINE_CONDUCT') WHERE 'ONLINE_CONDUCT' = ANY ("harmCategories");
CREATE TYPE "HarmCategory_new" AS ENUM ('PHYSICAL', 'SEXUAL', 'EMOTIONAL', 'NEGLECT', 'SUITABILITY');
ALTER TABLE "Case" ALTER COLUMN "reportedHarmCategories" TYPE "HarmCategory_new"[] USING ("reportedHarmCategories"::text::"HarmCategory_new"[]);
ALTER TABLE "ThresholdDecision" ALTER COLUMN "harmCategories" TYPE "HarmCategory_new"[] USING ("harmCategories"::text::"HarmCategory_new"[]);
ALTER TYPE "HarmCategory" RENAME TO "HarmCategory_old";
ALTER TYPE "HarmCategory_new" RENAME TO "HarmCategory";
DROP TYPE "public"."HarmCategory_old";

-- The subject's agency and fostering service.
CREATE INDEX "Person_agencyId_idx" ON "Person"("agencyId");
CREATE INDEX "Person_fosteringServiceId_idx" ON "Person"("fosteringServiceId");
ALTER TABLE "Person" ADD CONSTRAINT "Person_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Person" ADD CONSTRAINT "Person_fosteringServiceId_fkey" FOREIGN KEY ("fosteringServiceId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
