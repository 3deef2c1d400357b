// Factories shared by the tests and the demo data (prisma/seed.ts): realistic
// fake records of an English LADO service, with @faker-js/faker's en_GB
// locale and our own lists where faker's are not British enough (names,
// places). One file per aggregate; this one names what callers may use.
//
// Deterministic after faker.seed(n) (or `seeded`): every random choice for a
// case is made before the first query, so concurrent calls cannot interleave
// them, and dates default relative to faker.defaultRefDate() (now, unless a
// seed fixes it).
//
//   const lado = await createUser(db, { roles: ["LADO"] });
//   const file = await createCase(db, { allocatedToId: lado.id, decisions: [{ category: "ALLEGATION" }] });
export {
  addDays,
  between,
  chance,
  dateOnly,
  faker,
  inProportion,
  isWorkingDay,
  monthStart,
  notAfterNow,
  officeTime,
  pick,
  seeded,
  weighted,
  type Weights,
} from "./shared";
export { personName, ukAddress, ukLandline, ukMobile, ukPostcode, workEmail } from "./people";
export {
  createOrganisation,
  createOrganisations,
  organisationData,
  type OrganisationFields,
  type OrganisationPool,
  type OrgRef,
} from "./organisations";
export { createUser, DEFAULT_PASSWORD, type UserInput } from "./users";
export { employmentBasisFor, regulatorFor } from "./jobs";
export { jobTitleFor, pickScenario, scenarios, type Scenario, type Story } from "./scenarios";
export { CONTACT_SOURCES, type ChildFields, type ReferrerFields, type SubjectFields } from "./contacts";
export type { AdviceFields, DecisionFields } from "./decisions";
export type { EmployerActionFields, EmployerInvestigationFields } from "./employer";
export type { ActionFields, AttendeeFields, MeetingInput } from "./meetings";
export type { PoliceChallengeFields, PoliceCourse, PoliceInput, PoliceUpdateFields } from "./police";
export type { Section47Fields } from "./social-care";
export { daysToConclude, type DelayReasonFields, type OnwardReferralFields, type OutcomeFields } from "./outcomes";
export type { ClosureFields } from "./closures";
export type { AllegationProgress, CaseRecords, Progress } from "./progress";
export {
  buildCase,
  createCase,
  createCases,
  type BuiltCase,
  type CaseFields,
  type CaseOverrides,
  type CreatedCase,
  type EarlierContact,
} from "./cases";
