// Demo data for development and demonstrations: one member of staff per role
// and about 300 contacts received over the last three financial years and a
// part of the one before, realistic enough to try every screen and report.
// Only ever into an empty database (no User rows); scripts/setup.ts calls it.
// The same on every run of the same day: faker.seed(2026), dates relative to today.
import { fakerEN_GB as faker } from "@faker-js/faker";
import { BANK_HOLIDAY_YEARS, englandAndWalesBankHolidays, loadBankHolidays } from "~/calendar/bank-holidays.server";
import { db } from "~/db.server";
import type { Organisation, User } from "~/generated/prisma/client";
import type {
  ContactSource,
  DecisionCategory,
  EmployerFinalAction,
  EmploymentBasis,
  OutcomeType,
  PoliceStatus,
  RedirectTarget,
  Role,
  Sector,
} from "~/generated/prisma/enums";
import { decisionLabels } from "~/cases/labels";
import { financialYear, londonDay, londonMoment, londonShortDate } from "~/utils/dates";
import {
  addDays,
  buildCase,
  createCases,
  createUser,
  dateOnly,
  employmentBasisFor,
  isWorkingDay,
  jobTitleFor,
  monthStart,
  officeTime,
  organisationData,
  personName,
  pickScenario,
  regulatorFor,
  type ActionFields,
  type BuiltCase,
  type CaseOverrides,
  type ClosureFields,
  type CreatedCase,
  type MeetingInput,
  type PoliceInput,
} from "../tests/factories";

/** A random choice by weight: [[value, weight], ...]. */
const weighted = <T>(options: [T, number][]) => faker.helpers.weightedArrayElement(options.map(([value, weight]) => ({ value, weight })));

/** Development only: every demo account signs in with this. */
const DEMO_PASSWORD = "demo-password-2026";

const DEMO_STAFF: { email: string; name: string; roles: Role[] }[] = [
  { email: "lado@example.org", name: "Grace Okafor", roles: ["LADO"] },
  { email: "manager@example.org", name: "Helen Marsh", roles: ["MANAGER"] },
  { email: "support@example.org", name: "Daniel Price", roles: ["BUSINESS_SUPPORT"] },
  { email: "auditor@example.org", name: "Fiona Chambers", roles: ["AUDITOR"] },
  { email: "admin@example.org", name: "Sam Whitfield", roles: ["ADMIN"] },
];

/** Decided contacts per financial year, oldest first; the last is the current year to date (the triage queue comes on top). */
const CONTACTS_PER_YEAR = [52, 80, 92, 66];
/** Threshold decisions in each year, as in the Wandsworth report (152/62/18 of 232): about 60% / 25% / 15%. */
const DECISION_SHARES: Record<DecisionCategory, number> = { ADVICE: 60, CAUSE_FOR_CONCERN: 25, ALLEGATION: 15 };
const TRIAGE_QUEUE = 10;
const REPEAT_SUBJECTS = 9;

const SOURCES: Record<ContactSource, number> = { ONLINE_FORM: 45, PHONE: 25, EMAIL: 20, LETTER: 4, IN_PERSON: 6 };

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

type PoliceSpec = { status: PoliceStatus; lastUpdateDaysAgo: number; challenges: number };
type OpenAllegation = { police: PoliceSpec | null; overdueActions: number; suspended: boolean };

/**
 * Allegations still open today, written out so the overdue and police-delay
 * views always have something: no police update for over 28 days (received
 * 150, 62, 131 and 104 days ago), police investigations open more than three
 * months, challenges and escalations, and overdue actions.
 */
const OPEN_ALLEGATIONS: (OpenAllegation & { daysAgo: number; revisedFrom?: "ADVICE" })[] = [
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

/** One contact to make. */
type Plan = {
  receivedAt: Date;
  source: ContactSource;
  /** the current decision; null while in the triage queue */
  category: DecisionCategory | null;
  /** the first decision, when it was later revised to `category` */
  revisedFrom?: "ADVICE" | "CAUSE_FOR_CONCERN";
  named: boolean;
  open?: OpenAllegation;
  concluded?: { days: number; outcome: OutcomeType; police: boolean };
  /** an earlier plan about the same person: confirmed (same Identity) or, in triage, only suggested */
  repeatOf?: number;
  /** closure proposed, waiting for the manager's sign-off */
  awaitingSignOff?: boolean;
};

type World = {
  today: Date;
  holidays: ReadonlySet<string>;
  ladoes: User[];
  manager: User;
  support: User;
  organisations: Map<Sector, Organisation[]>;
};

export async function seedDemoData() {
  await loadBankHolidays(db);
  if ((await db.user.count()) > 0) {
    console.log("Demo data already present: left as it is.");
    return;
  }
  const started = performance.now();
  const today = new Date();
  faker.seed(2026);
  faker.setDefaultRefDate(today);
  try {
    const holidays = new Set(englandAndWalesBankHolidays(BANK_HOLIDAY_YEARS.from, BANK_HOLIDAY_YEARS.to).map((d) => d.date));
    const { users, ...staff } = await createStaff();
    const world: World = { today, holidays, ...staff, organisations: await createOrganisations() };
    const plans = planContacts(world);
    const built: BuiltCase[] = [];
    for (const plan of plans) built.push(buildCase(caseFor(plan, built, plans, world)));
    const made = await createCases(db, built);
    await recordPriorHistoryMatches(plans, made);

    const count = (category: DecisionCategory) => plans.filter((p) => p.category === category).length;
    const outcomes = plans.filter((p) => p.concluded).map((p) => p.concluded!.outcome);
    const tally = (["SUBSTANTIATED", "UNSUBSTANTIATED", "UNFOUNDED", "FALSE", "MALICIOUS"] as const).map(
      (o) => `${outcomes.filter((x) => x === o).length} ${o.toLowerCase()}`,
    );
    console.log(
      `Demo data: ${users} users (password ${DEMO_PASSWORD}), ${plans.length} contacts from ${financialYear(plans[0]!.receivedAt)} ` +
        `(${plans.filter((p) => !p.category).length} awaiting decision, ${count("ADVICE")} advice, ${count("CAUSE_FOR_CONCERN")} cause for concern, ` +
        `${count("ALLEGATION")} allegations: ${plans.filter((p) => p.open).length} open, ${tally.join(", ")}), ` +
        `${plans.filter((p) => p.revisedFrom).length} revised decisions, ${plans.filter((p) => p.repeatOf !== undefined).length} repeat subjects, ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    faker.setDefaultRefDate();
  }
}

// ---------------------------------------------------------------------------
// Staff and organisations
// ---------------------------------------------------------------------------

async function createStaff() {
  const extraLadoes = Array.from({ length: 2 }, () => {
    const name = personName();
    return { email: `${name.first}.${name.last}@example.org`.toLowerCase().replace(/'/g, ""), name: name.full, roles: ["LADO"] as Role[] };
  });
  const users = await Promise.all([...DEMO_STAFF, ...extraLadoes].map((u) => createUser(db, { ...u, password: DEMO_PASSWORD })));
  const withRole = (role: Role) => users.filter((u) => u.roles.includes(role));
  return { users: users.length, ladoes: withRole("LADO"), manager: withRole("MANAGER")[0]!, support: withRole("BUSINESS_SUPPORT")[0]! };
}

async function createOrganisations() {
  const data: ReturnType<typeof organisationData>[] = [];
  for (const [sector, count] of Object.entries(ORGANISATIONS) as [Sector, number][]) {
    const names = new Set<string>();
    for (let tries = 0; names.size < count && tries < count * 10; tries++) {
      const org = organisationData(sector);
      if (names.has(org.name)) continue;
      names.add(org.name);
      data.push(org);
    }
  }
  const rows = await db.organisation.createManyAndReturn({ data });
  const bySector = new Map<Sector, Organisation[]>();
  for (const row of rows.sort((a, b) => a.name.localeCompare(b.name))) {
    bySector.set(row.sector, [...(bySector.get(row.sector) ?? []), row]);
  }
  return bySector;
}

// ---------------------------------------------------------------------------
// What to make: dates, decisions and how each allegation ends
// ---------------------------------------------------------------------------

/** `counts` shuffled into a list: exact totals, random order. */
function deck<K extends string>(counts: Record<K, number>): K[] {
  return faker.helpers.shuffle((Object.entries(counts) as [K, number][]).flatMap(([k, n]) => Array<K>(n).fill(k)));
}

/** `counts` scaled to n items (largest remainders), shuffled. */
function deckOf<K extends string>(weights: Record<K, number>, n: number): K[] {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const exact = entries.map(([k, w]) => [k, (w * n) / total] as const);
  const counts = Object.fromEntries(exact.map(([k, x]) => [k, Math.floor(x)])) as Record<K, number>;
  const short = n - Object.values<number>(counts).reduce((a, b) => a + b, 0);
  [...exact]
    .sort((a, b) => (b[1] % 1) - (a[1] % 1))
    .slice(0, short)
    .forEach(([k]) => counts[k]++);
  return deck(counts);
}

function financialYearStart(d: Date) {
  const [year, month] = londonDay(d).split("-").map(Number) as [number, number];
  return new Date(`${month >= 4 ? year : year - 1}-04-01T00:00:00Z`);
}

/** When a contact from `source` arrives on d's day: the online form at any hour, the rest in office hours. */
function arrival(d: Date, source: ContactSource, w: World) {
  if (source === "ONLINE_FORM" || source === "EMAIL")
    return londonMoment(londonDay(d), faker.number.int({ min: 7 * 60, max: 22 * 60 + 30 }));
  return officeTime(londonMoment(londonDay(d), 0), 0, w.holidays);
}

function planContacts(w: World): Plan[] {
  const { today } = w;
  const sources = () => weighted(Object.entries(SOURCES) as [ContactSource, number][]);
  const plans: Plan[] = [];

  // Decided contacts spread over each financial year, none in the last week;
  // the open allegations written out above count towards their year's share.
  const scripted = OPEN_ALLEGATIONS.map(({ daysAgo, revisedFrom, ...open }) => {
    const source = sources();
    return {
      receivedAt: arrival(addDays(today, -daysAgo), source, w),
      source,
      category: "ALLEGATION" as const,
      revisedFrom,
      named: true,
      open,
    };
  });
  const thisYear = financialYearStart(today).getUTCFullYear();
  CONTACTS_PER_YEAR.forEach((count, i) => {
    const from = new Date(Date.UTC(thisYear - (CONTACTS_PER_YEAR.length - 1 - i), 3, 1));
    const next = new Date(Date.UTC(from.getUTCFullYear() + 1, 3, 1));
    const to = i === CONTACTS_PER_YEAR.length - 1 ? addDays(today, -7) : addDays(next, -1);
    const written = scripted.filter((p) => p.receivedAt >= from && p.receivedAt < next).length;
    const categories = deckOf(DECISION_SHARES, count);
    for (let k = 0; k < written && categories.includes("ALLEGATION"); k++) categories.splice(categories.indexOf("ALLEGATION"), 1);
    const sourceDeck = deckOf(SOURCES, categories.length);
    categories.forEach((category, n) => {
      const source = sourceDeck[n]!;
      plans.push({
        receivedAt: arrival(faker.date.between({ from, to }), source, w),
        source,
        category,
        named: category !== "ADVICE" || faker.datatype.boolean(0.78),
      });
    });
  });

  // Decisions later revised: advice (or a cause for concern) that became an allegation.
  const allegations = plans.filter((p) => p.category === "ALLEGATION");
  faker.helpers.arrayElements(allegations, 8).forEach((p, i) => (p.revisedFrom = i < 6 ? "ADVICE" : "CAUSE_FOR_CONCERN"));

  // How each allegation ends: police involvement, time taken and, when it has ended, the outcome.
  const ended: Plan[] = [];
  for (const p of allegations) {
    const police = faker.datatype.boolean(0.55);
    const days = allegationDays(police);
    const ageDays = (today.getTime() - p.receivedAt.getTime()) / 86_400_000;
    if (days < ageDays - 10) {
      p.concluded = { days, police, outcome: "UNSUBSTANTIATED" };
      ended.push(p);
    } else {
      const lastUpdateDaysAgo = faker.number.int({ min: 1, max: Math.max(2, Math.min(45, Math.floor(ageDays) - 3)) });
      p.open = {
        police: police
          ? { status: ageDays > 30 ? "INVESTIGATING" : "CONSIDERING", lastUpdateDaysAgo, challenges: lastUpdateDaysAgo > 28 ? 1 : 0 }
          : null,
        overdueActions: faker.datatype.boolean(0.3) ? 1 : 0,
        suspended: faker.datatype.boolean(0.4),
      };
    }
  }
  const outcomes = deckOf<OutcomeType>({ SUBSTANTIATED: 35, UNSUBSTANTIATED: 30, UNFOUNDED: 15, FALSE: 12, MALICIOUS: 8 }, ended.length);
  ended.forEach((p, i) => {
    const outcome = outcomes[i]!;
    const quick = outcome === "UNFOUNDED" || outcome === "FALSE" || outcome === "MALICIOUS";
    // Clearly unfounded, false or malicious allegations are often closed within a week.
    const days = quick && !p.concluded!.police ? Math.min(p.concluded!.days, faker.number.int({ min: 2, max: 25 })) : p.concluded!.days;
    p.concluded = { ...p.concluded!, days, outcome };
  });

  plans.push(...scripted);

  // The triage queue: new contacts from the last few days, no decision yet.
  for (let n = 0; n < TRIAGE_QUEUE; n++) {
    const day = faker.date.between({ from: addDays(today, -4), to: today });
    const source = isWorkingDay(day, w.holidays) ? sources() : faker.helpers.arrayElement(["ONLINE_FORM", "ONLINE_FORM", "EMAIL"] as const);
    const at = arrival(day, source, w);
    const receivedAt = at < today ? at : faker.date.between({ from: addDays(today, -0.1), to: today });
    plans.push({ receivedAt, source, category: null, named: faker.datatype.boolean(0.9) });
  }

  plans.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  // The manager's sign-off queue: the latest advice, closure proposed.
  plans
    .filter((p) => p.category === "ADVICE")
    .slice(-4)
    .forEach((p) => (p.awaitingSignOff = true));

  // Repeat subjects: a later contact about someone the service has heard of before.
  const named = plans.map((p, i) => ({ p, i })).filter(({ p }) => p.named);
  const later = faker.helpers.arrayElements(named.slice(Math.floor(named.length / 3)), REPEAT_SUBJECTS);
  for (const { p } of later) {
    const earlier = named.filter(({ p: e, i }) => e.receivedAt < addDays(p.receivedAt, -30) && !plans.some((x) => x.repeatOf === i));
    if (earlier.length) p.repeatOf = faker.helpers.arrayElement(earlier).i;
  }
  return plans;
}

/** Calendar days from the threshold decision to the outcome. */
function allegationDays(police: boolean) {
  const [min, max] = weighted<[number, number]>(
    police
      ? [
          [[10, 30], 5],
          [[31, 90], 35],
          [[91, 365], 50],
          [[366, 560], 10],
        ]
      : [
          [[2, 7], 20],
          [[8, 30], 35],
          [[31, 90], 30],
          [[91, 365], 13],
          [[366, 500], 2],
        ],
  );
  return faker.number.int({ min, max });
}

// ---------------------------------------------------------------------------
// From a plan to a case
// ---------------------------------------------------------------------------

const REDIRECTS_ANYWHERE: RedirectTarget[] = ["CHILDRENS_SOCIAL_CARE", "POLICE", "OTHER_LA_LADO", "NOT_WITHIN_REMIT", "EMPLOYER_HR"];

type Job = { sector: Sector; jobTitle: string | null; basis: EmploymentBasis | null };

function caseFor(plan: Plan, built: BuiltCase[], plans: Plan[], w: World): CaseOverrides {
  const scenario = pickScenario(plan.category ?? undefined, plan.named);
  const sector = faker.helpers.arrayElement(scenario.sectors);
  const jobTitle = plan.named || faker.datatype.boolean(0.7) ? jobTitleFor(scenario, sector) : null;
  const job: Job = { sector, jobTitle, basis: jobTitle ? employmentBasisFor(jobTitle) : null };
  const employer = !scenario.nobodyNamed && (plan.named || faker.datatype.boolean(0.6)) ? pickOrganisation(sector, w) : null;
  const by = scenario.referredBy ?? "employer";
  const referrerOrganisation = by === "employer" ? employer : by === "parent" || by === "public" ? null : pickOrganisation(by, w);
  const lado = weighted(w.ladoes.map((u, i) => [u, i === 0 ? 4 : 3]));
  const allocated = plan.category || faker.datatype.boolean(0.6) ? lado : undefined;

  // A repeat subject: same name and date of birth as the earlier contact, and
  // (once confirmed at initial consideration) the same Identity.
  const earlier = plan.repeatOf !== undefined ? built[plan.repeatOf] : undefined;
  const same = earlier && {
    firstName: earlier.subject.firstName,
    lastName: earlier.subject.lastName,
    dateOfBirth: earlier.subject.dateOfBirth,
    sex: earlier.subject.sex,
    previousNames: earlier.subject.previousNames,
    previousConcernsKnown: "The referrer understands there was an earlier LADO referral about this person.",
    ...(plan.category ? { identityId: earlier.identity.id } : {}),
  };

  const base: CaseOverrides = {
    scenario,
    receivedAt: plan.receivedAt,
    source: plan.source,
    namedProfessional: plan.named,
    loggedById: plan.source === "ONLINE_FORM" ? null : faker.datatype.boolean(0.7) ? w.support.id : lado.id,
    allocatedTo: allocated,
    employer,
    referrerOrganisation,
    subject: { sector, jobTitle, employmentBasis: job.basis, ...same },
  };
  if (!plan.category) return { ...base, ...triage(plan, lado, w) };

  // Initial consideration, nearly always within a working day of receipt; the decision the same day or the next.
  const consideredAt = officeTime(
    plan.receivedAt,
    weighted([
      [0, 88],
      [1, 9],
      [3, 3],
    ]),
    w.holidays,
  );
  const decidedAt = faker.datatype.boolean(0.7) ? consideredAt : officeTime(consideredAt, faker.datatype.boolean(0.8) ? 0 : 1, w.holidays);
  const history =
    earlier &&
    `Prior history checked: one earlier contact about ${earlier.subject.firstName} ${earlier.subject.lastName} (received ${londonShortDate(earlier.receivedAt)}, ` +
      `${(plans[plan.repeatOf!]!.category ? decisionLabels[plans[plan.repeatOf!]!.category!] : "no decision").toLowerCase()}). Same name and date of birth: confirmed as the same person.`;
  const considered: CaseOverrides = {
    initialConsideredAt: consideredAt,
    initialConsideredById: lado.id,
    ...(history ? { initialConsideration: history } : {}),
  };

  const records =
    plan.category === "ADVICE"
      ? advice(plan, decidedAt, scenario.redirects, w)
      : plan.category === "CAUSE_FOR_CONCERN"
        ? causeForConcern(decidedAt, w)
        : allegation(plan, decidedAt, job, lado, w);
  return { ...base, ...considered, ...records };
}

function pickOrganisation(sector: Sector, w: World) {
  return faker.helpers.arrayElement(w.organisations.get(sector) ?? w.organisations.get("OTHER")!);
}

/** A contact in the triage queue; some already have their initial consideration. */
function triage(plan: Plan, lado: User, w: World): CaseOverrides {
  const at = officeTime(plan.receivedAt, 0, w.holidays);
  return faker.datatype.boolean(0.4) && at < w.today ? { initialConsideredAt: at, initialConsideredById: lado.id } : {};
}

/**
 * A closure proposed a few working days after `after` and signed off by the
 * manager, as far as today allows. `returned`: the manager first sends one
 * back; `awaiting`: proposed by now and not yet signed off.
 */
function closure(after: Date, w: World, { returned = false, awaiting = false } = {}): ClosureFields[] {
  if (awaiting) {
    const proposedAt = officeTime(after, 1, w.holidays);
    return [{ proposedAt: proposedAt < w.today ? proposedAt : new Date((after.getTime() + w.today.getTime()) / 2) }];
  }
  const proposedAt = officeTime(after, faker.number.int({ min: 1, max: 10 }), w.holidays);
  if (proposedAt > w.today) return [];
  if (returned) {
    const sentBack = { proposedAt, returnedReason: "Please add the employer's written confirmation of its final action before closure." };
    return [sentBack, ...closure(proposedAt, w)];
  }
  const signedOffAt = officeTime(
    proposedAt,
    weighted([
      [faker.number.int({ min: 0, max: 3 }), 70],
      [faker.number.int({ min: 4, max: 12 }), 30],
    ]),
    w.holidays,
  );
  return [{ proposedAt, ...(signedOffAt <= w.today ? { signedOffAt, signedOffById: w.manager.id } : {}) }];
}

function advice(plan: Plan, decidedAt: Date, redirects: readonly RedirectTarget[] | undefined, w: World): CaseOverrides {
  const redirectedTo = faker.datatype.boolean(plan.named ? 0.3 : 0.55)
    ? faker.helpers.arrayElement(redirects && faker.datatype.boolean(0.75) ? redirects : REDIRECTS_ANYWHERE)
    : null;
  return {
    decisions: [{ category: "ADVICE", decidedAt }],
    advice: { redirectedTo },
    closures: closure(decidedAt, w, { awaiting: plan.awaitingSignOff }),
  };
}

/** What employers did after investigating a cause for concern. */
const CONCERN_RESULTS: [EmployerFinalAction, number][] = [
  ["NONE", 15],
  ["MANAGEMENT_ADVICE", 35],
  ["TRAINING", 25],
  ["WRITTEN_WARNING", 15],
  ["FINAL_WARNING", 5],
  ["RESIGNED", 5],
];

function causeForConcern(decidedAt: Date, w: World): CaseOverrides {
  const resultAt = officeTime(decidedAt, faker.number.int({ min: 8, max: 35 }), w.holidays);
  const done = resultAt <= w.today;
  const employerAction =
    done && faker.datatype.boolean(0.5)
      ? {
          suspensionConsidered: false,
          alternativesConsidered: [],
          finalAction: weighted(CONCERN_RESULTS),
          finalActionAt: dateOnly(resultAt),
        }
      : undefined;
  return {
    decisions: [{ category: "CAUSE_FOR_CONCERN", decidedAt }],
    employerInvestigation: { agreedAt: decidedAt, resultReceivedAt: done ? resultAt : null },
    employerAction,
    closures: done ? closure(resultAt, w) : [],
  };
}

function allegation(plan: Plan, firstDecidedAt: Date, job: Job, lado: User, w: World): CaseOverrides {
  const office = (from: Date, days = 0) => officeTime(from, days, w.holidays);
  const { today } = w;
  const revisedAt = plan.revisedFrom ? office(firstDecidedAt, faker.number.int({ min: 4, max: 20 })) : null;
  const decidedAt = revisedAt ?? firstDecidedAt;
  const end = plan.concluded ? office(addDays(decidedAt, plan.concluded.days)) : null;
  const until = end ?? today;
  const outcome = plan.concluded?.outcome;

  // Meetings: evaluation within 5 working days (nearly always), reviews every four weeks, often an outcome meeting.
  const evaluationAt = office(decidedAt, faker.datatype.boolean(0.88) ? faker.number.int({ min: 1, max: 5 }) : 7);
  const meetings: MeetingInput[] = [];
  if (evaluationAt <= today) {
    meetings.push({
      type: "EVALUATION",
      heldAt: evaluationAt,
      actions: meetingActions(evaluationAt, end, 3, plan.open?.overdueActions ?? 0, w),
    });
  }
  for (let at = office(addDays(evaluationAt, 26)); at < addDays(until, -5); at = office(addDays(at, 26))) {
    meetings.push({ type: "REVIEW", heldAt: at, actions: meetingActions(at, end, 1, 0, w) });
  }
  if (end && faker.datatype.boolean(0.7)) meetings.push({ type: "OUTCOME", heldAt: end });

  let police: PoliceInput | undefined;
  if (plan.open?.police) {
    const spec = plan.open.police;
    police = policeRecord(plan.receivedAt, addDays(today, -spec.lastUpdateDaysAgo), spec.status, spec.challenges, w);
  } else if (plan.concluded?.police && end) {
    const lastAt = office(addDays(end, -faker.number.int({ min: 5, max: 20 })));
    const status = outcome === "SUBSTANTIATED" && faker.datatype.boolean(0.45) ? "CONCLUDED" : "NFA";
    police = policeRecord(plan.receivedAt, lastAt > decidedAt ? lastAt : office(decidedAt, 2), status, 0, w);
  } else if (faker.datatype.boolean(0.5)) {
    police = { status: "NOT_INVOLVED", informedAt: evaluationAt, openedAt: null, updates: [{ at: evaluationAt, status: "NOT_INVOLVED" }] };
  }

  const finalAction = outcome ? finalActionFor(outcome, job) : null;
  const finalActionAt = end && office(end, faker.number.int({ min: 0, max: 15 }));
  const actionKnown = finalActionAt && finalActionAt <= today ? finalActionAt : null;
  const suspended = plan.open ? plan.open.suspended : faker.datatype.boolean(outcome === "SUBSTANTIATED" ? 0.55 : 0.3);

  return {
    decisions: plan.revisedFrom
      ? [
          { category: plan.revisedFrom, decidedAt: firstDecidedAt },
          { category: "ALLEGATION", decidedAt },
        ]
      : [{ category: "ALLEGATION", decidedAt }],
    advice: plan.revisedFrom === "ADVICE" ? {} : undefined,
    employerInvestigation: plan.revisedFrom === "CAUSE_FOR_CONCERN" ? { agreedAt: firstDecidedAt, resultReceivedAt: null } : undefined,
    meetings,
    police,
    section47: faker.datatype.boolean(0.3) ? {} : undefined,
    employerAction: {
      suspended,
      suspendedAt: dateOnly(office(decidedAt, faker.number.int({ min: 0, max: 2 }))),
      finalAction: actionKnown ? finalAction : null,
      finalActionAt: actionKnown && dateOnly(actionKnown),
    },
    outcome:
      outcome && end
        ? {
            outcome,
            decidedAt: end,
            personResigned: finalAction === "RESIGNED",
            refusedToCooperate: outcome === "SUBSTANTIATED" && faker.datatype.boolean(0.15),
          }
        : undefined,
    onwardReferrals: outcome && actionKnown ? onwardReferrals(outcome, finalAction, job, actionKnown, w) : [],
    delayReasons: delayMonths(plan.receivedAt, until).map((month) => ({ month, recordedById: lado.id })),
    closures: [
      ...(plan.revisedFrom === "ADVICE" ? reopenedClosure(firstDecidedAt, decidedAt, lado, w) : []),
      ...(actionKnown ? closure(actionKnown, w, { returned: faker.datatype.boolean(0.1) }) : []),
    ],
  };
}

/** Actions agreed at a meeting: done when due (or the case has ended), except `overdue` ones left open past their date. */
function meetingActions(heldAt: Date, end: Date | null, count: number, overdue: number, w: World): ActionFields[] {
  const today = dateOnly(w.today);
  return Array.from({ length: count }, (_, i) => {
    if (i < overdue) {
      const due = dateOnly(addDays(w.today, -faker.number.int({ min: 2, max: 12 })));
      return { dueDate: due > dateOnly(heldAt) ? due : dateOnly(addDays(heldAt, 1)), status: "OPEN" };
    }
    const dueDate = dateOnly(officeTime(heldAt, faker.number.int({ min: 3, max: 12 }), w.holidays));
    if (dueDate >= today && !end) return { dueDate, status: "OPEN" };
    return { dueDate, status: end && faker.datatype.boolean(0.08) ? "CANCELLED" : "DONE" };
  });
}

const POLICE_PATH: Record<PoliceStatus, PoliceStatus[]> = {
  NOT_INVOLVED: ["NOT_INVOLVED"],
  CONSIDERING: [],
  INVESTIGATING: [],
  CHARGED: ["CHARGED"],
  COURT: ["CHARGED", "COURT"],
  NFA: ["NFA"],
  CONCLUDED: ["CHARGED", "COURT", "CONCLUDED"],
};

/**
 * Police liaison from the contact to the last update (`lastAt`, with
 * `status`): an update about every month, and `challenges` chases, the first
 * after four weeks without news and the second an escalation.
 */
function policeRecord(receivedAt: Date, lastAt: Date, status: PoliceStatus, challenges: number, w: World): PoliceInput {
  const office = (from: Date, days = 0) => officeTime(from, days, w.holidays);
  const first = office(receivedAt, 2) < lastAt ? office(receivedAt, 2) : lastAt;
  const n = Math.min(9, Math.max(1, Math.round((lastAt.getTime() - first.getTime()) / (30 * 86_400_000)) + 1));
  const statuses = Array<PoliceStatus>(n).fill(status === "CONSIDERING" ? "CONSIDERING" : "INVESTIGATING");
  POLICE_PATH[status].slice(-n).forEach((s, i, tail) => (statuses[n - tail.length + i] = s));
  const updates = statuses.map((s, i) => ({
    status: s,
    at: i === n - 1 ? lastAt : new Date(first.getTime() + ((lastAt.getTime() - first.getTime()) * i) / Math.max(1, n - 1)),
  }));

  const notLater = (d: Date) => (d > w.today ? addDays(w.today, -0.1) : d);
  const stale = w.today.getTime() - lastAt.getTime() > 28 * 86_400_000;
  const chase = notLater(stale ? office(addDays(lastAt, 28), 1) : office(addDays(receivedAt, 35)));
  const escalation = notLater(new Date(Math.max(office(addDays(receivedAt, 95)).getTime(), office(addDays(chase, 10)).getTime())));
  return {
    informedAt: receivedAt,
    status,
    openedAt: status === "CONSIDERING" ? null : office(receivedAt, faker.number.int({ min: 0, max: 2 })),
    concludedAt: status === "NFA" || status === "CONCLUDED" ? lastAt : null,
    updates,
    challenges: [
      ...(challenges > 0 ? [{ kind: "CHALLENGE" as const, at: chase }] : []),
      ...(challenges > 1 ? [{ kind: "ESCALATION" as const, at: escalation }] : []),
    ],
  };
}

/** The employer's final action, given the outcome and how the person was employed. */
function finalActionFor(outcome: OutcomeType, job: Job): EmployerFinalAction {
  const choose = weighted<EmployerFinalAction>;
  if (outcome === "SUBSTANTIATED") {
    if (job.basis === "FOSTER_CARER")
      return choose([
        ["DEREGISTRATION", 6],
        ["RESIGNED", 3],
        ["FINAL_WARNING", 1],
      ]);
    if (job.basis === "AGENCY_SUPPLY" || job.basis === "VOLUNTEER" || job.basis === "SELF_EMPLOYED")
      return choose([
        ["CEASED_TO_USE", 7],
        ["RESIGNED", 3],
      ]);
    return choose([
      ["DISMISSAL", 45],
      ["RESIGNED", 25],
      ["FINAL_WARNING", 15],
      ["WRITTEN_WARNING", 10],
      ["TRAINING", 5],
    ]);
  }
  if (outcome === "UNSUBSTANTIATED")
    return choose([
      ["MANAGEMENT_ADVICE", 40],
      ["TRAINING", 25],
      ["NONE", 25],
      ["RESIGNED", 10],
    ]);
  return choose([
    ["NONE", 85],
    ["MANAGEMENT_ADVICE", 15],
  ]);
}

/** The DBS (the duty to refer), the person's regulator, Ofsted or the fostering panel, as the outcome calls for. */
function onwardReferrals(outcome: OutcomeType, finalAction: EmployerFinalAction | null, job: Job, after: Date, w: World) {
  const regulator = regulatorFor(job.jobTitle, job.sector);
  const removed =
    finalAction === "DISMISSAL" || finalAction === "RESIGNED" || finalAction === "CEASED_TO_USE" || finalAction === "DEREGISTRATION";
  const bodies = [
    ...(outcome === "SUBSTANTIATED" && removed ? (["DBS"] as const) : []),
    // The fostering panel reviews, and Ofsted hears of, every allegation about a carer or an early years setting.
    ...(regulator && (outcome === "SUBSTANTIATED" || regulator === "FOSTERING_PANEL" || regulator === "OFSTED") ? [regulator] : []),
  ];
  return bodies
    .map((body) => ({ body, referredAt: dateOnly(officeTime(after, faker.number.int({ min: 1, max: 10 }), w.holidays)) }))
    .filter((r) => r.referredAt <= w.today);
}

/** The first day of each month past the first three months, up to `until`: a reason for delay is recorded for each. */
function delayMonths(receivedAt: Date, until: Date) {
  const months: Date[] = [];
  for (
    let m = monthStart(addDays(receivedAt, 92));
    m <= until && months.length < 18;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  ) {
    months.push(m);
  }
  return months;
}

/** Advice closed, then reopened when new information made it an allegation. */
function reopenedClosure(adviceAt: Date, revisedAt: Date, lado: User, w: World): ClosureFields[] {
  const proposedAt = officeTime(adviceAt, 1, w.holidays);
  const signedOffAt = officeTime(proposedAt, 1, w.holidays);
  if (signedOffAt >= revisedAt) return [];
  return [
    {
      proposedAt,
      signedOffAt,
      signedOffById: w.manager.id,
      reopenedAt: revisedAt,
      reopenedById: lado.id,
      reopenReason: "New information received; the decision has been revised to an allegation.",
    },
  ];
}

/** Prior-history matches for repeat subjects: confirmed when decided (same Identity), suggested while in triage. */
async function recordPriorHistoryMatches(plans: Plan[], made: CreatedCase[]) {
  const data = plans.flatMap((plan, i) => {
    if (plan.repeatOf === undefined) return [];
    const confirmed = plan.category !== null;
    return [
      {
        personId: made[i]!.subject.id,
        candidateId: made[plan.repeatOf]!.subject.id,
        score: 0.96,
        reasons: [
          { field: "name", kind: "exact", detail: "Same first and last name" },
          { field: "dateOfBirth", kind: "exact", detail: "Same date of birth" },
        ],
        status: confirmed ? ("CONFIRMED" as const) : ("SUGGESTED" as const),
        decidedById: confirmed ? made[i]!.initialConsideredById : null,
        decidedAt: confirmed ? made[i]!.initialConsideredAt : null,
      },
    ];
  });
  await db.personMatch.createMany({ data });
}
