// Demo data for development and demonstrations: one member of staff per role
// and about 300 contacts received over the last three financial years and a
// part of the one before, realistic enough to try every screen and report.
// Only ever into an empty database (no User rows); scripts/setup.ts calls it.
// The same on every run of the same day: seeded with 2026, dates relative to today.
//
// The records are made by the test factories (tests/factories). This file
// only chooses the mix: how many contacts each year, the share of each
// threshold decision and outcome, which allegations are still open and which
// were revised from an earlier decision, who comes back a second time; and
// passes each contact's choices to buildCase.
import { loadBankHolidays } from "~/calendar/bank-holidays.server";
import { db } from "~/db.server";
import type { User } from "~/generated/prisma/client";
import type { ContactSource, DecisionCategory, OutcomeType, Role, Sector } from "~/generated/prisma/enums";
import { financialYear } from "~/utils/dates";
import {
  addDays,
  buildCase,
  chance,
  CONTACT_SOURCES,
  createCases,
  createOrganisations,
  createUser,
  daysToConclude,
  faker,
  inProportion,
  pick,
  seeded,
  weighted,
  type AllegationProgress,
  type BuiltCase,
  type CaseOverrides,
  type OrganisationPool,
  type Progress,
  type Weights,
} from "../tests/factories";

/** Development only: every demo account signs in with this. */
const DEMO_PASSWORD = "demo-password-2026";

const DEMO_STAFF: { email: string; name: string; roles: Role[] }[] = [
  { email: "lado@example.org", name: "Grace Okafor", roles: ["LADO"] },
  { email: "manager@example.org", name: "Helen Marsh", roles: ["MANAGER"] },
  { email: "support@example.org", name: "Daniel Price", roles: ["BUSINESS_SUPPORT"] },
  { email: "auditor@example.org", name: "Fiona Chambers", roles: ["AUDITOR"] },
  { email: "admin@example.org", name: "Sam Whitfield", roles: ["ADMIN"] },
];
/** LADOs besides the demo one, so that the caseload is shared as in a real team. */
const MORE_LADOS = 2;

/** Decided contacts per financial year, oldest first; the last is the current year to date (the triage queue comes on top). */
const CONTACTS_PER_YEAR = [52, 80, 92, 66];
/** Threshold decisions in each year, as in the Wandsworth report (152/62/18 of 232): about 60% / 25% / 15%. */
const DECISION_SHARES: Weights<DecisionCategory> = [
  ["ADVICE", 56],
  ["NOT_LADO", 4],
  ["CAUSE_FOR_CONCERN", 25],
  ["ALLEGATION", 15],
];
/** Outcomes of the allegations concluded. */
const OUTCOME_SHARES: Weights<OutcomeType> = [
  ["SUBSTANTIATED", 35],
  ["UNSUBSTANTIATED", 30],
  ["UNFOUNDED", 15],
  ["FALSE", 12],
  ["MALICIOUS", 8],
];
/** Allegations first decided otherwise and revised on new information (besides one written out below). */
const REVISED = { ADVICE: 6, CAUSE_FOR_CONCERN: 2 };
const TRIAGE_QUEUE = 10;
const REPEAT_SUBJECTS = 9;
/** Closures of the latest advice waiting for the manager's sign-off. */
const AWAITING_SIGN_OFF = 4;

/** How many of each kind of organisation the contacts share, so repeat settings show up. */
const ORGANISATIONS: Partial<Record<Sector, number>> = {
  EARLY_YEARS_NURSERY: 8,
  EARLY_YEARS_CHILDMINDER: 5,
  PRIMARY_SCHOOL: 14,
  SECONDARY_SCHOOL: 8,
  SPECIAL_SCHOOL: 3,
  INDEPENDENT_SCHOOL: 3,
  FURTHER_EDUCATION: 2,
  ALTERNATIVE_PROVISION: 2,
  HEALTH_ACUTE: 2,
  HEALTH_COMMUNITY: 1,
  HEALTH_MENTAL_HEALTH: 2,
  HEALTH_GP: 3,
  HEALTH_AMBULANCE: 1,
  CHILDRENS_SOCIAL_CARE: 2,
  RESIDENTIAL_CHILDRENS_HOME: 3,
  FOSTERING: 3,
  ADOPTION: 1,
  POLICE: 1,
  PROBATION_YOUTH_JUSTICE: 1,
  CAFCASS: 1,
  SECURE_ESTATE: 1,
  FAITH_ORGANISATION: 5,
  SPORTS_LEISURE: 6,
  VOLUNTARY_COMMUNITY: 4,
  TRANSPORT: 3,
  PRIVATE_TUTORING_CHILDCARE: 2,
  LOCAL_AUTHORITY_OTHER: 2,
  ARMED_FORCES: 1,
  OTHER: 3,
};

/**
 * Allegations still open today, written out so the overdue and police-delay
 * views always have something: no police update for over 28 days (received
 * 150, 62, 131 and 104 days ago), police investigations open more than three
 * months, challenges and escalations, and overdue actions.
 */
const OPEN_ALLEGATIONS: (Omit<AllegationProgress, "decision"> & { daysAgo: number })[] = [
  { daysAgo: 150, police: { status: "INVESTIGATING", lastUpdateDaysAgo: 41, challenges: 1 }, overdueActions: 1, suspended: true },
  { daysAgo: 62, police: { status: "INVESTIGATING", lastUpdateDaysAgo: 33, challenges: 0 }, overdueActions: 0, suspended: false },
  { daysAgo: 275, police: { status: "COURT", lastUpdateDaysAgo: 12, challenges: 2 }, overdueActions: 0, suspended: true },
  { daysAgo: 17, police: { status: "CONSIDERING", lastUpdateDaysAgo: 4, challenges: 0 }, overdueActions: 0, suspended: false },
  { daysAgo: 131, police: { status: "INVESTIGATING", lastUpdateDaysAgo: 55, challenges: 2 }, overdueActions: 2, suspended: true },
  { daysAgo: 26, police: null, overdueActions: 1, suspended: false },
  { daysAgo: 44, police: { status: "NFA", lastUpdateDaysAgo: 8, challenges: 0 }, overdueActions: 0, suspended: true },
  { daysAgo: 8, police: { status: "INVESTIGATING", lastUpdateDaysAgo: 2, challenges: 0 }, overdueActions: 0, suspended: true },
  { daysAgo: 104, police: { status: "CHARGED", lastUpdateDaysAgo: 30, challenges: 1 }, overdueActions: 1, suspended: true },
  { daysAgo: 36, police: null, overdueActions: 0, suspended: false, revisedFrom: "ADVICE" },
];

/** One contact to make: the day it came in, how far it has got, and who it is about. */
type Plan = {
  receivedOn: Date;
  /** by default one that fits the day (the factories' choice) */
  source?: ContactSource;
  named: boolean;
  progress: Progress;
  /** an earlier contact about the same person */
  repeatOf?: Plan;
  /** the referrer said a child was in immediate danger */
  danger?: boolean;
};
type AllegationPlan = Plan & { progress: AllegationProgress };
const isAllegation = (p: Plan): p is AllegationPlan => p.progress.decision === "ALLEGATION";

type Team = { ladoes: User[]; manager: User; support: User; organisations: OrganisationPool };

export async function seedDemoData() {
  await loadBankHolidays(db);
  if ((await db.user.count()) > 0) {
    console.log("Demo data already present: left as it is.");
    return;
  }
  const started = performance.now();
  const today = new Date();
  await seeded(2026, today, async () => {
    const staff = await createStaff();
    const team: Team = { ...staff, organisations: await createOrganisations(db, ORGANISATIONS) };
    const plans = planContacts(today);
    const built = new Map<Plan, BuiltCase>();
    for (const plan of plans) built.set(plan, buildCase(caseFor(plan, team, plan.repeatOf && built.get(plan.repeatOf))));
    // References follow the order of receipt within each year.
    await createCases(
      db,
      [...built.values()].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()),
    );
    console.log(
      `Demo data: ${staff.users} users (password ${DEMO_PASSWORD}), ${summary(plans)}, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  });
}

async function createStaff() {
  const users = await Promise.all([
    ...DEMO_STAFF.map((u) => createUser(db, { ...u, password: DEMO_PASSWORD })),
    ...Array.from({ length: MORE_LADOS }, () => createUser(db, { roles: ["LADO"], password: DEMO_PASSWORD })),
  ]);
  const withRole = (role: Role) => users.filter((u) => u.roles.includes(role));
  return { users: users.length, ladoes: withRole("LADO"), manager: withRole("MANAGER")[0]!, support: withRole("BUSINESS_SUPPORT")[0]! };
}

/** The contacts to make, oldest first: each year's mix of decisions, how each allegation ends, the triage queue, repeat subjects. */
function planContacts(today: Date): Plan[] {
  const plans: Plan[] = [];
  const written: AllegationPlan[] = OPEN_ALLEGATIONS.map(({ daysAgo, ...progress }) => ({
    receivedOn: addDays(today, -daysAgo),
    named: true,
    progress: { decision: "ALLEGATION", ...progress },
  }));

  // Decided contacts spread over each financial year, none in the last week,
  // in exact shares of decisions and sources; the open allegations written
  // out above count towards their year's share.
  const thisYear = Number(financialYear(today).slice(0, 4));
  CONTACTS_PER_YEAR.forEach((count, i) => {
    const from = new Date(Date.UTC(thisYear - (CONTACTS_PER_YEAR.length - 1 - i), 3, 1));
    const next = new Date(Date.UTC(from.getUTCFullYear() + 1, 3, 1));
    const to = i === CONTACTS_PER_YEAR.length - 1 ? addDays(today, -7) : addDays(next, -1);
    const decisions = inProportion(DECISION_SHARES, count);
    const writtenThisYear = written.filter((w) => w.receivedOn >= from && w.receivedOn < next).length;
    for (let k = 0; k < writtenThisYear && decisions.includes("ALLEGATION"); k++) decisions.splice(decisions.indexOf("ALLEGATION"), 1);
    const sources = inProportion(CONTACT_SOURCES, decisions.length);
    decisions.forEach((decision, n) =>
      plans.push({
        receivedOn: faker.date.between({ from, to }),
        source: sources[n],
        named: decision !== "ADVICE" || chance(0.78),
        progress: { decision },
      }),
    );
  });

  const allegations = plans.filter(isAllegation);
  faker.helpers
    .arrayElements(allegations, REVISED.ADVICE + REVISED.CAUSE_FOR_CONCERN)
    .forEach((p, i) => (p.progress.revisedFrom = i < REVISED.ADVICE ? "ADVICE" : "CAUSE_FOR_CONCERN"));
  // Police involvement, and whether each has ended by now (with ten days for
  // the employer's final action), by the usual time allegations take; those
  // ended get the outcomes in their shares.
  const concluded: AllegationPlan[] = [];
  for (const p of allegations) {
    const police = chance(0.55);
    p.progress.police = police ? {} : null;
    if (addDays(p.receivedOn, daysToConclude(police) + 10) < today) concluded.push(p);
  }
  const outcomes = inProportion(OUTCOME_SHARES, concluded.length);
  concluded.forEach((p, i) => (p.progress.concluded = { outcome: outcomes[i]! }));
  plans.push(...written);

  // The triage queue: new contacts from the last few days, no decision yet,
  // some already considered; the first with a child in immediate danger.
  for (let n = 0; n < TRIAGE_QUEUE; n++) {
    plans.push({
      receivedOn: faker.date.between({ from: addDays(today, -4), to: today }),
      named: n === 0 || chance(0.9),
      progress: { decision: null, considered: n > 0 && chance(0.4) },
      danger: n === 0,
    });
  }

  plans.sort((a, b) => a.receivedOn.getTime() - b.receivedOn.getTime());
  plans
    .filter((p) => p.progress.decision === "ADVICE")
    .slice(-AWAITING_SIGN_OFF)
    .forEach((p) => (p.progress = { decision: "ADVICE", awaitingSignOff: true }));

  // Repeat subjects: a later contact about someone the service heard about at least a month before.
  const named = plans.filter((p) => p.named);
  const earlierOnes = new Set<Plan>();
  for (const p of faker.helpers.arrayElements(named.slice(Math.floor(named.length / 3)), REPEAT_SUBJECTS)) {
    const earlier = named.filter((e) => e.receivedOn < addDays(p.receivedOn, -30) && !earlierOnes.has(e));
    if (!earlier.length) continue;
    p.repeatOf = pick(earlier);
    earlierOnes.add(p.repeatOf);
  }
  return plans;
}

/** A plan's choices for buildCase: its officer (the demo LADO most often), who logged it, the shared organisations. */
function caseFor(plan: Plan, team: Team, earlier: BuiltCase | undefined): CaseOverrides {
  const lado = weighted(team.ladoes.map((u, i) => [u, i === 0 ? 4 : 3] as const));
  const { progress } = plan;
  const seen = progress.decision !== null || progress.considered === true;
  return {
    receivedOn: plan.receivedOn,
    source: plan.source,
    namedProfessional: plan.named,
    progress,
    repeatOf: earlier,
    allocatedTo: seen || chance(0.6) ? lado : undefined,
    manager: team.manager,
    // Business support logs most calls, emails, letters and visits; the online form logs itself.
    loggedBy: chance(0.7) ? team.support : lado,
    organisationPool: team.organisations,
    ...(plan.danger && { childInImmediateDanger: true }),
  };
}

/** "300 contacts from 2023-24 (10 awaiting decision, 174 advice, ...), 9 revised decisions, 9 repeat subjects" */
function summary(plans: Plan[]) {
  const decided = (decision: DecisionCategory | null) => plans.filter((p) => p.progress.decision === decision);
  const allegations = plans.filter(isAllegation).map((p) => p.progress);
  const outcomes = OUTCOME_SHARES.map(([o]) => `${allegations.filter((a) => a.concluded?.outcome === o).length} ${o.toLowerCase()}`);
  return (
    `${plans.length} contacts from ${financialYear(plans[0]!.receivedOn)} ` +
    `(${decided(null).length} awaiting decision, ${decided("ADVICE").length} advice, ${decided("NOT_LADO").length} not a LADO matter, ${decided("CAUSE_FOR_CONCERN").length} cause for concern, ` +
    `${allegations.length} allegations: ${allegations.filter((a) => !a.concluded).length} open, ${outcomes.join(", ")}), ` +
    `${allegations.filter((a) => a.revisedFrom).length} revised decisions, ${plans.filter((p) => p.repeatOf).length} repeat subjects`
  );
}
