// The case aggregate: one contact and everything recorded on it. buildCase
// makes every choice for a case up front, so faker's sequence alone decides
// it and concurrent calls cannot interleave; createCases saves many in one
// transaction.
//
//   const lado = await createUser(db, { roles: ["LADO"] });
//   const file = await createCase(db, { allocatedTo: lado, decisions: [{ category: "ALLEGATION" }] });
//   const older = await createCase(db, { allocatedTo: lado, progress: { decision: "ALLEGATION", concluded: { outcome: "FALSE" } } });
import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "~/db.server";
import type { User } from "~/generated/prisma/client";
import type { ContactSource, DecisionCategory, EmploymentBasis, ReferrerType, ScreenerAnswer, Sector } from "~/generated/prisma/enums";
import { nextCaseReference } from "~/cases/reference.server";
import { closureData } from "./closures";
import {
  arrival,
  childData,
  CONTACT_SOURCES,
  contactData,
  HAS_ORGANISATION,
  intakeAnswers,
  referrerData,
  storyFor,
  subjectData,
  type CaseFacts,
  type ChildFields,
  type ReferrerFields,
  type ReferrerOrganisation,
  type SubjectFields,
} from "./contacts";
import { adviceData, decisionData, firstDecisionTimes, initialConsiderationData, revisionTime, type DecisionFields } from "./decisions";
import { employerActionData, employerInvestigationData } from "./employer";
import { actionData, attendeesFor, meetingData, type MeetingInput } from "./meetings";
import { isFosterCarer } from "./jobs";
import {
  agencyData,
  agencyKindFor,
  councilOf,
  organisationData,
  otherAuthority,
  type AgencyKind,
  type OrganisationPool,
  type OrgRef,
  type PoolKey,
} from "./organisations";
import { delayReasonData, onwardReferralData, outcomeData } from "./outcomes";
import { personName } from "./people";
import { policeChallengeData, policeData, policeUpdateData, type PoliceInput } from "./police";
import { progressRecords, type CaseRecords, type Progress } from "./progress";
import { agencyOf, pickScenario, referrerTypesFor, type Scenario } from "./scenarios";
import { between, chance, faker, pick, toDate, weighted } from "./shared";
import { section47Data } from "./social-care";

export type CaseFields = Partial<Omit<Prisma.CaseCreateManyInput, "id" | "reference">>;

/** What a later contact takes from an earlier one about the same person (a BuiltCase has it). */
export type EarlierContact = {
  receivedAt: Date;
  identity: { id: string };
  subject: { id: string } & Pick<SubjectFields, "firstName" | "lastName" | "dateOfBirth" | "sex" | "previousNames">;
  decisions: { category: DecisionCategory }[];
};

/**
 * What to put on a case. Everything is optional: `createCase(db)` makes a
 * contact awaiting a decision. Each record given is completed with realistic
 * defaults; `decisions` get revisions 1..n in order. Officer fields
 * (decidedById, recordedById...) default to allocatedToId. Case columns
 * given win, e.g. `childInImmediateDanger: true` (by default true for one
 * recent online form in 40), `happenedOnline` (by default the scenario's).
 */
export type CaseOverrides = CaseFields &
  CaseRecords & {
    /** what happened (summary, harm, sector, job); by default one that fits the decision */
    scenario?: Scenario;
    /** without receivedAt: the day it came in, the time following from the source (by default one of the last three days) */
    receivedOn?: Date;
    /** how far it has got: its records are written to match, except those given here, which replace them */
    progress?: Progress;
    /** the allocated officer, also the default decision maker and meeting chair (or give allocatedToId) */
    allocatedTo?: Pick<User, "id" | "name">;
    /** the manager who signs off its closures */
    manager?: Pick<User, "id">;
    /** who logs it when it comes by phone, email, letter or in person (the online form logs itself) */
    loggedBy?: Pick<User, "id">;
    /**
     * the subject's employer; null for none; by default one of the subject's
     * sector (the referrer's organisation when the employer refers; for a
     * foster carer, their fostering service)
     */
    employer?: OrgRef | null;
    /** agency and supply staff's agency; null for none; by default one that places staff in the sector */
    agency?: OrgRef | null;
    /** the referrer's organisation; by default the employer's for an employer, another agency's for another professional, else none */
    referrerOrganisation?: OrgRef | null;
    /** existing organisations to take the employer, agency and referrer's organisation from, by sector, instead of making new ones */
    organisationPool?: OrganisationPool;
    /**
     * who referred it; `type` decides what else they give (an anonymous
     * referrer nothing, only an employer or another professional an
     * organisation); by default the scenario's usual referrer
     */
    referrer?: ReferrerFields;
    /** the public form's screener as answered (only the form asks it: by default none when staff logged it); null for none */
    screener?: { worksWithChildren: ScreenerAnswer; aboutConduct: ScreenerAnswer } | null;
    /** the person the concern is about; give identityId to add a contact about someone already known */
    subject?: SubjectFields;
    /**
     * an earlier contact about the same person (same name and date of birth):
     * the prior-history check suggests the match, and confirms it (same
     * Identity) once the case has had its initial consideration
     */
    repeatOf?: EarlierContact;
    children?: ChildFields[];
  };

/** Every override that is not a Case column: a choice or a record (the compiler checks that the list is whole). */
const NOT_COLUMNS: Record<Exclude<keyof CaseOverrides, keyof CaseFields>, true> = {
  scenario: true,
  receivedOn: true,
  progress: true,
  allocatedTo: true,
  manager: true,
  loggedBy: true,
  employer: true,
  agency: true,
  referrerOrganisation: true,
  organisationPool: true,
  referrer: true,
  screener: true,
  subject: true,
  repeatOf: true,
  children: true,
  decisions: true,
  advice: true,
  employerInvestigation: true,
  meetings: true,
  actions: true,
  police: true,
  section47: true,
  employerAction: true,
  outcome: true,
  onwardReferrals: true,
  delayReasons: true,
  closures: true,
};

/** The Case columns given, leaving out those given as undefined (the factory's default applies). */
const columnsGiven = (overrides: CaseOverrides): CaseFields =>
  Object.fromEntries(Object.entries(overrides).filter(([key, value]) => value !== undefined && !(key in NOT_COLUMNS)));

/**
 * Every choice for one case, made now (so faker's sequence decides it), as
 * plain rows for createCases. Ids are random UUIDs, not faker's.
 */
export function buildCase(overrides: CaseOverrides = {}) {
  const { receivedOn, progress, allocatedTo, manager, loggedBy, referrer, subject, repeatOf, children, decisions, screener } = overrides;
  const caseFields = columnsGiven(overrides);
  const named = caseFields.namedProfessional ?? true;
  const givenOrganisation = overrides.referrerOrganisation ?? undefined;
  const scenario =
    overrides.scenario ?? pickScenario(decisions?.at(-1)?.category ?? progress?.decision ?? undefined, named, givenOrganisation?.sector);
  const { receivedAt, source } = caseFields.receivedAt
    ? { receivedAt: new Date(caseFields.receivedAt), source: caseFields.source ?? weighted(CONTACT_SOURCES) }
    : arrival(receivedOn ?? faker.date.recent({ days: 3 }), caseFields.source);
  const referrerType = referrerTypeOf(overrides, scenario);
  // An employer that refers its own staff: the person works there.
  const atReferrer = referrerType === "EMPLOYER" && givenOrganisation && overrides.employer === undefined;
  const sector = subject?.sector ?? (atReferrer ? givenOrganisation.sector : pick(scenario.sectors));
  const intake = intakeAnswers(scenario, source);
  // A decided case has had its initial consideration.
  const considered =
    Boolean(decisions?.length || progress?.decision) ||
    (progress?.decision === null && progress.considered === true) ||
    caseFields.initialConsideredAt !== undefined;

  const person = subjectData(scenario, sector, named, receivedAt, { ...(repeatOf && sameAs(repeatOf)), ...subject });
  const { employer, agency, fosteringService, referrerOrg } = organisationsFor(overrides, {
    scenario,
    sector,
    named,
    referrerType,
    source,
    jobTitle: person.jobTitle ?? null,
    employmentBasis: person.employmentBasis ?? null,
  });
  // A repeat subject shares the earlier contact's Identity once the match is confirmed at initial consideration.
  const identityId = subject?.identityId ?? (repeatOf && considered ? repeatOf.identity.id : undefined);
  const place = employer?.name || person.employerName || "the setting";
  const kids = (children ?? Array.from({ length: between(...scenario.children) }, () => ({}))).map((ch) =>
    childData(sector, scenario.ages, place, ch),
  );
  const story = storyFor(person, kids, { named, place, sector, receivedAt });
  const harm = Array.isArray(caseFields.reportedHarmCategories) ? caseFields.reportedHarmCategories : scenario.harm;
  const officerId = caseFields.allocatedToId ?? allocatedTo?.id ?? null;
  const facts = {
    receivedAt,
    officerId,
    officerName: allocatedTo?.name ?? null,
    managerId: manager?.id ?? null,
    who: story.who,
    place,
    sector,
    jobTitle: person.jobTitle ?? null,
    employmentBasis: person.employmentBasis ?? null,
    harm,
    online: caseFields.happenedOnline ?? scenario.online ?? false,
    danger: caseFields.childInImmediateDanger ?? intake.childInImmediateDanger ?? false,
  };

  const times = firstDecisionTimes(receivedAt);
  const firstDecidedAt = toDate(decisions?.[0]?.decidedAt) ?? times.decidedAt;
  const records = recordsOf(overrides, progress ? progressRecords(progress, { facts, scenario, named, decidedAt: firstDecidedAt }) : {});
  const c: CaseFacts = { ...facts, policeInvolved: records.police !== undefined && records.police.status !== "NOT_INVOLVED" };
  const madeDecisions = decisionRows(c, records.decisions ?? [], firstDecidedAt);
  const lastDecidedAt = toDate(madeDecisions.at(-1)?.decidedAt) ?? receivedAt;
  /** when the case was last decided as `category` (advice, a cause for concern), or else last decided */
  const decidedAs = (category: DecisionCategory) =>
    toDate(madeDecisions.findLast((d) => d.category === category)?.decidedAt) ?? lastDecidedAt;
  const meetings = meetingRows(c, records.meetings ?? []);

  const caseRow = {
    id: randomUUID(),
    source,
    receivedAt,
    namedProfessional: named,
    ...intake,
    ...(screener !== undefined
      ? { screenerWorksWithChildren: screener?.worksWithChildren ?? null, screenerAboutConduct: screener?.aboutConduct ?? null }
      : {}),
    ...contactData(scenario, story, { receivedAt, referrerType, harm, children: kids.length, policeInvolved: c.policeInvolved }),
    loggedById: source === "ONLINE_FORM" ? null : (loggedBy?.id ?? null),
    allocatedToId: officerId,
    ...(considered
      ? initialConsiderationData(
          c,
          // Before the first decision, at the latest.
          new Date(Math.min(firstDecidedAt.getTime(), times.consideredAt.getTime())),
          repeatOf && priorContact(repeatOf),
        )
      : {}),
    ...caseFields,
  };
  const subjectId = randomUUID();

  return {
    receivedAt,
    organisations: [employer, agency, referrerOrg.record as OrgPlan]
      .filter((o, i, all) => o?.create && all.indexOf(o) === i)
      .map((o) => ({ ...o!.create!, id: o!.id })),
    /** the subject's Identity, made with the case unless it was given */
    identity: { id: identityId ?? randomUUID(), isNew: !identityId },
    caseRow,
    referrer: {
      ...referrerData(referrerType, referrerOrg, { sector, source, subject: selfOf(person) }, referrer ?? {}),
      organisationId: referrerOrg.record?.id ?? null,
    },
    subject: {
      id: subjectId,
      employerId: employer?.id ?? null,
      agencyId: agency?.id ?? null,
      fosteringServiceId: fosteringService?.id ?? null,
      ...person,
    },
    /** the prior-history match with the earlier contact about the same person */
    personMatch: repeatOf && priorHistoryMatch(subjectId, repeatOf, considered ? caseRow : null),
    children: kids,
    decisions: madeDecisions,
    advice:
      records.advice &&
      adviceData(c, madeDecisions.some((d) => d.category === "NOT_LADO") ? decidedAs("NOT_LADO") : decidedAs("ADVICE"), {
        recordedById: officerId,
        ...records.advice,
      }),
    employerInvestigation:
      records.employerInvestigation && employerInvestigationData(c, decidedAs("CAUSE_FOR_CONCERN"), records.employerInvestigation),
    meetings: meetings.rows,
    attendees: meetings.attendees,
    actions: [...meetings.actions, ...(records.actions ?? []).map((a) => actionData(c, lastDecidedAt, a))],
    ...policeRows(c, records.police),
    section47: records.section47 && section47Data(c, records.section47),
    employerAction: records.employerAction && employerActionData(c, records.employerAction),
    outcome: records.outcome && outcomeData(c, records.outcome),
    onwardReferrals: (records.onwardReferrals ?? []).map((o) => onwardReferralData(c, o)),
    delayReasons: (records.delayReasons ?? []).map((d) => delayReasonData(c, d)),
    closures: (records.closures ?? []).map((cl) => closureData(c, cl)),
  };
}

/** An organisation on a case: an existing one, or (with `create`) one to make with this id. */
type OrgPlan = (OrgRef & { create?: ReturnType<typeof organisationData> }) | null;

/**
 * Who referred: the type given, else the scenario's usual referrer (now and
 * then another); with an organisation given, one who has an organisation.
 */
function referrerTypeOf({ referrer, referrerOrganisation }: CaseOverrides, scenario: Scenario): ReferrerType {
  if (referrer?.type) return referrer.type;
  const usual = weighted(referrerTypesFor(scenario));
  if ((referrerOrganisation || referrer?.organisationId) && !HAS_ORGANISATION.includes(usual)) {
    return agencyOf(scenario) ? "OTHER_PROFESSIONAL" : "EMPLOYER";
  }
  return usual;
}

/** Where another professional refers from when the scenario names no agency: social care, police and health most. */
const OTHER_AGENCIES: readonly Sector[] = [
  "CHILDRENS_SOCIAL_CARE",
  "CHILDRENS_SOCIAL_CARE",
  "POLICE",
  "HEALTH_COMMUNITY",
  "HEALTH_ACUTE",
  "HEALTH_GP",
  "PROBATION_YOUTH_JUSTICE",
];

/** The share of other professionals on a staff form whose organisation is kept only as typed (no type given). */
const TYPED_ONLY = 0.2;

type Choices = {
  scenario: Scenario;
  sector: Sector;
  named: boolean;
  referrerType: ReferrerType;
  source: ContactSource;
  jobTitle: string | null;
  employmentBasis: EmploymentBasis | null;
};

/**
 * The subject's employer (as given, the referring employer, or one of the
 * sector's; none known now and then when no professional is named and
 * someone else refers), their agency if agency staff, their fostering
 * service if a foster carer (their employer too), and the referrer's
 * organisation: an employer's is the employer, another professional's
 * another agency's (on a staff form sometimes only its name as typed),
 * another LADO's or a regulator's only a name, anyone else's none.
 */
function organisationsFor(overrides: CaseOverrides, { scenario, sector, named, referrerType, source, jobTitle, employmentBasis }: Choices) {
  const { employer: employerGiven, agency: agencyGiven, referrerOrganisation, organisationPool: pool, subject, referrer } = overrides;
  const employerRefers = referrerType === "EMPLOYER";
  const employer: OrgPlan =
    employerGiven !== undefined
      ? employerGiven
      : subject?.employerId
        ? { id: subject.employerId, name: "", sector }
        : employerRefers && referrerOrganisation
          ? referrerOrganisation
          : scenario.nobodyNamed
            ? null
            : named || employerRefers || chance(0.4)
              ? organisationIn(sector, pool)
              : null;
  const agency: OrgPlan =
    agencyGiven !== undefined
      ? agencyGiven
      : subject?.agencyId
        ? { id: subject.agencyId, name: "", sector: "OTHER" }
        : employmentBasis === "AGENCY_SUPPLY" && (named || employer) && chance(0.9)
          ? organisationIn(`agency:${agencyKindFor(sector)}`, pool)
          : null;
  const fosteringService = isFosterCarer(jobTitle, sector) ? employer : null;

  let referrerOrg: ReferrerOrganisation = { record: null, typed: null };
  if (referrerOrganisation !== undefined) referrerOrg = { record: referrerOrganisation, typed: null };
  else if (referrer?.organisationId) referrerOrg = { record: { id: referrer.organisationId, name: "", sector: "OTHER" }, typed: null };
  else if (employerRefers) referrerOrg = { record: employer, typed: null };
  else if (referrerType === "OTHER_PROFESSIONAL") {
    const from = agencyOf(scenario) ?? pick(OTHER_AGENCIES);
    const organisation = organisationIn(from, pool);
    referrerOrg =
      source !== "ONLINE_FORM" && chance(TYPED_ONLY)
        ? { record: null, typed: organisation.name, sector: from }
        : { record: organisation, typed: null };
  } else if (referrerType === "OTHER_LADO") referrerOrg = { record: null, typed: councilOf(otherAuthority()) };
  else if (referrerType === "REGULATOR") referrerOrg = { record: null, typed: "Ofsted" };
  return { employer, agency, fosteringService, referrerOrg };
}

/** One of the pool's organisations of the sector (or agencies of the kind), or a new one when it has none. */
function organisationIn(key: PoolKey, pool: OrganisationPool | undefined): NonNullable<OrgPlan> {
  const known = pool?.get(key);
  if (known?.length) return pick(known);
  const create = key.startsWith("agency:") ? agencyData(key.slice("agency:".length) as AgencyKind) : organisationData(key as Sector);
  return { id: randomUUID(), name: create.name, sector: create.sector, create };
}

/** A named subject's name, for a referrer who is the person themselves. */
const selfOf = (person: { firstName?: string | null; lastName?: string | null }) =>
  person.firstName && person.lastName
    ? { first: person.firstName, last: person.lastName, full: `${person.firstName} ${person.lastName}` }
    : null;

/** A repeat subject: the earlier contact's name and date of birth, as the referrer gives them again. */
const sameAs = ({ subject }: EarlierContact): SubjectFields => ({
  firstName: subject.firstName,
  lastName: subject.lastName,
  dateOfBirth: subject.dateOfBirth,
  sex: subject.sex,
  previousNames: subject.previousNames,
  previousConcernsKnown: "The referrer understands there was an earlier LADO referral about this person.",
});

const priorContact = (earlier: EarlierContact) => ({
  receivedAt: earlier.receivedAt,
  decision: earlier.decisions.at(-1)?.category ?? null,
});

/** The prior-history check's match with the earlier contact: confirmed at the initial consideration, if there has been one. */
function priorHistoryMatch(
  personId: string,
  earlier: EarlierContact,
  consideration: { initialConsideredAt?: Date | string | null; initialConsideredById?: string | null } | null,
) {
  return {
    personId,
    candidateId: earlier.subject.id,
    score: 0.96,
    reasons: [
      { field: "name", kind: "exact", detail: "Same first and last name" },
      { field: "dateOfBirth", kind: "exact", detail: "Same date of birth" },
    ],
    status: consideration ? ("CONFIRMED" as const) : ("SUGGESTED" as const),
    decidedById: consideration?.initialConsideredById ?? null,
    decidedAt: consideration?.initialConsideredAt ?? null,
  };
}

/** The records given, and for the rest those of the progress chosen. */
function recordsOf(given: CaseRecords, planned: CaseRecords): CaseRecords {
  return {
    decisions: given.decisions ?? planned.decisions,
    advice: given.advice ?? planned.advice,
    employerInvestigation: given.employerInvestigation ?? planned.employerInvestigation,
    meetings: given.meetings ?? planned.meetings,
    actions: given.actions ?? planned.actions,
    police: given.police ?? planned.police,
    section47: given.section47 ?? planned.section47,
    employerAction: given.employerAction ?? planned.employerAction,
    outcome: given.outcome ?? planned.outcome,
    onwardReferrals: given.onwardReferrals ?? planned.onwardReferrals,
    delayReasons: given.delayReasons ?? planned.delayReasons,
    closures: given.closures ?? planned.closures,
  };
}

/** Revisions 1..n: the first decided at `firstDecidedAt`, each later one a few weeks after the one before. */
function decisionRows(c: CaseFacts, decisions: DecisionFields[], firstDecidedAt: Date) {
  const rows: (ReturnType<typeof decisionData> & { revision: number })[] = [];
  for (const fields of decisions) {
    const previous = toDate(rows.at(-1)?.decidedAt);
    const decidedAt = previous ? revisionTime(previous) : firstDecidedAt;
    rows.push({ ...decisionData(c, decidedAt, previous !== undefined, fields), revision: rows.length + 1 });
  }
  return rows;
}

/** Meetings, who came to each, and the actions agreed there. */
function meetingRows(c: CaseFacts, meetings: MeetingInput[]) {
  const made = meetings.map(({ attendees, actions, ...fields }) => {
    const row = { id: randomUUID(), ...meetingData(c, fields.type ?? "EVALUATION", fields) };
    return {
      row,
      attendees: (attendees ?? attendeesFor(c)).map((a) => ({ name: personName().full, agency: c.place, ...a, meetingId: row.id })),
      actions: (actions ?? []).map((a) => ({ ...actionData(c, toDate(row.heldAt)!, a), meetingId: row.id })),
    };
  });
  return { rows: made.map((m) => m.row), attendees: made.flatMap((m) => m.attendees), actions: made.flatMap((m) => m.actions) };
}

/** Police involvement, its updates and the LADO's challenges. */
function policeRows(c: CaseFacts, police: PoliceInput | undefined) {
  const policeId = randomUUID();
  const { updates = [], challenges = [], ...fields } = police ?? {};
  return {
    police: police && { ...policeData(c, fields), id: policeId },
    policeUpdates: updates.map((u) => ({ ...policeUpdateData(c, u), policeId })),
    policeChallenges: challenges.map((ch) => ({ ...policeChallengeData(c, ch), policeId })),
  };
}

export type BuiltCase = ReturnType<typeof buildCase>;

/** One case (see CaseOverrides), in one transaction. */
export async function createCase(db: Db, overrides: CaseOverrides = {}) {
  const [made] = await createCases(db, [buildCase(overrides)]);
  return made!;
}

export type CreatedCase = Awaited<ReturnType<typeof createCase>>;

/**
 * Cases made by buildCase, in one transaction: new organisations and
 * identities first, then a reference for each from its year's counter (in
 * the order given, so pass them oldest first), then one createMany a table.
 */
export async function createCases(db: Db, cases: BuiltCase[]) {
  const withCase = <T>(rows: (b: BuiltCase) => T | T[] | undefined) =>
    cases.flatMap((b) => [rows(b) ?? []].flat().map((row) => ({ ...(row as T), caseId: b.caseRow.id })));
  const all = <T>(rows: (b: BuiltCase) => T | T[] | undefined) => cases.flatMap((b) => [rows(b) ?? []].flat() as T[]);
  const ids = cases.map((b) => b.caseRow.id);

  await db.$transaction(
    async (tx) => {
      await tx.organisation.createMany({ data: all((b) => b.organisations) });
      await tx.identity.createMany({ data: cases.filter((b) => b.identity.isNew).map((b) => ({ id: b.identity.id })) });
      // The counter's row lock is held from here to the commit.
      const references: string[] = [];
      for (const b of cases) references.push(await nextCaseReference(tx, b.receivedAt));
      await tx.case.createMany({ data: cases.map((b, i) => ({ ...b.caseRow, reference: references[i]! })) });
      await tx.referrer.createMany({ data: withCase((b) => b.referrer) });
      await tx.person.createMany({ data: withCase((b) => ({ ...b.subject, identityId: b.identity.id })) });
      await tx.personMatch.createMany({ data: all((b) => b.personMatch) });
      await tx.child.createMany({ data: withCase((b) => b.children) });
      await tx.thresholdDecision.createMany({ data: withCase((b) => b.decisions) });
      await tx.adviceRecord.createMany({ data: withCase((b) => b.advice) });
      await tx.employerInvestigation.createMany({ data: withCase((b) => b.employerInvestigation) });
      await tx.meeting.createMany({ data: withCase((b) => b.meetings) });
      await tx.meetingAttendee.createMany({ data: all((b) => b.attendees) });
      await tx.action.createMany({ data: withCase((b) => b.actions) });
      await tx.policeInvolvement.createMany({ data: withCase((b) => b.police) });
      await tx.policeUpdate.createMany({ data: all((b) => b.policeUpdates) });
      await tx.policeChallenge.createMany({ data: all((b) => b.policeChallenges) });
      await tx.section47Enquiry.createMany({ data: withCase((b) => b.section47) });
      await tx.employerAction.createMany({ data: withCase((b) => b.employerAction) });
      await tx.outcome.createMany({ data: withCase((b) => b.outcome) });
      await tx.onwardReferral.createMany({ data: withCase((b) => b.onwardReferrals) });
      await tx.delayReason.createMany({ data: withCase((b) => b.delayReasons) });
      await tx.closure.createMany({ data: withCase((b) => b.closures) });
    },
    { timeout: 120_000 },
  );
  // Read back after the commit: Prisma loads included relations in parallel,
  // which one transaction's connection cannot do.
  const rows = await db.case.findMany({ where: { id: { in: ids } }, include: { referrer: true, subject: true, children: true } });
  const byId = new Map(rows.map((r) => [r.id, { ...r, referrer: r.referrer!, subject: r.subject! }]));
  return ids.map((id) => byId.get(id)!);
}
