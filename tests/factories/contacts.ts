// The contact as it arrives: how and when it came in, who referred it, the
// person it is about and the children, as a referrer gives them; and the
// facts about it that the records made later are written from.
import type { Prisma } from "~/db.server";
import type { ContactSource, EmploymentBasis, HarmCategory, ReferrerType, ScreenerAnswer, Sector, Sex } from "~/generated/prisma/enums";
import { londonDay, londonMoment, TIME_ZONE } from "~/utils/dates";
import { employmentBasisFor, referrerRoleFor, roleGroupFor, SCHOOLS } from "./jobs";
import type { OrgRef } from "./organisations";
import { ethnicGroup, LAST_NAMES, personalEmail, personName, ukAddress, ukLandline, ukMobile, workEmail, type Name } from "./people";
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
  /** it happened online (Case.happenedOnline) */
  online: boolean;
  /** flagged on receipt: a child in immediate danger */
  danger: boolean;
  policeInvolved: boolean;
};

// ---------------------------------------------------------------------------
// How and when it came in
// ---------------------------------------------------------------------------

/** How contacts come in, most through the online form; now and then forwarded by the front door (MASH). */
export const CONTACT_SOURCES: Weights<ContactSource> = [
  ["ONLINE_FORM", 43],
  ["PHONE", 24],
  ["EMAIL", 19],
  ["FRONT_DOOR", 5],
  ["LETTER", 3],
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

/**
 * The person as the referrer describes them: with a named professional,
 * who they are (ethnic group in London's proportions, when known); always
 * their job, its role group and how they are employed when the job is
 * known. Their employer, agency and fostering service are organisations
 * (buildCase): nothing is kept as typed.
 */
export function subjectData(scenario: Scenario, sector: Sector, named: boolean, receivedAt: Date, fields: SubjectFields) {
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
        // Not always asked when staff log a call; NOT_KNOWN when asked and the referrer did not know.
        ethnicGroup: chance(0.85) ? ethnicGroup() : null,
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
    roleGroup: jobTitle ? roleGroupFor(jobTitle) : null,
    employmentBasis: jobTitle ? employmentBasisFor(jobTitle, sector) : null,
    sector,
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
  YOUTH_SERVICE: [11, 17],
  SUPPORTED_ACCOMMODATION: [16, 17],
  FIRE_RESCUE: [12, 17],
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

/** Referrers asked for their organisation (an employer, another professional): the only ones with an Organisation. */
export const HAS_ORGANISATION: readonly ReferrerType[] = ["EMPLOYER", "OTHER_PROFESSIONAL"];

/**
 * The referrer's organisation: a record (its id is set by buildCase), or
 * only a name as typed, with the sector the factory had in mind for it.
 */
export type ReferrerOrganisation = { record: OrgRef | null; typed: string | null; sector?: Sector };

/**
 * The referrer, as their type has them give it (the public form asks each
 * type its own questions): an employer or another professional their role,
 * organisation and work contact details, the employer also whether its
 * senior manager knows; another authority's LADO or a regulator the
 * authority or body by name; a parent, child, member of the public or the
 * person themselves only their name and how to reach them; someone
 * anonymous nothing.
 */
export function referrerData(
  type: ReferrerType,
  { record, typed, sector: typedSector }: ReferrerOrganisation,
  { sector, source, subject }: { sector: Sector; source: ContactSource; subject: Name | null },
  fields: ReferrerFields,
) {
  const name = type === "SELF" && subject ? subject : personName();
  const personal = {
    name: name.full,
    role: null,
    organisationName: null,
    phone: ukMobile(),
    email: source === "PHONE" && chance(0.6) ? null : personalEmail(name),
    seniorManagerAware: null,
  };
  const made = (() => {
    switch (type) {
      case "EMPLOYER":
      case "OTHER_PROFESSIONAL": {
        const organisation = record?.name ?? typed;
        return {
          name: name.full,
          role: referrerRoleFor(record?.sector ?? typedSector ?? (type === "EMPLOYER" ? sector : "OTHER")),
          organisationName: record ? null : typed,
          phone: chance(0.5) ? ukLandline() : ukMobile(),
          email: organisation ? workEmail(name, organisation) : personalEmail(name),
          seniorManagerAware:
            type === "EMPLOYER"
              ? weighted([
                  ["YES", 80],
                  ["NO", 12],
                  ["UNKNOWN", 8],
                ] as const)
              : null,
        };
      }
      case "OTHER_LADO":
      case "REGULATOR":
        return {
          name: name.full,
          role:
            type === "OTHER_LADO"
              ? pick(["LADO", "Designated officer (LADO)", "Safeguarding in education manager (LADO)"])
              : sector.startsWith("EARLY_YEARS")
                ? "Early years regulatory inspector"
                : "Social care regulatory inspector",
          organisationName: typed,
          phone: ukLandline(),
          email: workEmail(name, typed ?? "council"),
          seniorManagerAware: null,
        };
      case "CHILD_YOUNG_PERSON":
        // Often just a first name, and an email address rather than a phone number.
        return {
          ...personal,
          name: chance(0.5) ? name.first : name.full,
          phone: chance(0.4) ? ukMobile() : null,
          email: personalEmail(name),
        };
      case "ANONYMOUS":
        return { name: null, role: null, organisationName: null, phone: null, email: null, seniorManagerAware: null };
      default:
        return personal;
    }
  })();
  return { type, organisationId: null, ...made, ...fields };
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

/**
 * The public form's screener as answered: mostly yes and yes; "not sure"
 * more often when the caller barely knows the person, or the concern is
 * about their life outside work (now and then "no", carrying on anyway).
 */
function screenerAnswers(scenario: Scenario) {
  const outsideWork = scenario.harm.every((h) => h === "SUITABILITY");
  return {
    screenerWorksWithChildren: weighted<ScreenerAnswer>(
      scenario.nobodyNamed
        ? [
            ["YES", 1],
            ["NOT_SURE", 1],
          ]
        : [
            ["YES", 92],
            ["NOT_SURE", 8],
          ],
    ),
    screenerAboutConduct: weighted<ScreenerAnswer>(
      outsideWork
        ? [
            ["YES", 60],
            ["NOT_SURE", 35],
            ["NO", 5],
          ]
        : [
            ["YES", 92],
            ["NOT_SURE", 8],
          ],
    ),
  };
}

/**
 * The screener's answers on the public form (none when staff logged it), and
 * whether a child was in immediate danger: no (on a staff form now and then
 * not recorded). A contact with a child in danger is made only when asked
 * for (`childInImmediateDanger: true`): it goes to the top of the triage
 * queue, so one made by chance would reorder other tests' queues.
 */
export function intakeAnswers(scenario: Scenario, source: ContactSource) {
  if (source !== "ONLINE_FORM") {
    return { screenerWorksWithChildren: null, screenerAboutConduct: null, childInImmediateDanger: chance(0.7) ? false : null };
  }
  return { ...screenerAnswers(scenario), childInImmediateDanger: false };
}

/** The contact's own fields: what happened, in the referrer's words, and what had been done before it came in. */
export function contactData(
  scenario: Scenario,
  story: Story,
  {
    receivedAt,
    referrerType,
    harm,
    children,
    policeInvolved,
  }: {
    receivedAt: Date;
    referrerType: ReferrerType;
    harm: HarmCategory[];
    children: number;
    policeInvolved: boolean;
  },
) {
  const byEmployer = referrerType === "EMPLOYER";
  const incidentFrom = dateOnly(addDays(receivedAt, -between(0, 10)));
  const policeInformed = policeInvolved && chance(0.6) ? ("YES" as const) : pick(["NO", "NO", "UNKNOWN"] as const);
  return {
    summary: scenario.summary(story),
    reportedHarmCategories: harm,
    happenedOnline: scenario.online ?? false,
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
