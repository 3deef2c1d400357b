// The contact as it arrives: how and when it came in, who referred it, the
// person it is about and the children, as a referrer gives them; and the
// facts about it that the records made later are written from.
import type { Prisma } from "~/db.server";
import type { ContactSource, EmploymentBasis, HarmCategory, Sector, Sex } from "~/generated/prisma/enums";
import { londonDay, londonMoment, TIME_ZONE } from "~/utils/dates";
import { employmentBasisFor, referrerRoleFor, SCHOOLS } from "./jobs";
import { organisationName, type OrgRef } from "./organisations";
import { ETHNICITIES, LAST_NAMES, personalEmail, personName, ukAddress, ukLandline, ukMobile, workEmail } from "./people";
import { jobTitleFor, type Scenario, type Story } from "./scenarios";
import {
  addDays,
  between,
  chance,
  dateOnly,
  faker,
  isWorkingDay,
  lower,
  now,
  officeTime,
  pick,
  toDate,
  weighted,
  type RecordFields,
  type Weights,
} from "./shared";

export type ReferrerFields = RecordFields<Prisma.ReferrerCreateManyInput>;
export type SubjectFields = RecordFields<Prisma.PersonCreateManyInput>;
export type ChildFields = RecordFields<Prisma.ChildCreateManyInput>;

/** What the default text and dates of a case's records are written from. */
export type CaseFacts = {
  receivedAt: Date;
  /** the allocated officer, who decides, chairs and records by default */
  officerId: string | null;
  officerName: string | null;
  /** the manager who signs off closures */
  managerId: string | null;
  /** "Mark Davies", or "the teaching assistant" when no professional is named */
  who: string;
  place: string;
  sector: Sector;
  jobTitle: string | null;
  employmentBasis: EmploymentBasis | null;
  harm: HarmCategory[];
  policeInvolved: boolean;
};

// ---------------------------------------------------------------------------
// How and when it came in
// ---------------------------------------------------------------------------

/** How contacts come in, most through the online form. */
export const CONTACT_SOURCES: Weights<ContactSource> = [
  ["ONLINE_FORM", 45],
  ["PHONE", 25],
  ["EMAIL", 20],
  ["LETTER", 4],
  ["IN_PERSON", 6],
];
/** With the office closed, only the online form and email bring contacts. */
const OFFICE_CLOSED_SOURCES: Weights<ContactSource> = [
  ["ONLINE_FORM", 2],
  ["EMAIL", 1],
];

/**
 * A contact that came in on `day`, by `source` (or one that fits the day):
 * online forms and emails at any hour from 7am to 10:30pm, the rest in
 * office hours, on the next working day if the office was closed. Never
 * after now: one due later today came in within the last couple of hours instead.
 */
export function arrival(day: Date, source: ContactSource = weighted(isWorkingDay(day) ? CONTACT_SOURCES : OFFICE_CLOSED_SOURCES)) {
  const at =
    source === "ONLINE_FORM" || source === "EMAIL"
      ? londonMoment(londonDay(day), between(7 * 60, 22 * 60 + 30))
      : officeTime(londonMoment(londonDay(day)));
  return { source, receivedAt: at <= now() ? at : faker.date.between({ from: addDays(now(), -0.1), to: now() }) };
}

// ---------------------------------------------------------------------------
// The subject, the children and the referrer
// ---------------------------------------------------------------------------

export function subjectData(
  scenario: Scenario,
  sector: Sector,
  named: boolean,
  hasEmployer: boolean,
  receivedAt: Date,
  fields: SubjectFields,
) {
  const sex = fields.sex ?? weighted<Sex>([["MALE", 56], ["FEMALE", 43], ...(named ? [] : [["NOT_KNOWN", 20] as const])]);
  const name = personName(sex);
  const jobTitle = fields.jobTitle !== undefined ? fields.jobTitle : !named && chance(0.3) ? null : jobTitleFor(scenario, sector);
  const age = between(21, 63);
  const data = named
    ? {
        firstName: name.first,
        lastName: name.last,
        previousNames: sex === "FEMALE" && chance(0.12) ? [pick(LAST_NAMES)] : [],
        dateOfBirth: dateOnly(faker.date.birthdate({ mode: "age", min: age, max: age, refDate: receivedAt })),
        ethnicity: chance(0.6) ? pick(ETHNICITIES) : null,
        address: chance(0.55) ? ukAddress() : null,
        startDate: dateOnly(addDays(receivedAt, -between(60, 365 * Math.min(15, age - 20)))),
        otherWorkWithChildren: chance(0.15)
          ? pick(["Volunteers at a weekend football club", "Runs a holiday club in the summer", "Private tutoring in the evenings"])
          : null,
        ownChildrenOrCaring: chance(0.3)
          ? pick(["Has two children of primary school age", "Has a teenage son", "No children of their own", "Cares for a younger sibling"])
          : null,
        previousConcernsKnown: chance(0.1) ? "The employer mentioned an informal conversation about boundaries last year" : null,
      }
    : {};
  return {
    sex: named ? sex : sex === "NOT_KNOWN" ? null : sex,
    jobTitle,
    employmentBasis: jobTitle ? employmentBasisFor(jobTitle) : null,
    sector,
    employerName: !hasEmployer && chance(0.4) ? organisationName(sector) : null,
    ...data,
    ...fields,
  };
}

/** The ages of the children a sector works with. */
const CHILD_AGES: Partial<Record<Sector, [number, number]>> = {
  EARLY_YEARS_NURSERY: [1, 4],
  EARLY_YEARS_CHILDMINDER: [1, 4],
  PRIMARY_SCHOOL: [4, 11],
  SECONDARY_SCHOOL: [11, 16],
  SPECIAL_SCHOOL: [5, 18],
  INDEPENDENT_SCHOOL: [7, 17],
  FURTHER_EDUCATION: [16, 17],
  ALTERNATIVE_PROVISION: [11, 16],
  RESIDENTIAL_CHILDRENS_HOME: [11, 17],
  SECURE_ESTATE: [14, 17],
  TRANSPORT: [5, 17],
  PRIVATE_TUTORING_CHILDCARE: [7, 15],
};

export function childData(sector: Sector, ages: [number, number] | undefined, place: string, fields: ChildFields) {
  const [min, max] = ages ?? CHILD_AGES[sector] ?? [4, 16];
  const sex = weighted<Sex>([
    ["FEMALE", 48],
    ["MALE", 48],
    ["NOT_KNOWN", 4],
  ]);
  return {
    ageYears: between(min, max),
    sex,
    setting: place,
    name: chance(0.1) ? `${personName(sex).first} ${pick(LAST_NAMES).charAt(0)}.` : null,
    ...fields,
  };
}

/** "a Year 4 girl", "a 3-year-old boy", "a 15-year-old": how a referrer first mentions the child. */
export function describeChild(child: { ageYears?: number | null; sex?: Sex | null } | undefined, sector: Sector) {
  if (!child?.ageYears) return "a child";
  const noun = child.sex === "FEMALE" ? "girl" : child.sex === "MALE" ? "boy" : "";
  if ((SCHOOLS as readonly Sector[]).includes(sector) && child.ageYears >= 5 && child.ageYears <= 16) {
    return `a Year ${child.ageYears - 4} ${noun || "pupil"}`;
  }
  return `a ${child.ageYears}-year-old${noun ? ` ${noun}` : ""}`;
}

export function referrerData(scenario: Scenario, organisation: OrgRef | null, source: ContactSource, fields: ReferrerFields) {
  const name = personName();
  const by = scenario.referredBy ?? "employer";
  if (by === "parent" || by === "public") {
    return {
      name: by === "public" && chance(0.4) ? null : name.full,
      role: by === "parent" ? "Parent" : "Member of the public",
      organisationId: null,
      phone: ukMobile(),
      email: source === "PHONE" ? null : personalEmail(name),
      seniorManagerAware: null,
      ...fields,
    };
  }
  return {
    name: name.full,
    role: referrerRoleFor(organisation?.sector ?? "OTHER"),
    organisationId: organisation?.id ?? null,
    phone: chance(0.5) ? ukLandline() : ukMobile(),
    email: organisation ? workEmail(name, organisation.name) : personalEmail(name),
    seniorManagerAware: weighted([
      ["YES", 80],
      ["NO", 12],
      ["UNKNOWN", 8],
    ] as const),
    ...fields,
  };
}

// ---------------------------------------------------------------------------
// What happened, in the referrer's words
// ---------------------------------------------------------------------------

const PRONOUNS: Partial<Record<Sex, Pick<Story, "they" | "their" | "them">>> = {
  MALE: { they: "he", their: "his", them: "him" },
  FEMALE: { they: "she", their: "her", them: "her" },
};

/** What a summary can say about the people in it. */
export function storyFor(
  subject: ReturnType<typeof subjectData>,
  children: ReturnType<typeof childData>[],
  { named, place, sector, receivedAt }: { named: boolean; place: string; sector: Sector; receivedAt: Date },
): Story {
  const who =
    named && subject.firstName ? `${subject.firstName} ${subject.lastName}` : `the ${lower(subject.jobTitle ?? "member of staff")}`;
  const startYear = toDate(subject.startDate)?.getUTCFullYear();
  return {
    who,
    as: (role) => (named && subject.firstName ? `${who}, ${role},` : role),
    ...(PRONOUNS[subject.sex ?? "NOT_KNOWN"] ?? { they: "they", their: "their", them: "them" }),
    named,
    child: describeChild(children[0], sector),
    age: children[0]?.ageYears ?? 14,
    place,
    day: new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: TIME_ZONE }).format(addDays(receivedAt, -between(0, 3))),
    year: receivedAt.getUTCFullYear(),
    years: startYear ? Math.max(1, receivedAt.getUTCFullYear() - startYear) : 3,
  };
}

/** The contact's own fields: what happened, in the referrer's words, and what had been done before it came in. */
export function contactData(
  scenario: Scenario,
  story: Story,
  { receivedAt, harm, children, policeInvolved }: { receivedAt: Date; harm: HarmCategory[]; children: number; policeInvolved: boolean },
) {
  const byEmployer = (scenario.referredBy ?? "employer") === "employer";
  const incidentFrom = dateOnly(addDays(receivedAt, -between(0, 10)));
  const policeInformed = policeInvolved && chance(0.6) ? ("YES" as const) : pick(["NO", "NO", "UNKNOWN"] as const);
  return {
    summary: scenario.summary(story),
    reportedHarmCategories: harm,
    followedRestraint: scenario.restraint ?? (harm.includes("PHYSICAL") ? false : null),
    incidentFrom,
    incidentTo: chance(0.2) ? dateOnly(addDays(incidentFrom, between(1, 20))) : null,
    moreThanOneIncident: chance(0.25),
    employerAwareAt: byEmployer ? dateOnly(addDays(receivedAt, -between(0, 2))) : null,
    incidentLocation: scenario.location,
    allegationMadeBy: scenario.madeBy,
    policeInformed,
    policeReference: policeInformed === "YES" ? `${faker.string.numeric(7)}/${String(story.year).slice(2)}` : null,
    socialCareInformed: pick(["YES", "NO", "UNKNOWN"] as const),
    parentsInformed: children ? pick(["YES", "YES", "NO"] as const) : null,
    subjectAware: pick(["YES", "NO", "UNKNOWN"] as const),
    suspendedOrRedeployed: pick(["NO", "NO", "YES"] as const),
    actionsSoFar: byEmployer
      ? pick([
          "Spoken to the child and written down what they said.",
          "Written accounts taken from the staff present.",
          "Nothing yet: we wanted advice first.",
        ])
      : null,
  };
}
