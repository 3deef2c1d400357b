// Factories shared by the tests and the demo data (prisma/seed.ts): realistic
// fake records of an English LADO service, with @faker-js/faker's en_GB locale
// and our own lists where faker's are not British enough (names, places).
//
// Deterministic after faker.seed(n): every random choice is made before the
// first query, so concurrent calls cannot interleave them, and dates default
// relative to faker.defaultRefDate() (now, unless faker.setDefaultRefDate).
//
//   const lado = await createUser(db, { roles: ["LADO"] });
//   const file = await createCase(db, { allocatedToId: lado.id, decisions: [{ category: "ALLEGATION" }] });
import { randomUUID } from "node:crypto";
import { fakerEN_GB as faker } from "@faker-js/faker";
import { hashPassword } from "~/auth/password.server";
import { nextCaseReference } from "~/cases/reference.server";
import type { Db, Prisma } from "~/db.server";
import type { Organisation, Role, User } from "~/generated/prisma/client";
import type {
  ActionStatus,
  AllegationMadeBy,
  ContactSource,
  DecisionCategory,
  EmployerFinalAction,
  EmploymentBasis,
  HarmCategory,
  HarmCriterion,
  MeetingType,
  OnwardBody,
  OutcomeType,
  PoliceStatus,
  RedirectTarget,
  Sector,
  Sex,
} from "~/generated/prisma/enums";
import { isWorkingDay as isWorkingDayOn, type Holidays } from "~/calendar/working-days";
import { londonDay, londonMinutes, londonMoment, TIME_ZONE } from "~/utils/dates";

// ---------------------------------------------------------------------------
// Small helpers: chance, dates and office hours
// ---------------------------------------------------------------------------

const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);
const chance = (probability: number) => faker.datatype.boolean({ probability });
const between = (min: number, max: number) => faker.number.int({ min, max });
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const DAY_MS = 86_400_000;
const now = () => faker.defaultRefDate();
const toDate = (d: Date | string | null | undefined) => (d == null ? undefined : new Date(d));

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
/** A calendar date for a @db.Date column: the London day of `d`, at midnight UTC. */
export const dateOnly = (d: Date) => new Date(`${londonDay(d)}T00:00:00Z`);
/** The first day of d's London month, for a @db.Date column. */
export const monthStart = (d: Date) => new Date(`${londonDay(d).slice(0, 7)}-01T00:00:00Z`);
/** The earlier of a moment and now: nothing is recorded in the future. */
export const notAfterNow = (d: Date) => (d > now() ? now() : d);

const NO_HOLIDAYS: Holidays = new Set();
export const isWorkingDay = (d: Date, holidays: Holidays = NO_HOLIDAYS) => isWorkingDayOn(londonDay(d), holidays);

/**
 * A moment in office hours (9am to 5:30pm London) `workingDays` working days
 * after `from`; with 0, later the same working day when there is time left.
 * Bank holidays are skipped when given (yyyy-mm-dd).
 */
export function officeTime(from: Date, workingDays = 0, holidays: Holidays = NO_HOLIDAYS) {
  const OPEN = 9 * 60;
  const CLOSE = 17 * 60 + 30;
  let day = from;
  let earliest = OPEN;
  if (workingDays === 0 && isWorkingDay(from, holidays) && londonMinutes(from) < CLOSE - 30) {
    earliest = Math.max(OPEN, londonMinutes(from) + 10);
  } else {
    let left = Math.max(1, workingDays);
    while (left > 0) {
      day = addDays(day, 1);
      if (isWorkingDay(day, holidays)) left--;
    }
  }
  return londonMoment(londonDay(day), between(earliest, CLOSE));
}

// ---------------------------------------------------------------------------
// People, places and contact details
// ---------------------------------------------------------------------------

// faker's en_GB names are mostly American; these read like a London borough.
const FIRST_NAMES = {
  FEMALE: [
    "Olivia",
    "Amelia",
    "Sophie",
    "Emily",
    "Charlotte",
    "Hannah",
    "Grace",
    "Lucy",
    "Chloe",
    "Jessica",
    "Sarah",
    "Rebecca",
    "Laura",
    "Emma",
    "Rachel",
    "Claire",
    "Nicola",
    "Joanne",
    "Michelle",
    "Kerry",
    "Aisha",
    "Fatima",
    "Priya",
    "Anjali",
    "Zainab",
    "Amina",
    "Chiamaka",
    "Adaeze",
    "Abena",
    "Shanice",
    "Tanisha",
    "Agnieszka",
    "Katarzyna",
    "Ioana",
    "Maria",
    "Siobhan",
    "Niamh",
    "Aoife",
    "Bethan",
    "Rhiannon",
    "Yasmin",
    "Sana",
    "Nadia",
    "Leah",
    "Georgia",
    "Megan",
    "Jade",
    "Kelly",
    "Donna",
    "Samantha",
  ],
  MALE: [
    "Oliver",
    "George",
    "Harry",
    "Jack",
    "James",
    "Thomas",
    "Daniel",
    "Matthew",
    "Luke",
    "Ryan",
    "Adam",
    "Mark",
    "Paul",
    "Andrew",
    "Stephen",
    "Richard",
    "Gareth",
    "Darren",
    "Craig",
    "Lee",
    "Mohammed",
    "Ahmed",
    "Imran",
    "Bilal",
    "Hamza",
    "Arjun",
    "Rohan",
    "Vikram",
    "Sanjay",
    "Kwame",
    "Kofi",
    "Chinedu",
    "Emeka",
    "Tunde",
    "Segun",
    "Marcus",
    "Jermaine",
    "Tyrone",
    "Dwayne",
    "Piotr",
    "Tomasz",
    "Andrei",
    "Sean",
    "Conor",
    "Ciaran",
    "Rhys",
    "Dylan",
    "Callum",
    "Jamie",
    "Nathan",
  ],
} as const;

const LAST_NAMES = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Johnson",
  "Davies",
  "Robinson",
  "Wright",
  "Thompson",
  "Evans",
  "Walker",
  "White",
  "Roberts",
  "Green",
  "Hall",
  "Wood",
  "Jackson",
  "Clarke",
  "Patel",
  "Shah",
  "Khan",
  "Hussain",
  "Ahmed",
  "Begum",
  "Ali",
  "Singh",
  "Kaur",
  "Sharma",
  "Okafor",
  "Adeyemi",
  "Mensah",
  "Boateng",
  "Owusu",
  "Okonkwo",
  "Adebayo",
  "Campbell",
  "Francis",
  "Thomas",
  "Henry",
  "Kowalski",
  "Nowak",
  "Popescu",
  "Murphy",
  "O'Brien",
  "Kelly",
  "Byrne",
  "Doyle",
  "Hughes",
  "Morgan",
  "Price",
  "Lewis",
  "Edwards",
  "Harris",
  "Martin",
  "Cooper",
  "Ward",
  "Turner",
  "Hill",
  "Moore",
  "Baker",
  "Collins",
  "Bennett",
  "Fraser",
  "Stewart",
  "Reid",
  "Mitchell",
  "Hamilton",
  "Osei",
  "Rahman",
  "Chowdhury",
  "Nguyen",
  "Costa",
  "Silva",
] as const;

// Invented but plausible neighbourhoods, so no real school or club is named.
const PLACES = [
  "Ashgrove",
  "Bramley Park",
  "Fernhill",
  "Kingsmead",
  "Larkhall Rise",
  "Millbrook",
  "Oakfield",
  "Riverside",
  "Southmere",
  "Thornbury",
  "Westcombe",
  "Hollybush",
  "Elmstead",
  "Beechwood",
  "Harefield",
  "Cranbrook",
  "Marlowe Green",
  "Pemberton",
  "Wyndham Vale",
  "Copperfield",
  "St Aldric's",
  "Hawthorn Hill",
  "Linden Cross",
  "Northbrook",
  "Ravenscourt",
  "Sedgemoor",
  "Tallis Common",
  "Victoria Wharf",
] as const;

const STREETS = [
  "Station Road",
  "Church Lane",
  "Manor Road",
  "Park Avenue",
  "Queens Road",
  "Victoria Street",
  "Mill Lane",
  "Springfield Road",
  "Grove Road",
  "Kings Avenue",
  "Albert Road",
  "The Crescent",
  "Orchard Close",
  "Chestnut Walk",
  "Windsor Road",
  "Elm Grove",
  "Cedar Court",
  "Nightingale Close",
  "Railway Terrace",
  "Beaumont Street",
] as const;

const SAINTS = ["Mary", "Anne", "John", "Peter", "Luke", "Michael", "George", "Thomas", "Andrew", "Joseph", "Bede"] as const;

const ETHNICITIES = [
  "White British",
  "White Irish",
  "White other",
  "Black British: Caribbean",
  "Black British: African",
  "Asian British: Indian",
  "Asian British: Pakistani",
  "Asian British: Bangladeshi",
  "Mixed: White and Black Caribbean",
  "Mixed: other",
  "Any other ethnic group",
] as const;

const POLICE_FORCES = [
  "Metropolitan Police Service",
  "Metropolitan Police Service",
  "Metropolitan Police Service",
  "Surrey Police",
  "Kent Police",
  "British Transport Police",
] as const;

type Name = { first: string; last: string; full: string };

export function personName(sex: Sex | null = null): Name {
  const first = pick(sex === "FEMALE" || sex === "MALE" ? FIRST_NAMES[sex] : pick([FIRST_NAMES.FEMALE, FIRST_NAMES.MALE]));
  const last = pick(LAST_NAMES);
  return { first, last, full: `${first} ${last}` };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Ofcom's drama ranges: realistic, never anyone's real number. */
export const ukLandline = () => `020 7946 0${faker.string.numeric(3)}`;
export const ukMobile = () => `07700 900${faker.string.numeric(3)}`;
/** A south London postcode: real districts (SW1-20, SE1-28, CR0-9), made-up units. */
export const ukPostcode = () => {
  const [area, min, max] = pick([
    ["SW", 1, 20],
    ["SE", 1, 28],
    ["CR", 0, 9],
  ] as const);
  return `${area}${between(min, max)} ${between(0, 9)}${faker.string.alpha({ length: 2, casing: "upper", exclude: ["C", "I", "K", "M", "O", "V"] })}`;
};
export const ukAddress = () => `${between(1, 180)} ${pick(STREETS)}, ${pick(PLACES)}, London ${ukPostcode()}`;
/** A work address at an example domain (never a real mailbox), lower-case. */
export const workEmail = (name: Name, organisation: string) =>
  `${slug(name.first)}.${slug(name.last)}@${slug(organisation).slice(0, 30)}.example.org`;
const personalEmail = (name: Name) => `${slug(name.first)}${slug(name.last)}${faker.string.numeric(2)}@example.com`;

// ---------------------------------------------------------------------------
// Organisations (referring agencies and employers)
// ---------------------------------------------------------------------------

const ORGANISATION_NAMES: Record<Sector, (() => string)[]> = {
  EARLY_YEARS_NURSERY: [
    () => `Little Acorns Day Nursery, ${pick(PLACES)}`,
    () => `${pick(PLACES)} Montessori Nursery`,
    () => `Sunflowers Nursery ${pick(PLACES)}`,
    () => `${pick(PLACES)} Children's Centre Nursery`,
  ],
  EARLY_YEARS_CHILDMINDER: [
    () => `${pick(["Little Stars", "Busy Hands", "Rainbow", "Ladybird", "Tiny Steps"])} Childminding, ${pick(PLACES)}`,
  ],
  PRIMARY_SCHOOL: [
    () => `${pick(PLACES)} Primary School`,
    () => `St ${pick(SAINTS)}'s C of E Primary School`,
    () => `${pick(PLACES)} Junior School`,
    () => `Our Lady of ${pick(["Victories", "Lourdes", "Peace"])} Catholic Primary School`,
  ],
  SECONDARY_SCHOOL: [
    () => `${pick(PLACES)} Academy`,
    () => `${pick(PLACES)} High School`,
    () => `${pick(PLACES)} School`,
    () => `Bishop ${pick(LAST_NAMES)} C of E School`,
  ],
  SPECIAL_SCHOOL: [() => `${pick(PLACES)} Park School`, () => `The ${pick(["Willows", "Cedars", "Orchard"])} School`],
  INDEPENDENT_SCHOOL: [() => `${pick(PLACES)} House Preparatory School`, () => `${pick(PLACES)} College`],
  FURTHER_EDUCATION: [() => `${pick(PLACES)} Sixth Form College`, () => `${pick(PLACES)} College of Further Education`],
  ALTERNATIVE_PROVISION: [
    () => `${pick(PLACES)} Pupil Referral Unit`,
    () => `The ${pick(["Bridge", "Compass", "Beacon"])} Learning Centre`,
  ],
  HEALTH_ACUTE: [
    () => `${pick(PLACES)} University Hospitals NHS Foundation Trust`,
    () => `${pick(PLACES)} and ${pick(PLACES)} Hospitals NHS Trust`,
  ],
  HEALTH_COMMUNITY: [() => `${pick(PLACES)} Community Health NHS Trust`],
  HEALTH_MENTAL_HEALTH: [() => `${pick(PLACES)} Mental Health NHS Trust`, () => `${pick(PLACES)} CAMHS`],
  HEALTH_GP: [() => `${pick(PLACES)} Medical Practice`, () => `${pick(STREETS)} Surgery`],
  HEALTH_AMBULANCE: [() => `${pick(PLACES)} Ambulance Service NHS Trust`],
  CHILDRENS_SOCIAL_CARE: [() => `${pick(PLACES)} Council Children's Services`],
  RESIDENTIAL_CHILDRENS_HOME: [
    () => `${pick(PLACES)} House Children's Home`,
    () => `${pick(["Meadow", "Brook", "Oak"])} Lodge Children's Home`,
  ],
  FOSTERING: [() => `${pick(PLACES)} Fostering Agency`, () => `${pick(PLACES)} Council Fostering Service`],
  ADOPTION: [() => `${pick(PLACES)} Regional Adoption Agency`],
  POLICE: [() => pick(POLICE_FORCES)],
  PROBATION_YOUTH_JUSTICE: [() => `${pick(PLACES)} Youth Justice Service`],
  CAFCASS: [() => "Cafcass"],
  SECURE_ESTATE: [() => `${pick(PLACES)} Secure Training Centre`],
  FAITH_ORGANISATION: [
    () => `St ${pick(SAINTS)}'s Church`,
    () => `${pick(PLACES)} Baptist Church`,
    () => `${pick(PLACES)} Mosque and Islamic Centre`,
    () => `${pick(PLACES)} Gurdwara`,
    () => `${pick(PLACES)} Pentecostal Church`,
  ],
  SPORTS_LEISURE: [
    () => `${pick(PLACES)} Youth Football Club`,
    () => `${pick(PLACES)} Swimming Club`,
    () => `${pick(PLACES)} Boxing Club`,
    () => `${pick(PLACES)} Gymnastics Academy`,
    () => `${pick(PLACES)} Cricket Club`,
  ],
  VOLUNTARY_COMMUNITY: [() => `${pick(PLACES)} Scout Group`, () => `${pick(PLACES)} Youth Club`, () => `${pick(PLACES)} Community Trust`],
  TRANSPORT: [() => `${pick(PLACES)} Cars`, () => `${pick(PLACES)} Passenger Transport Ltd`, () => `${pick(PLACES)} Council SEN Transport`],
  PRIVATE_TUTORING_CHILDCARE: [() => `${pick(PLACES)} Tutors`, () => `${pick(LAST_NAMES)} Nanny Agency`],
  LOCAL_AUTHORITY_OTHER: [() => `${pick(PLACES)} Library and Youth Service`, () => `${pick(PLACES)} Leisure Centre`],
  ARMED_FORCES: [() => `${pick(PLACES)} Army Cadet Force Detachment`, () => `${pick(PLACES)} Sea Cadets`],
  OTHER: [() => `${pick(PLACES)} Dance School`, () => `${pick(PLACES)} Theatre School`, () => `${pick(PLACES)} Holiday Club`],
};

export type OrganisationFields = Partial<Omit<Prisma.OrganisationCreateManyInput, "id">>;
export type OrgRef = Pick<Organisation, "id" | "name" | "sector">;

/** An organisation's fields (not saved): a name that fits its sector, address and contact details. */
export function organisationData(sector: Sector = "PRIMARY_SCHOOL", fields: OrganisationFields = {}) {
  const name = fields.name ?? pick(ORGANISATION_NAMES[sector])();
  return {
    name,
    sector,
    address: ukAddress(),
    phone: ukLandline(),
    email: `${pick(["safeguarding", "office", "admin", "enquiries"])}@${slug(name).slice(0, 30)}.example.org`,
    ...fields,
  } satisfies Prisma.OrganisationCreateManyInput;
}

export async function createOrganisation(db: Db, fields: OrganisationFields = {}) {
  return db.organisation.create({ data: organisationData(fields.sector, fields) });
}

// ---------------------------------------------------------------------------
// Staff users
// ---------------------------------------------------------------------------

export const DEFAULT_PASSWORD = "correct horse battery staple";

export type UserInput = { roles: Role[]; email?: string; name?: string; password?: string; active?: boolean };

export async function createUser(db: Db, { roles, email, name, password = DEFAULT_PASSWORD, active = true }: UserInput) {
  const made = personName();
  const fullName = name ?? made.full;
  const address = (email ?? `${slug(made.first)}.${slug(made.last)}.${faker.string.numeric(4)}@example.org`).toLowerCase();
  return db.user.create({
    data: { name: fullName, email: address, roles, active, passwordHash: await hashPassword(password) },
  });
}

// ---------------------------------------------------------------------------
// Jobs by sector
// ---------------------------------------------------------------------------

const JOB_TITLES: Record<Sector, readonly string[]> = {
  EARLY_YEARS_NURSERY: [
    "Nursery practitioner",
    "Room leader",
    "Nursery assistant",
    "Apprentice nursery practitioner",
    "Deputy nursery manager",
  ],
  EARLY_YEARS_CHILDMINDER: ["Registered childminder", "Childminding assistant"],
  PRIMARY_SCHOOL: [
    "Class teacher",
    "Teaching assistant",
    "Lunchtime supervisor",
    "Learning support assistant",
    "Site manager",
    "After-school club worker",
  ],
  SECONDARY_SCHOOL: [
    "Teacher of mathematics",
    "Teacher of PE",
    "Teacher of science",
    "Head of year",
    "Cover supervisor",
    "Learning support assistant",
    "Science technician",
  ],
  SPECIAL_SCHOOL: ["Teaching assistant", "Class teacher", "Learning support assistant", "Midday meals supervisor"],
  INDEPENDENT_SCHOOL: ["Teacher of music", "Boarding house parent", "Sports coach", "Teacher of English"],
  FURTHER_EDUCATION: ["Lecturer", "Learning mentor", "Sixth form tutor"],
  ALTERNATIVE_PROVISION: ["Teaching assistant", "Behaviour mentor", "Teacher"],
  HEALTH_ACUTE: ["Staff nurse (children's ward)", "Healthcare assistant", "Paediatric registrar", "Hospital play specialist", "Porter"],
  HEALTH_COMMUNITY: ["Health visitor", "School nurse", "Community nursery nurse", "Physiotherapist"],
  HEALTH_MENTAL_HEALTH: ["CAMHS practitioner", "Mental health nurse", "Support worker", "Clinical psychologist"],
  HEALTH_GP: ["GP", "Practice nurse", "Receptionist"],
  HEALTH_AMBULANCE: ["Paramedic", "Emergency medical technician"],
  CHILDRENS_SOCIAL_CARE: ["Social worker", "Family support worker", "Contact supervisor"],
  RESIDENTIAL_CHILDRENS_HOME: ["Residential support worker", "Senior residential worker", "Night care worker"],
  FOSTERING: ["Foster carer"],
  ADOPTION: ["Adoption social worker"],
  POLICE: ["Police constable", "Police community support officer", "Volunteer police cadet leader"],
  PROBATION_YOUTH_JUSTICE: ["Youth justice worker", "Probation officer"],
  CAFCASS: ["Family court adviser"],
  SECURE_ESTATE: ["Custody officer", "Youth worker"],
  FAITH_ORGANISATION: ["Youth leader (volunteer)", "Sunday school teacher", "Madrassah teacher", "Choir director"],
  SPORTS_LEISURE: ["Football coach", "Swimming instructor", "Gymnastics coach", "Boxing coach", "Lifeguard"],
  VOLUNTARY_COMMUNITY: ["Scout leader (volunteer)", "Youth worker", "Volunteer mentor"],
  TRANSPORT: ["Taxi driver", "Passenger assistant", "Minibus driver"],
  PRIVATE_TUTORING_CHILDCARE: ["Private tutor", "Nanny"],
  LOCAL_AUTHORITY_OTHER: ["Library assistant", "Youth worker", "Play worker", "Leisure attendant"],
  ARMED_FORCES: ["Cadet force adult volunteer", "Army cadet instructor"],
  OTHER: ["Dance teacher", "Drama teacher", "Holiday club leader"],
};

/** A job that fits the scenario and sector. */
export const jobTitleFor = (scenario: Scenario, sector: Sector) => pick(scenario.jobTitles ?? JOB_TITLES[sector]);

export function employmentBasisFor(jobTitle: string): EmploymentBasis {
  if (/foster/i.test(jobTitle)) return "FOSTER_CARER";
  if (/volunteer/i.test(jobTitle)) return "VOLUNTEER";
  if (/supply/i.test(jobTitle)) return "AGENCY_SUPPLY";
  if (/apprentice|student/i.test(jobTitle)) return "STUDENT_TRAINEE";
  if (/tutor\b|childminder|taxi/i.test(jobTitle) && !/sixth form/i.test(jobTitle)) return "SELF_EMPLOYED";
  return faker.helpers.weightedArrayElement<EmploymentBasis>([
    { weight: 76, value: "PERMANENT" },
    { weight: 7, value: "TEMPORARY" },
    { weight: 7, value: "FIXED_TERM" },
    { weight: 6, value: "AGENCY_SUPPLY" },
    { weight: 4, value: "VOLUNTEER" },
  ]);
}

/** The regulator or panel a finding about this job goes to, besides the DBS. */
export function regulatorFor(jobTitle: string | null | undefined, sector: Sector | null | undefined): OnwardBody | null {
  const job = jobTitle ?? "";
  if (sector === "FOSTERING") return "FOSTERING_PANEL";
  if (/teacher|lecturer|head of year/i.test(job) && !/sunday|madrassah|dance|drama|supplementary/i.test(job)) return "TRA";
  if (/nurse|health visitor|midwife/i.test(job) && !/nursery/i.test(job)) return "NMC";
  if (/\bGP\b|registrar|doctor|consultant/.test(job)) return "GMC";
  if (/paramedic|physiotherapist|psychologist/i.test(job)) return "HCPC";
  if (/social worker/i.test(job)) return "SOCIAL_WORK_ENGLAND";
  if (sector === "EARLY_YEARS_NURSERY" || sector === "EARLY_YEARS_CHILDMINDER") return "OFSTED";
  return null;
}

const REFERRER_ROLES: Partial<Record<Sector, readonly string[]>> = {
  EARLY_YEARS_NURSERY: ["Nursery manager", "Designated safeguarding lead"],
  PRIMARY_SCHOOL: ["Headteacher", "Designated safeguarding lead", "Deputy headteacher (DSL)"],
  SECONDARY_SCHOOL: ["Designated safeguarding lead", "Deputy headteacher (DSL)", "HR manager"],
  SPECIAL_SCHOOL: ["Headteacher", "Designated safeguarding lead"],
  INDEPENDENT_SCHOOL: ["Designated safeguarding lead", "Bursar"],
  FURTHER_EDUCATION: ["Head of safeguarding", "Designated safeguarding lead"],
  ALTERNATIVE_PROVISION: ["Head of centre", "Designated safeguarding lead"],
  HEALTH_ACUTE: ["Named nurse for safeguarding children", "Ward manager"],
  HEALTH_COMMUNITY: ["Named nurse for safeguarding children"],
  HEALTH_MENTAL_HEALTH: ["Safeguarding lead", "Team manager"],
  HEALTH_GP: ["Practice manager", "Safeguarding lead GP"],
  HEALTH_AMBULANCE: ["Safeguarding lead"],
  CHILDRENS_SOCIAL_CARE: ["Social worker (MASH)", "Team manager", "Supervising social worker"],
  RESIDENTIAL_CHILDRENS_HOME: ["Registered manager", "Responsible individual"],
  FOSTERING: ["Supervising social worker", "Fostering team manager"],
  POLICE: ["Detective constable, child abuse investigation team", "Detective sergeant, public protection"],
  FAITH_ORGANISATION: ["Parish safeguarding officer", "Safeguarding lead"],
  SPORTS_LEISURE: ["Club welfare officer", "Club chair"],
  VOLUNTARY_COMMUNITY: ["Safeguarding lead", "Group lead volunteer"],
  TRANSPORT: ["Transport manager", "Operations manager"],
};
const referrerRoleFor = (sector: Sector) => pick(REFERRER_ROLES[sector] ?? ["Safeguarding lead", "Manager", "HR manager"]);

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

/** Schools, weighted as referrals come (most from mainstream primary and secondary). */
const SCHOOLS: readonly Sector[] = [
  "PRIMARY_SCHOOL",
  "PRIMARY_SCHOOL",
  "PRIMARY_SCHOOL",
  "SECONDARY_SCHOOL",
  "SECONDARY_SCHOOL",
  "SECONDARY_SCHOOL",
  "SPECIAL_SCHOOL",
  "INDEPENDENT_SCHOOL",
  "ALTERNATIVE_PROVISION",
];
/** Where people who work with children work, schools most often (for scenarios that fit anyone). */
const ANY_WORKPLACE: readonly Sector[] = [
  "PRIMARY_SCHOOL",
  "PRIMARY_SCHOOL",
  "PRIMARY_SCHOOL",
  "SECONDARY_SCHOOL",
  "SECONDARY_SCHOOL",
  "SECONDARY_SCHOOL",
  "EARLY_YEARS_NURSERY",
  "EARLY_YEARS_NURSERY",
  "SPECIAL_SCHOOL",
  "FURTHER_EDUCATION",
  "INDEPENDENT_SCHOOL",
  "HEALTH_ACUTE",
  "HEALTH_AMBULANCE",
  "HEALTH_GP",
  "CHILDRENS_SOCIAL_CARE",
  "RESIDENTIAL_CHILDRENS_HOME",
  "FOSTERING",
  "SPORTS_LEISURE",
  "TRANSPORT",
  "POLICE",
  "PROBATION_YOUTH_JUSTICE",
  "CAFCASS",
  "LOCAL_AUTHORITY_OTHER",
  "ADOPTION",
  "ARMED_FORCES",
];

// ---------------------------------------------------------------------------
// Referral scenarios: what happened, in the referrer's words
// ---------------------------------------------------------------------------

/** What a summary can say about the people in it. */
export type Story = {
  /** "Mark Davies", or "the teaching assistant" when no professional is named */
  who: string;
  /** named: "Mark Davies, {role},"; unnamed: "{role}" */
  as: (role: string) => string;
  they: string;
  their: string;
  them: string;
  named: boolean;
  /** "a Year 4 girl", "a 3-year-old boy", "a 15-year-old" */
  child: string;
  age: number;
  place: string;
  day: string;
  year: number;
  years: number;
};

export type Scenario = {
  key: string;
  weight: number;
  sectors: readonly Sector[];
  jobTitles?: readonly string[];
  harm: HarmCategory[];
  restraint?: boolean;
  /** the threshold decisions this kind of contact plausibly reaches */
  decisions: readonly DecisionCategory[];
  madeBy: AllegationMadeBy;
  /** "employer" (default), a parent, a member of the public, or another agency's sector */
  referredBy?: "employer" | "parent" | "public" | Sector;
  /** the referrer gives no name and no employer (so never a named professional) */
  nobodyNamed?: true;
  /** where advice on it is usually redirected */
  redirects?: readonly RedirectTarget[];
  location: string;
  children: [number, number];
  ages?: [number, number];
  summary: (s: Story) => string;
};

export const scenarios: readonly Scenario[] = [
  {
    key: "grabbed-arm",
    weight: 10,
    sectors: SCHOOLS,
    harm: ["PHYSICAL"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "CHILD",
    location: "Corridor outside the classroom",
    children: [1, 1],
    redirects: ["LOW_LEVEL_CONCERNS", "EMPLOYER_HR"],
    summary: (s) =>
      `At lunchtime on ${s.day}, ${s.child} told the class teacher that ${s.who} had grabbed them by the upper arm and pulled them out of the line for talking. The class teacher saw red finger marks on the arm and the DSL photographed them. ${cap(s.who)} says ${s.they} only guided the pupil by the elbow. Parents were told the same afternoon.`,
  },
  {
    key: "rough-handling",
    weight: 5,
    sectors: ["EARLY_YEARS_NURSERY"],
    harm: ["PHYSICAL", "EMOTIONAL"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "COLLEAGUE",
    location: "Toddler room",
    children: [1, 1],
    redirects: ["LOW_LEVEL_CONCERNS", "OFSTED"],
    summary: (s) =>
      `A colleague saw ${s.who} lift ${s.child} by one arm during nappy changing and say "stop being a baby" when the child cried. The colleague told the room leader the same afternoon. We checked the child and found no marks. ${cap(s.who)} has worked here for ${s.years} years with no previous concerns. We have not spoken to ${s.them} yet because we wanted advice first.`,
  },
  {
    key: "shouted-humiliated",
    weight: 7,
    sectors: ["PRIMARY_SCHOOL", "PRIMARY_SCHOOL", "SECONDARY_SCHOOL", "SECONDARY_SCHOOL", "INDEPENDENT_SCHOOL", "SPORTS_LEISURE", "OTHER"],
    harm: ["EMOTIONAL"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN"],
    madeBy: "PARENT_CARER",
    location: "Classroom",
    children: [1, 1],
    redirects: ["LOW_LEVEL_CONCERNS", "EMPLOYER_HR"],
    summary: (s) =>
      `A parent has complained that ${s.who} shouted at ${s.child} in front of the group, called them "thick" and tore up their work. Two other children gave the same account when we spoke to them. The parent has also posted about it on a local Facebook group. We would like advice on whether this needs the LADO or can be dealt with under our own procedures.`,
  },
  {
    key: "snapchat-messages",
    weight: 6,
    sectors: ["SECONDARY_SCHOOL", "FURTHER_EDUCATION", "SPORTS_LEISURE", "INDEPENDENT_SCHOOL"],
    harm: ["ONLINE_CONDUCT", "SEXUAL"],
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "PARENT_CARER",
    location: "Online (Snapchat)",
    children: [1, 1],
    ages: [13, 17],
    summary: (s) =>
      `${cap(s.child)} showed their mother Snapchat messages from ${s.who}, sent late in the evening over the past three weeks. The messages compliment the young person's appearance and ask them to keep the chat "between us". Mum brought screenshots into ${s.place} this morning. ${cap(s.who)} has not been told and is in work today. The police have not yet been informed.`,
  },
  {
    key: "restraint",
    weight: 5,
    sectors: ["SPECIAL_SCHOOL", "RESIDENTIAL_CHILDRENS_HOME", "ALTERNATIVE_PROVISION"],
    harm: ["PHYSICAL"],
    restraint: true,
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "PARENT_CARER",
    location: "Corridor by the main entrance",
    children: [1, 1],
    summary: (s) =>
      `${cap(s.child)}, who has an EHCP and a diagnosis of autism, became distressed and tried to leave the building. ${cap(s.who)} and a colleague used a two-person hold under the child's positive handling plan. Afterwards the child complained of pain in the wrist and a parent took them to A&E, where a sprain was recorded. The parent says the hold went on far longer than needed. The incident was logged, but the restraint record was not completed until two days later.`,
  },
  {
    key: "foster-smacking",
    weight: 4,
    sectors: ["FOSTERING"],
    jobTitles: ["Foster carer"],
    harm: ["PHYSICAL"],
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "CHILD",
    referredBy: "CHILDRENS_SOCIAL_CARE",
    location: "Foster home",
    children: [1, 2],
    ages: [5, 15],
    summary: (s) =>
      `${cap(s.child)} placed with ${s.who} told their social worker during a statutory visit that the carer smacks them on the leg for lying and that it has happened "a few times". The child did not want to go back after the visit and is staying with a respite carer tonight. Two other looked-after children live in the household. The supervising social worker has been told.`,
  },
  {
    key: "coach-gifts",
    weight: 5,
    sectors: ["SPORTS_LEISURE", "VOLUNTARY_COMMUNITY", "ARMED_FORCES"],
    harm: ["SEXUAL", "ONLINE_CONDUCT"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "COLLEAGUE",
    location: "Training ground and online",
    children: [1, 1],
    ages: [11, 16],
    summary: (s) =>
      `Our welfare officer has been told by another coach that ${s.who} has been giving ${s.child} lifts home after training, bought them new boots and messages them on WhatsApp outside club hours. The child's parents did not know about the lifts. No physical contact is alleged at this stage. ${cap(s.who)} is a volunteer whose DBS check dates from ${s.year - 4}.`,
  },
  {
    key: "domestic-arrest",
    weight: 6,
    sectors: ANY_WORKPLACE,
    harm: ["SUITABILITY"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "OTHER_PROFESSIONAL",
    referredBy: "POLICE",
    location: "Subject's home (outside work)",
    children: [0, 0],
    summary: (s) =>
      `Officers attended a domestic incident at the weekend at the home of ${s.who}, who works at ${s.place}. ${cap(s.their)} partner had a facial injury and ${s.who} was arrested for assault. The couple's two children, aged 4 and 7, were in the house. ${cap(s.who)} has been released on bail with conditions not to contact the partner. We are making this referral because of the transferable risk to children at work.`,
  },
  {
    key: "indecent-images",
    weight: 3,
    sectors: ANY_WORKPLACE,
    harm: ["SEXUAL", "ONLINE_CONDUCT", "SUITABILITY"],
    decisions: ["ALLEGATION"],
    madeBy: "OTHER_PROFESSIONAL",
    referredBy: "POLICE",
    location: "Subject's home (outside work)",
    children: [0, 0],
    summary: (s) =>
      `On ${s.day} police executed a warrant at the home address of ${s.who} as part of an investigation into the sharing of indecent images of children online. Devices were seized and ${s.who} was interviewed under caution and released under investigation. There is no allegation about any child at ${s.place}, but the role there involves regular unsupervised contact with children.`,
  },
  {
    key: "taxi-comments",
    weight: 4,
    sectors: ["TRANSPORT"],
    jobTitles: ["Taxi driver", "Minibus driver"],
    harm: ["SEXUAL", "EMOTIONAL"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "PARENT_CARER",
    location: "School transport vehicle",
    children: [1, 1],
    ages: [8, 17],
    summary: (s) =>
      `${cap(s.child)}, who travels to school on council-arranged transport, told their parent that ${s.as("the driver")} made comments about their body and asked whether they had a boyfriend or girlfriend. The passenger assistant was off sick that day, so the child was alone with the driver. The parent has asked for a different driver and wants to know what happens next.`,
  },
  {
    key: "ward-remarks",
    weight: 3,
    sectors: ["HEALTH_ACUTE", "HEALTH_MENTAL_HEALTH"],
    harm: ["SEXUAL", "EMOTIONAL"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "COLLEAGUE",
    location: "Children's ward",
    children: [1, 1],
    ages: [13, 17],
    summary: (s) =>
      `A staff nurse raised a concern that ${s.who} made remarks about the appearance of ${s.child} on the ward and sat on the young person's bed for long periods chatting during night shifts. The ward sister has spoken to ${s.who}, who says ${s.they} only wanted to put the patient at ease. The young person has not complained. We have moved ${s.them} to an adult ward while we take advice.`,
  },
  {
    key: "youth-leader-hugs",
    weight: 3,
    sectors: ["FAITH_ORGANISATION", "VOLUNTARY_COMMUNITY"],
    harm: ["SEXUAL", "EMOTIONAL"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "PARENT_CARER",
    location: "Church hall office",
    children: [1, 2],
    ages: [12, 17],
    summary: (s) =>
      `Parents of two young people in the youth group have told our safeguarding officer that ${s.who} holds one-to-one "mentoring" sessions in the office with the door closed, and hugs young people in a way that makes them uncomfortable. No one has said that anything sexual happened. ${cap(s.who)} has agreed to step back from the group while we seek advice.`,
  },
  {
    key: "residential-punch",
    weight: 4,
    sectors: ["RESIDENTIAL_CHILDRENS_HOME", "SECURE_ESTATE"],
    harm: ["PHYSICAL"],
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "CHILD",
    location: "Lounge of the children's home",
    children: [1, 1],
    ages: [12, 17],
    summary: (s) =>
      `${cap(s.child)} living at ${s.place} says that ${s.who} punched them in the stomach during an argument about phone time on ${s.day} night. Another young person says they saw it. ${cap(s.who)} says the young person became aggressive and was held briefly to stop them damaging property. No injury has been seen and the young person has been offered a medical.`,
  },
  {
    key: "changing-room-photos",
    weight: 3,
    sectors: ["SPORTS_LEISURE", "LOCAL_AUTHORITY_OTHER"],
    jobTitles: ["Swimming instructor", "Lifeguard", "Gymnastics coach"],
    harm: ["SEXUAL", "SUITABILITY"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "PARENT_CARER",
    location: "Pool side and changing area",
    children: [0, 2],
    ages: [6, 12],
    summary: (s) =>
      `A parent watching from the gallery saw ${s.who} taking photographs of children near the changing area on a personal mobile phone. When challenged, ${s.who} said the photos were for a social media post about the club gala. Our policy says only club devices may be used, and never near the changing areas. The phone has not been checked.`,
  },
  {
    key: "tutor-messages",
    weight: 3,
    sectors: ["PRIVATE_TUTORING_CHILDCARE"],
    jobTitles: ["Private tutor"],
    harm: ["SEXUAL", "ONLINE_CONDUCT"],
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "PARENT_CARER",
    referredBy: "parent",
    location: "Online (messages)",
    children: [1, 1],
    ages: [11, 15],
    summary: (s) =>
      `A mother found messages on her ${s.age}-year-old's tablet from ${s.as("the family's private maths tutor")} asking for photographs "just for me" and suggesting they meet at a coffee shop without telling anyone. The tutor is self-employed and also tutors other children in the area through an agency. The mother has screenshots and has reported it to police on 101.`,
  },
  {
    key: "offensive-posts",
    weight: 4,
    sectors: [
      "HEALTH_MENTAL_HEALTH",
      "CHILDRENS_SOCIAL_CARE",
      "SECONDARY_SCHOOL",
      "PRIMARY_SCHOOL",
      "EARLY_YEARS_NURSERY",
      "VOLUNTARY_COMMUNITY",
    ],
    harm: ["SUITABILITY", "ONLINE_CONDUCT"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN"],
    madeBy: "ANONYMOUS",
    location: "Social media (outside work)",
    children: [0, 0],
    redirects: ["EMPLOYER_HR", "NOT_WITHIN_REMIT"],
    summary: (s) =>
      `We have received an anonymous email with screenshots of public social media posts by ${s.who} containing offensive and discriminatory comments about asylum-seeking children. ${cap(s.who)} works directly with children and families at ${s.place}. No particular child is said to have been harmed. We would like advice on whether this meets the threshold for a referral.`,
  },
  {
    key: "supply-threw",
    weight: 4,
    sectors: ["PRIMARY_SCHOOL", "PRIMARY_SCHOOL", "SECONDARY_SCHOOL", "SECONDARY_SCHOOL", "ALTERNATIVE_PROVISION"],
    jobTitles: ["Supply teacher"],
    harm: ["PHYSICAL", "EMOTIONAL"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "CHILD",
    location: "Classroom",
    children: [1, 2],
    ages: [9, 15],
    summary: (s) =>
      `${cap(s.as("a supply teacher placed with us by an agency"))} threw a board rubber towards a group of pupils who were talking. It hit ${s.child} on the shoulder. There was no visible injury. Several pupils have written statements. The agency has been told and has asked for the LADO's view before placing the teacher anywhere else.`,
  },
  {
    key: "drink-driving",
    weight: 4,
    sectors: ANY_WORKPLACE,
    harm: ["SUITABILITY"],
    decisions: ["ADVICE"],
    madeBy: "OTHER",
    location: "Outside work",
    children: [0, 0],
    redirects: ["EMPLOYER_HR", "NOT_WITHIN_REMIT"],
    summary: (s) =>
      `${cap(s.who)} has told ${s.their} line manager that ${s.they} had been charged with drink driving after being stopped by police late on a Saturday night. No children were in the car, and the role does not involve driving. We would like to know whether the LADO needs to be involved.`,
  },
  {
    key: "neighbour-shouting",
    weight: 3,
    nobodyNamed: true,
    sectors: ["EARLY_YEARS_NURSERY", "OTHER"],
    harm: ["EMOTIONAL"],
    decisions: ["ADVICE"],
    madeBy: "MEMBER_OF_PUBLIC",
    referredBy: "public",
    location: "Neighbour's garden (outside work)",
    children: [0, 0],
    redirects: ["CHILDRENS_SOCIAL_CARE", "NOT_WITHIN_REMIT"],
    summary: () =>
      `A member of the public rang to say that a neighbour, who they believe works at a nursery, shouts and swears at their own children in the garden most evenings. The caller would not give the neighbour's name or the name of the nursery. The caller is worried about the children next door rather than any children at the nursery.`,
  },
  {
    key: "childminder-alone",
    weight: 4,
    sectors: ["EARLY_YEARS_CHILDMINDER"],
    jobTitles: ["Registered childminder"],
    harm: ["NEGLECT"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "PARENT_CARER",
    referredBy: "parent",
    location: "Childminder's home",
    children: [1, 2],
    redirects: ["OFSTED"],
    summary: (s) =>
      `A parent arrived early to collect ${s.child} and found the front door unlocked and three children under four alone in the living room while ${s.as("the registered childminder")} was next door. The childminder said ${s.they} had only popped out for a minute to take in a parcel. The parent has also told Ofsted.`,
  },
  {
    key: "sixth-former-relationship",
    weight: 3,
    sectors: ["FURTHER_EDUCATION", "SECONDARY_SCHOOL", "INDEPENDENT_SCHOOL"],
    harm: ["SEXUAL"],
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "OTHER",
    location: "Outside school",
    children: [1, 1],
    ages: [16, 17],
    summary: (s) =>
      `Students have reported that ${s.who} is in a relationship with ${s.child} in the sixth form. Photographs of the two of them together at a bar on ${s.day} are being shared among students. The student is ${s.age}. ${cap(s.who)} denies any relationship and says they met by chance. The student has made no disclosure.`,
  },
  {
    key: "allergy-ignored",
    weight: 3,
    sectors: ["PRIMARY_SCHOOL", "PRIMARY_SCHOOL", "EARLY_YEARS_NURSERY"],
    harm: ["NEGLECT", "PHYSICAL"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN"],
    madeBy: "PARENT_CARER",
    location: "Dining hall",
    children: [1, 1],
    ages: [3, 9],
    redirects: ["EMPLOYER_HR", "LOW_LEVEL_CONCERNS"],
    summary: (s) =>
      `${cap(s.child)}, who has a recorded dairy allergy, was given a yoghurt by ${s.who} at lunch after being told they were "making a fuss". The child had a mild reaction and was given antihistamine by the first aider. The parents are very upset and say this is the second time staff have ignored the care plan.`,
  },
  {
    key: "personal-number",
    weight: 4,
    sectors: ["SECONDARY_SCHOOL", "FURTHER_EDUCATION"],
    harm: ["SUITABILITY", "ONLINE_CONDUCT"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN"],
    madeBy: "COLLEAGUE",
    location: "Online (WhatsApp)",
    children: [0, 1],
    ages: [14, 17],
    redirects: ["LOW_LEVEL_CONCERNS"],
    summary: (s) =>
      `${cap(s.who)} gave ${s.their} personal mobile number to a group of Year 10 students so they could ask about coursework in the holidays, and has added some of them to a WhatsApp group. Nothing inappropriate has been seen in the messages we have looked at, but this is against our staff code of conduct.`,
  },
  {
    key: "ruler-evening-classes",
    weight: 2,
    sectors: ["FAITH_ORGANISATION", "OTHER"],
    jobTitles: ["Madrassah teacher", "Supplementary school teacher"],
    harm: ["PHYSICAL"],
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "CHILD",
    referredBy: "PRIMARY_SCHOOL",
    location: "Evening classes",
    children: [1, 2],
    ages: [6, 11],
    summary: (s) =>
      `${cap(s.child)} told their teacher at school that at evening classes at ${s.place}, ${s.who} hits pupils on the hand with a ruler when they get answers wrong. Another child from the same class has said the same. The parents did not know. The setting is not registered with Ofsted.`,
  },
  {
    key: "contact-session",
    weight: 2,
    sectors: ["CHILDRENS_SOCIAL_CARE"],
    jobTitles: ["Contact supervisor", "Family support worker"],
    harm: ["PHYSICAL", "EMOTIONAL"],
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "PARENT_CARER",
    location: "Family contact centre",
    children: [1, 2],
    ages: [3, 10],
    summary: (s) =>
      `A parent has complained that during supervised contact on ${s.day}, ${s.who} pushed ${s.child} down into a chair and said "sit still or contact ends now". The parent filmed part of it on their phone. ${cap(s.who)} accepts raising ${s.their} voice but denies any physical contact.`,
  },
];

/** A scenario by weight, optionally one that can reach `decision`; with a named professional unless `named` is false. */
export function pickScenario(decision?: DecisionCategory, named = true): Scenario {
  const fitting = scenarios.filter((s) => (!decision || s.decisions.includes(decision)) && (!named || !s.nobodyNamed));
  return faker.helpers.weightedArrayElement(fitting.map((value) => ({ weight: value.weight, value })));
}

// ---------------------------------------------------------------------------
// The case and its records: overrides and the defaults that fill them
// ---------------------------------------------------------------------------

type Fields<T> = Partial<Omit<T, "id" | "caseId">>;
export type CaseFields = Partial<Omit<Prisma.CaseCreateManyInput, "id" | "reference">>;
export type ReferrerFields = Fields<Prisma.ReferrerCreateManyInput>;
export type SubjectFields = Fields<Prisma.PersonCreateManyInput>;
export type ChildFields = Fields<Prisma.ChildCreateManyInput>;
export type DecisionFields = Omit<Fields<Prisma.ThresholdDecisionCreateManyInput>, "revision">;
export type AdviceFields = Fields<Prisma.AdviceRecordCreateManyInput>;
export type EmployerInvestigationFields = Fields<Prisma.EmployerInvestigationCreateManyInput>;
export type ActionFields = Omit<Fields<Prisma.ActionCreateManyInput>, "meetingId">;
export type AttendeeFields = Omit<Fields<Prisma.MeetingAttendeeCreateManyInput>, "meetingId">;
export type MeetingInput = Fields<Prisma.MeetingCreateManyInput> & { attendees?: AttendeeFields[]; actions?: ActionFields[] };
export type PoliceUpdateFields = Omit<Fields<Prisma.PoliceUpdateCreateManyInput>, "policeId">;
export type PoliceChallengeFields = Omit<Fields<Prisma.PoliceChallengeCreateManyInput>, "policeId">;
export type PoliceInput = Fields<Prisma.PoliceInvolvementCreateManyInput> & {
  updates?: PoliceUpdateFields[];
  challenges?: PoliceChallengeFields[];
};
export type Section47Fields = Fields<Prisma.Section47EnquiryCreateManyInput>;
export type EmployerActionFields = Fields<Prisma.EmployerActionCreateManyInput>;
export type OutcomeFields = Fields<Prisma.OutcomeCreateManyInput>;
export type OnwardReferralFields = Fields<Prisma.OnwardReferralCreateManyInput>;
export type DelayReasonFields = Fields<Prisma.DelayReasonCreateManyInput>;
export type ClosureFields = Fields<Prisma.ClosureCreateManyInput>;

/**
 * What to put on a case. Everything is optional: `createCase(db)` makes a
 * contact awaiting a decision. Each record given is completed with realistic
 * defaults; `decisions` get revisions 1..n in order. Officer fields
 * (decidedById, recordedById...) default to allocatedToId.
 */
export type CaseOverrides = CaseFields & {
  /** what happened (summary, harm, sector, job); by default one that fits the last decision */
  scenario?: Scenario;
  /** the allocated officer, also the default decision maker and meeting chair (or give allocatedToId) */
  allocatedTo?: Pick<User, "id" | "name">;
  /** the subject's employer; null for none; by default a new organisation of the subject's sector */
  employer?: OrgRef | null;
  /** the referrer's organisation; by default the employer, or a new one for another agency */
  referrerOrganisation?: OrgRef | null;
  referrer?: ReferrerFields;
  /** the person the concern is about; give identityId to add a contact about someone already known */
  subject?: SubjectFields;
  children?: ChildFields[];
  decisions?: DecisionFields[];
  advice?: AdviceFields;
  employerInvestigation?: EmployerInvestigationFields;
  meetings?: MeetingInput[];
  /** actions not agreed at a meeting */
  actions?: ActionFields[];
  police?: PoliceInput;
  section47?: Section47Fields;
  employerAction?: EmployerActionFields;
  outcome?: OutcomeFields;
  onwardReferrals?: OnwardReferralFields[];
  delayReasons?: DelayReasonFields[];
  closures?: ClosureFields[];
};

/** Facts the default text of one case is written from. */
type Context = {
  receivedAt: Date;
  officerId: string | null;
  officerName: string | null;
  who: string;
  place: string;
  sector: Sector;
  jobTitle: string | null;
  harm: HarmCategory[];
  policeInvolved: boolean;
};

function subjectData(scenario: Scenario, sector: Sector, named: boolean, hasEmployer: boolean, receivedAt: Date, fields: SubjectFields) {
  const sex =
    fields.sex ??
    faker.helpers.weightedArrayElement<Sex>([
      { weight: 56, value: "MALE" },
      { weight: 43, value: "FEMALE" },
      ...(named ? [] : [{ weight: 20, value: "NOT_KNOWN" as const }]),
    ]);
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
        employmentBasis: jobTitle ? employmentBasisFor(jobTitle) : null,
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
    sector,
    employerName: !hasEmployer && chance(0.4) ? pick(ORGANISATION_NAMES[sector])() : null,
    ...data,
    ...fields,
  };
}

function childData(sector: Sector, ages: [number, number] | undefined, place: string, fields: ChildFields) {
  const [min, max] = ages ?? CHILD_AGES[sector] ?? [4, 16];
  const sex = faker.helpers.weightedArrayElement<Sex>([
    { weight: 48, value: "FEMALE" },
    { weight: 48, value: "MALE" },
    { weight: 4, value: "NOT_KNOWN" },
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
function describeChild(child: { ageYears?: number | null; sex?: Sex | null } | undefined, sector: Sector) {
  if (!child?.ageYears) return "a child";
  const noun = child.sex === "FEMALE" ? "girl" : child.sex === "MALE" ? "boy" : "";
  if ((SCHOOLS as readonly Sector[]).includes(sector) && child.ageYears >= 5 && child.ageYears <= 16) {
    return `a Year ${child.ageYears - 4} ${noun || "pupil"}`;
  }
  return `a ${child.ageYears}-year-old${noun ? ` ${noun}` : ""}`;
}

function referrerData(scenario: Scenario, organisation: OrgRef | null, source: ContactSource, fields: ReferrerFields) {
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
    seniorManagerAware: faker.helpers.weightedArrayElement([
      { weight: 80, value: "YES" as const },
      { weight: 12, value: "NO" as const },
      { weight: 8, value: "UNKNOWN" as const },
    ]),
    ...fields,
  };
}

const CRITERIA_TEXT: Record<HarmCriterion, string> = {
  HARMED_CHILD: "may have harmed a child",
  CRIMINAL_OFFENCE: "may have committed a criminal offence against or related to a child",
  RISK_OF_HARM: "has behaved in a way that indicates a possible risk of harm to children",
  UNSUITABLE: "may not be suitable to work with children",
};

function harmCriteriaFor(harm: readonly HarmCategory[]): HarmCriterion[] {
  const criteria = new Set<HarmCriterion>();
  if (harm.includes("PHYSICAL") || harm.includes("NEGLECT") || harm.includes("EMOTIONAL")) criteria.add("HARMED_CHILD");
  if (harm.includes("SEXUAL")) (["CRIMINAL_OFFENCE", "RISK_OF_HARM"] as const).forEach((c) => criteria.add(c));
  if (harm.includes("ONLINE_CONDUCT")) criteria.add("RISK_OF_HARM");
  if (harm.includes("SUITABILITY")) criteria.add("UNSUITABLE");
  if (harm.includes("PHYSICAL") && chance(0.4)) criteria.add("CRIMINAL_OFFENCE");
  return criteria.size ? [...criteria] : ["UNSUITABLE"];
}

const joinAnd = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

function rationaleFor(category: DecisionCategory, criteria: HarmCriterion[], c: Context, revised: boolean) {
  const why = {
    ADVICE: [
      `The information given does not suggest that ${c.who} has harmed a child, may have committed an offence against or related to a child, has behaved in a way that indicates a risk of harm, or may be unsuitable to work with children. The harm threshold is not met. Advice and guidance given to the referrer.`,
      `Threshold not met. This is a conduct matter for the employer rather than a safeguarding allegation. Advice given on managing it under the staff code of conduct and on keeping a record.`,
      `Discussed with the referrer. On the information available none of the four harm criteria apply. Advice given, and the referrer knows to come back to the LADO if anything further comes to light.`,
    ],
    CAUSE_FOR_CONCERN: [
      `The harm threshold is not met, but the behaviour falls short of the standards expected and needs looking into. Agreed that the employer will carry out its own investigation and report the result to the LADO.`,
      `Below the harm threshold. There is a pattern of poor judgement that the employer needs to address. To be managed as a cause for concern through the employer's internal process, with LADO oversight.`,
    ],
    ALLEGATION: [
      `The harm threshold is met: ${c.who} ${joinAnd(criteria.map((k) => CRITERIA_TEXT[k]))}. This is an allegation against a member of staff or volunteer; an evaluation (ASV) meeting is to be held within 5 working days.`,
      `Meets the harm threshold (${joinAnd(criteria.map((k) => CRITERIA_TEXT[k]))}). Police to be consulted before the subject is told. ASV meeting to be arranged with the employer, police and children's social care.`,
    ],
  }[category];
  const revision = revised
    ? `Decision revised: ${pick(["a second child has made a similar disclosure", "police have shared information about previous concerns", "the employer's initial enquiries found messages on a work device", "the referrer has sent a fuller account from a witness"])}. `
    : "";
  return revision + pick(why);
}

function decisionData(c: Context, previous: Date | undefined, fields: DecisionFields) {
  const category = fields.category ?? "ADVICE";
  const revised = previous !== undefined;
  const criteria = category === "ALLEGATION" ? harmCriteriaFor(c.harm) : [];
  return {
    category,
    harmCriteria: criteria,
    harmCategories: c.harm,
    rationale: rationaleFor(category, criteria, c, revised),
    decidedById: c.officerId,
    decidedAt: notAfterNow(previous ? officeTime(previous, between(3, 15)) : officeTime(c.receivedAt, chance(0.85) ? 0 : 1)),
    ...fields,
  };
}

const ADVICE_TEXT: Record<RedirectTarget | "NONE", (c: Context) => string> = {
  NONE: (c) =>
    pick([
      `Advised the DSL to speak to ${c.who}, go over the staff code of conduct, make a written record and monitor. To contact the LADO again if there are further concerns.`,
      `Advised the employer to record this as a conduct matter and to go over the relevant policy with the staff team. Suggested refresher safeguarding training.`,
      `Talked through the harm threshold with the referrer. Advised them to get short written accounts from the staff who were present and keep them on file. No further LADO involvement needed at this stage.`,
    ]),
  CHILDRENS_SOCIAL_CARE: () =>
    `The concern is about the person's care of their own children, not their work. Passed to the children's services front door (MASH) the same day, and told the caller how to contact them directly.`,
  POLICE: () =>
    `A possible offence with no link to work with children. Advised the caller to report it to police on 101, or 999 in an emergency.`,
  EMPLOYER_HR: () => `Not a safeguarding matter. Advised the employer to deal with it under its disciplinary and HR procedures.`,
  LOW_LEVEL_CONCERNS: () =>
    `Below the harm threshold and consistent with a low-level concern. Advised the setting to record it under its low-level concerns policy and speak to the member of staff.`,
  OFSTED: () => `Advised the referrer to notify Ofsted, as the regulator of the setting, and to keep a record of the notification.`,
  OTHER_LA_LADO: () =>
    `The person works in another local authority's area. Passed the referral to that authority's LADO with the referrer's agreement, and told the referrer.`,
  NOT_WITHIN_REMIT: () =>
    `The person does not work or volunteer with children, so this is outside the LADO's remit. Signposted the caller to the right service.`,
};

function adviceData(c: Context, decidedAt: Date, fields: AdviceFields) {
  const target = fields.redirectedTo ?? null;
  const sent = officeTime(decidedAt, between(0, 3));
  return {
    adviceGiven: ADVICE_TEXT[target ?? "NONE"](c),
    redirectedTo: target,
    redirectDetail:
      target === "OTHER_LA_LADO"
        ? `LADO, ${pick(PLACES)} Council`
        : target === "CHILDRENS_SOCIAL_CARE"
          ? "Children's services front door (MASH)"
          : null,
    recordedAt: decidedAt,
    followUpSentAt: sent <= now() ? sent : null,
    ...fields,
  };
}

function employerInvestigationData(c: Context, agreedAt: Date, fields: EmployerInvestigationFields) {
  const received = toDate(fields.resultReceivedAt);
  return {
    agreedActions: pick([
      `The employer will interview ${c.who} and the witnesses, check CCTV if there is any, and send the LADO a written summary of its findings within 20 working days.`,
      `The manager will meet ${c.who} to go through the concern, review the relevant policy, and report back to the LADO with the result and any action taken.`,
    ]),
    agreedAt,
    investigator: `${personName().full}, ${pick(["HR business partner", "deputy headteacher", "nursery manager", "service manager"])}`,
    result: received
      ? pick([
          `Concern partly upheld. ${cap(c.who)} has been given management advice and will complete refresher safeguarding training.`,
          `The investigation found no evidence to support the concern. No further action.`,
          `Concern upheld. A written warning has been given and the staff code of conduct re-issued to all staff.`,
          `${cap(c.who)} resigned before the investigation meeting. The employer has kept a record on the personnel file.`,
        ])
      : null,
    ...fields,
  };
}

const ACTIONS = {
  employer: [
    "Confirm the suspension and the named contact to the subject in writing",
    "Send a chronology of any previous concerns and the subject's training record",
    "Check the single central record entry and references for the subject",
    "Write to the parents with an update agreed with police",
    "Share the outcome of the disciplinary investigation with the LADO",
  ],
  police: [
    "Arrange an achieving best evidence (ABE) interview with the child",
    "Update the LADO after the suspect interview",
    "Confirm whether devices will be examined and the likely timescale",
  ],
  socialCare: [
    "Hold a strategy discussion and decide whether a section 47 enquiry is needed",
    "Visit the child and family and share the outcome",
  ],
  lado: [
    "Send the minutes to all attendees",
    "Write to the referrer confirming the decision",
    "Chase police for an update before the next review",
  ],
} as const;

function actionData(c: Context, from: Date, fields: ActionFields) {
  const owner = pick(["employer", "police", "socialCare", "lado"] as const);
  const due = dateOnly(addDays(from, between(5, 15)));
  const status: ActionStatus = fields.status ?? "OPEN";
  return {
    description: pick(ACTIONS[owner]),
    ownerName: owner === "lado" ? "LADO" : personName().full,
    ownerAgency: { employer: c.place, police: pick(POLICE_FORCES), socialCare: "Children's social care", lado: "LADO service" }[owner],
    ownerUserId: owner === "lado" ? c.officerId : null,
    dueDate: due,
    status,
    completedAt: status === "DONE" ? notAfterNow(officeTime(addDays(due, -between(1, 4)))) : null,
    createdAt: from,
    ...fields,
  };
}

const MEETING_TEXT: Record<MeetingType, { shared: (c: Context) => string; decisions: string }> = {
  EVALUATION: {
    shared: (c) =>
      `The referrer summarised the concern and what the setting has done so far. ${c.policeInvolved ? "Police confirmed a crime report has been made and shared their plan for interviewing the child." : "Police confirmed there is no role for them at this stage."} Children's social care checked their records: the child is not open to a social worker.`,
    decisions:
      "Harm threshold confirmed. Employer to consider suspension and the alternatives. The subject is not to be told of the allegation until police agree. Review in four weeks.",
  },
  REVIEW: {
    shared: (c) =>
      `Updates from ${c.policeInvolved ? "police and " : ""}the employer on progress since the last meeting. The subject's welfare and the named contact arrangements were discussed.`,
    decisions: "Enquiries continue. Actions updated as below. Next review in four weeks.",
  },
  OUTCOME: {
    shared: () =>
      `Police and employer enquiries are complete. The evidence was considered against the definitions in Keeping Children Safe in Education, Part 4.`,
    decisions:
      "Outcome agreed. The employer will confirm its final action in writing and the LADO will write to the subject and the employer.",
  },
};

function attendeesFor(c: Context): AttendeeFields[] {
  const people = [
    { agency: "LADO service", role: "LADO (chair)", name: c.officerName ?? personName().full },
    { agency: c.place, role: pick(["Headteacher", "HR manager", "Registered manager", "Service manager"]) },
    { agency: "Children's social care", role: "Social worker" },
    ...(c.policeInvolved ? [{ agency: pick(POLICE_FORCES), role: "Investigating officer" }] : []),
    ...(chance(0.5) ? [{ agency: "Schools HR service", role: "HR adviser" }] : []),
  ];
  return people.map((p, i) => ({ name: personName().full, ...p, attended: i < 2 || chance(0.85) }));
}

function meetingData(c: Context, type: MeetingType, fields: Omit<MeetingInput, "attendees" | "actions">) {
  const heldAt = toDate(fields.heldAt) ?? notAfterNow(officeTime(c.receivedAt, type === "EVALUATION" ? between(2, 5) : 20));
  const minutesSentAt = officeTime(heldAt, between(1, 4));
  return {
    type,
    heldAt,
    informationShared: MEETING_TEXT[type].shared(c),
    decisions: MEETING_TEXT[type].decisions,
    nextReviewDate: type === "OUTCOME" ? null : dateOnly(addDays(heldAt, 28)),
    minutesSentAt: minutesSentAt <= now() ? minutesSentAt : null,
    createdAt: heldAt,
    ...fields,
  };
}

const POLICE_NOTES: Record<PoliceStatus, readonly string[]> = {
  NOT_INVOLVED: ["Police consulted at the strategy discussion: no criminal offence is alleged, so no police investigation."],
  CONSIDERING: ["Crime report created. The officer in the case will decide whether to investigate after speaking to the parents."],
  INVESTIGATING: [
    "Child's ABE interview completed. Suspect interview being arranged.",
    "Suspect interviewed under caution and released under investigation. Devices sent for examination.",
    "Still awaiting the results of the device examination; no date yet.",
    "File being prepared for CPS charging advice.",
    "Witness statements taken from two members of staff.",
  ],
  CHARGED: ["Charged and bailed to appear at the magistrates' court. Bail conditions: no unsupervised contact with children."],
  COURT: ["First hearing held; case sent to the Crown Court. Plea of not guilty entered.", "Trial date set for the spring."],
  NFA: ["No further action: the evidential threshold for a charge is not met. Police are content for the employer's process to go ahead."],
  CONCLUDED: ["Found guilty at the Crown Court and sentenced.", "Pleaded guilty at the magistrates' court; sentence passed."],
};

const CHALLENGE_TEXT = {
  CHALLENGE: {
    detail:
      "No update from the officer in the case for over four weeks. Emailed the officer and the team inbox asking for progress and an expected timescale.",
    response: "Officer replied that the device examination results are awaited, expected within six to eight weeks.",
  },
  ESCALATION: {
    detail:
      "Escalated to the detective inspector: the investigation has been open for more than three months with no clear timescale, and the subject remains suspended.",
    response: "The detective inspector confirmed the case has been reallocated and a charging decision is expected within four weeks.",
  },
} as const;

function policeData(c: Context, fields: Omit<PoliceInput, "updates" | "challenges">) {
  const force = fields.force ?? pick(POLICE_FORCES);
  const informedAt = toDate(fields.informedAt) ?? c.receivedAt;
  const officer = personName();
  return {
    force,
    reference: force.startsWith("Metropolitan")
      ? `CRIS ${faker.string.numeric(7)}/${String(informedAt.getUTCFullYear()).slice(2)}`
      : `${faker.string.numeric(2)}/${faker.string.numeric(6)}/${String(informedAt.getUTCFullYear()).slice(2)}`,
    officerName: `${pick(["DC", "DC", "DS", "PC"])} ${officer.full}`,
    officerContact: ukLandline(),
    informedAt,
    status: "INVESTIGATING" as const,
    openedAt: addDays(informedAt, between(0, 2)),
    ...fields,
  };
}

const policeUpdateData = (c: Context, fields: PoliceUpdateFields) => {
  const status = fields.status ?? "INVESTIGATING";
  return { at: notAfterNow(officeTime(c.receivedAt, 5)), status, note: pick(POLICE_NOTES[status]), recordedById: c.officerId, ...fields };
};

const policeChallengeData = (c: Context, fields: PoliceChallengeFields) => {
  const kind = fields.kind ?? "CHALLENGE";
  const at = toDate(fields.at) ?? notAfterNow(officeTime(c.receivedAt, 25));
  const answered = officeTime(at, between(2, 8));
  return {
    at,
    kind,
    detail: CHALLENGE_TEXT[kind].detail,
    response: answered <= now() ? CHALLENGE_TEXT[kind].response : null,
    respondedAt: answered <= now() ? answered : null,
    ...fields,
  };
};

function section47Data(c: Context, fields: Section47Fields) {
  const held = fields.held ?? chance(0.6);
  return {
    held,
    startedAt: held ? dateOnly(officeTime(c.receivedAt, between(1, 3))) : null,
    result: held
      ? pick([
          "Concerns not substantiated; no further social care action.",
          "Child in need plan put in place.",
          "Concerns substantiated; initial child protection conference held.",
        ])
      : "Strategy discussion held; threshold for a section 47 enquiry not met.",
    ...fields,
  };
}

const FINAL_ACTION_DETAIL: Record<EmployerFinalAction, string> = {
  NONE: "No action needed after the outcome.",
  MANAGEMENT_ADVICE: "Management advice given in a supervision meeting and recorded.",
  TRAINING: "To complete safer working practice and behaviour management training.",
  WRITTEN_WARNING: "Written warning, on file for 12 months.",
  FINAL_WARNING: "Final written warning after a disciplinary hearing.",
  DISMISSAL: "Dismissed for gross misconduct after a disciplinary hearing.",
  RESIGNED: "Resigned before the disciplinary hearing; the process was completed in their absence.",
  CEASED_TO_USE: "The agency and the setting have stopped using this person.",
  DEREGISTRATION: "Approval as a foster carer ended by the agency decision maker.",
  OTHER: "Moved to a role with no contact with children.",
};

function employerActionData(c: Context, fields: EmployerActionFields) {
  const suspended = fields.suspended ?? false;
  const suspendedAt = toDate(fields.suspendedAt) ?? officeTime(c.receivedAt, between(0, 2));
  const finalAction = fields.finalAction ?? null;
  return {
    suspensionConsidered: true,
    alternativesConsidered: faker.helpers.arrayElements(["REDEPLOYMENT", "SUPERVISION", "MOVE_CHILD"] as const, { min: 1, max: 2 }),
    suspended,
    redeployed: !suspended && chance(0.3),
    ...(suspended
      ? {
          suspendedAt: dateOnly(suspendedAt),
          suspensionRationale: `The allegation is serious${c.policeInvolved ? ", police are investigating" : ""} and the children could not be kept safe by redeployment or supervision while enquiries continue.`,
          suspensionAgreedBy: pick([
            "Chair of governors",
            "Head of HR",
            "Registered manager and responsible individual",
            "Director of education",
          ]),
          writtenConfirmationAt: dateOnly(officeTime(suspendedAt, chance(0.85) ? between(0, 1) : 3)),
          namedContact: `${personName().full}, ${pick(["deputy headteacher", "HR adviser", "assistant manager"])}`,
        }
      : {}),
    finalAction,
    finalActionDetail: finalAction ? FINAL_ACTION_DETAIL[finalAction] : null,
    ...fields,
  };
}

const OUTCOME_RATIONALE: Record<OutcomeType, readonly string[]> = {
  SUBSTANTIATED: [
    "There is sufficient identifiable evidence to prove the allegation: the child's account was consistent and was supported by a witness and by the injury recorded at the time.",
    "There is sufficient identifiable evidence to prove the allegation: the messages recovered show the conduct described.",
    "There is sufficient identifiable evidence to prove the allegation: the subject admitted the conduct at the disciplinary hearing.",
  ],
  UNSUBSTANTIATED: [
    "There is insufficient evidence either to prove or to disprove the allegation. The accounts conflict and there were no independent witnesses. This implies neither guilt nor innocence.",
  ],
  UNFOUNDED: [
    "There is no evidence or proper basis to support the allegation. The child may have misunderstood what happened; the subject's actions were in line with the setting's policy.",
  ],
  FALSE: ["There is sufficient evidence to disprove the allegation: CCTV shows the subject was not in the room at the time described."],
  MALICIOUS: [
    "There is clear evidence of a deliberate act to deceive: the young person has said the allegation was made up because of a sanction, and messages planning it were found. The allegation is entirely false.",
  ],
};

function outcomeData(c: Context, fields: OutcomeFields) {
  const outcome = fields.outcome ?? "UNSUBSTANTIATED";
  return {
    outcome,
    rationale: pick(OUTCOME_RATIONALE[outcome]),
    decidedAt: notAfterNow(officeTime(c.receivedAt, 20)),
    personResigned: false,
    refusedToCooperate: false,
    recordedById: c.officerId,
    ...fields,
  };
}

const ONWARD_DETAIL: Record<OnwardBody, string> = {
  DBS: "Referral under the duty to refer: the harm test is met and the person was removed from regulated activity.",
  TRA: "Referral to the Teaching Regulation Agency for consideration of a prohibition order.",
  OFSTED: "Ofsted notified by the registered provider, as required.",
  NMC: "Fitness to practise referral to the Nursing and Midwifery Council.",
  GMC: "Fitness to practise referral to the General Medical Council.",
  HCPC: "Fitness to practise referral to the Health and Care Professions Council.",
  SOCIAL_WORK_ENGLAND: "Fitness to practise referral to Social Work England.",
  FOSTERING_PANEL: "Carer's approval referred back to the fostering panel for review.",
  OTHER: "Referral to the national governing body's safeguarding team.",
};

function onwardReferralData(c: Context, fields: OnwardReferralFields) {
  const body = fields.body ?? "DBS";
  return {
    body,
    referredAt: dateOnly(notAfterNow(officeTime(c.receivedAt, 25))),
    reference: body === "DBS" ? `DBS-${faker.string.numeric(8)}` : null,
    detail: ONWARD_DETAIL[body],
    ...fields,
  };
}

const DELAY_REASONS = [
  "Police investigation ongoing: awaiting the results of the device examination.",
  "Awaiting a CPS charging decision.",
  "Criminal trial listed; the LADO process waits for the verdict.",
  "Employer's disciplinary hearing postponed: the subject is signed off sick.",
  "Awaiting the outcome of the section 47 enquiry.",
  "A key witness is unavailable until the start of the new term.",
] as const;

function delayReasonData(c: Context, fields: DelayReasonFields) {
  const recordedById = fields.recordedById ?? c.officerId;
  if (!recordedById) throw new Error("A delay reason needs recordedById (or the case's allocatedToId).");
  return { month: monthStart(addDays(c.receivedAt, 95)), reason: pick(DELAY_REASONS), ...fields, recordedById };
}

function closureData(c: Context, fields: ClosureFields) {
  return {
    proposedAt: notAfterNow(officeTime(c.receivedAt, 10)),
    proposedById: c.officerId,
    note: pick([
      "All actions complete; outcome letters sent to the subject and the employer.",
      "Advice followed up in writing; no further LADO involvement needed.",
      "Employer's investigation result received and reviewed; nothing further needed.",
      "Nothing outstanding. Case file complete.",
    ]),
    ...fields,
  };
}

function initialConsiderationText(c: Context) {
  return `Prior history checked: no previous contacts about ${c.who} or ${c.place}. ${pick([
    "No immediate safety action needed.",
    "Asked the employer to keep the subject away from the child until a decision is made.",
    "Checked with the referrer that the child is safe today and that parents know.",
    "Asked the referrer not to investigate further before the decision.",
  ])}`;
}

// ---------------------------------------------------------------------------
// createCase: every choice made up front, then one transaction
// ---------------------------------------------------------------------------

const SOURCES = [
  { weight: 45, value: "ONLINE_FORM" as const },
  { weight: 25, value: "PHONE" as const },
  { weight: 20, value: "EMAIL" as const },
  { weight: 4, value: "LETTER" as const },
  { weight: 6, value: "IN_PERSON" as const },
];

/** An organisation on a case: an existing one, or (with `create`) one to make with this id. */
type OrgPlan = { id: string; name: string; sector: Sector; create?: ReturnType<typeof organisationData> } | null;

function newOrganisation(sector: Sector): NonNullable<OrgPlan> {
  const create = organisationData(sector);
  return { id: randomUUID(), name: create.name, sector, create };
}

/**
 * Every choice for one case, made now (so faker's sequence decides it), as
 * plain rows for createCases. Ids are random UUIDs, not faker's.
 */
export function buildCase(overrides: CaseOverrides = {}) {
  const {
    scenario = pickScenario(overrides.decisions?.at(-1)?.category, overrides.namedProfessional ?? true),
    allocatedTo,
    employer: employerGiven,
    referrerOrganisation: referrerOrgGiven,
    referrer,
    subject,
    children,
    decisions,
    advice,
    employerInvestigation,
    meetings,
    actions,
    police,
    section47,
    employerAction,
    outcome,
    onwardReferrals,
    delayReasons,
    closures,
    ...caseFields
  } = overrides;
  const receivedAt = toDate(caseFields.receivedAt) ?? faker.date.recent({ days: 3 });
  const source = caseFields.source ?? faker.helpers.weightedArrayElement(SOURCES);
  const named = caseFields.namedProfessional ?? true;
  const sector = subject?.sector ?? pick(scenario.sectors);
  const by = scenario.referredBy ?? "employer";

  // The employer: as given, or a new one of the subject's sector (often none
  // known when no professional is named). The referrer's organisation: as
  // given, the employer, another agency's, or none (a parent, the public).
  const employer: OrgPlan =
    employerGiven !== undefined
      ? employerGiven
      : subject?.employerId
        ? { id: subject.employerId, name: "the setting", sector }
        : !scenario.nobodyNamed && (named || chance(0.4))
          ? newOrganisation(sector)
          : null;
  const referrerOrg: OrgPlan =
    referrerOrgGiven !== undefined
      ? referrerOrgGiven
      : referrer?.organisationId
        ? { id: referrer.organisationId, name: "", sector: "OTHER" }
        : by === "employer"
          ? employer
          : by === "parent" || by === "public"
            ? null
            : newOrganisation(by);

  const person = subjectData(scenario, sector, named, employer !== null, receivedAt, subject ?? {});
  const place = employer?.name ?? person.employerName ?? "the setting";
  const kids = (children ?? Array.from({ length: between(...scenario.children) }, () => ({}))).map((ch) =>
    childData(sector, scenario.ages, place, ch),
  );
  const who = named && person.firstName ? `${person.firstName} ${person.lastName}` : `the ${lower(person.jobTitle ?? "member of staff")}`;
  const sex = person.sex ?? null;
  const startYear = toDate(person.startDate)?.getUTCFullYear();
  const story: Story = {
    who,
    as: (role) => (named && person.firstName ? `${who}, ${role},` : role),
    they: sex === "MALE" ? "he" : sex === "FEMALE" ? "she" : "they",
    their: sex === "MALE" ? "his" : sex === "FEMALE" ? "her" : "their",
    them: sex === "MALE" ? "him" : sex === "FEMALE" ? "her" : "them",
    named,
    child: describeChild(kids[0], sector),
    age: kids[0]?.ageYears ?? 14,
    place,
    day: new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: TIME_ZONE }).format(addDays(receivedAt, -between(0, 3))),
    year: receivedAt.getUTCFullYear(),
    years: startYear ? Math.max(1, receivedAt.getUTCFullYear() - startYear) : 3,
  };
  const harm = Array.isArray(caseFields.reportedHarmCategories) ? caseFields.reportedHarmCategories : scenario.harm;
  const policeInvolved = police !== undefined && police.status !== "NOT_INVOLVED";
  const officerId = caseFields.allocatedToId ?? allocatedTo?.id ?? null;
  const c: Context = {
    receivedAt,
    officerId,
    officerName: allocatedTo?.name ?? null,
    who,
    place,
    sector,
    jobTitle: person.jobTitle ?? null,
    harm,
    policeInvolved,
  };

  const madeDecisions: (ReturnType<typeof decisionData> & { revision: number })[] = [];
  for (const d of decisions ?? [])
    madeDecisions.push({ ...decisionData(c, toDate(madeDecisions.at(-1)?.decidedAt), d), revision: madeDecisions.length + 1 });
  const firstDecidedAt = toDate(madeDecisions[0]?.decidedAt);
  const decidedAt = toDate(madeDecisions.at(-1)?.decidedAt) ?? receivedAt;
  /** when the case was last decided as `category` (advice, a cause for concern), or else last decided */
  const decidedAs = (category: DecisionCategory) => toDate(madeDecisions.findLast((d) => d.category === category)?.decidedAt) ?? decidedAt;
  const incidentFrom = dateOnly(addDays(receivedAt, -between(0, 10)));
  const policeInformed = policeInvolved && chance(0.6) ? ("YES" as const) : pick(["NO", "NO", "UNKNOWN"] as const);

  const caseRow = {
    id: randomUUID(),
    source,
    receivedAt,
    namedProfessional: named,
    summary: scenario.summary(story),
    reportedHarmCategories: harm,
    followedRestraint: scenario.restraint ?? (harm.includes("PHYSICAL") ? false : null),
    incidentFrom,
    incidentTo: chance(0.2) ? dateOnly(addDays(incidentFrom, between(1, 20))) : null,
    moreThanOneIncident: chance(0.25),
    employerAwareAt: by === "employer" ? dateOnly(addDays(receivedAt, -between(0, 2))) : null,
    incidentLocation: scenario.location,
    allegationMadeBy: scenario.madeBy,
    policeInformed,
    policeReference: policeInformed === "YES" ? `${faker.string.numeric(7)}/${String(story.year).slice(2)}` : null,
    socialCareInformed: pick(["YES", "NO", "UNKNOWN"] as const),
    parentsInformed: kids.length ? pick(["YES", "YES", "NO"] as const) : null,
    subjectAware: pick(["YES", "NO", "UNKNOWN"] as const),
    suspendedOrRedeployed: pick(["NO", "NO", "YES"] as const),
    actionsSoFar:
      by === "employer"
        ? pick([
            "Spoken to the child and written down what they said.",
            "Written accounts taken from the staff present.",
            "Nothing yet: we wanted advice first.",
          ])
        : null,
    allocatedToId: officerId,
    // A decided case has had its initial consideration.
    ...(firstDecidedAt
      ? {
          initialConsideredAt: new Date(Math.min(firstDecidedAt.getTime(), officeTime(receivedAt).getTime())),
          initialConsideredById: officerId,
          initialConsideration: initialConsiderationText(c),
        }
      : {}),
    ...caseFields,
  };

  const meetingRows = (meetings ?? []).map(({ attendees, actions: agreed, ...fields }) => {
    const row = { id: randomUUID(), ...meetingData(c, fields.type ?? "EVALUATION", fields) };
    return {
      row,
      attendees: (attendees ?? attendeesFor(c)).map((a) => ({ name: personName().full, agency: c.place, ...a, meetingId: row.id })),
      actions: (agreed ?? []).map((a) => ({ ...actionData(c, toDate(row.heldAt)!, a), meetingId: row.id })),
    };
  });
  const policeId = randomUUID();
  const { updates = [], challenges = [], ...policeFields } = police ?? {};

  return {
    receivedAt,
    organisations: [employer, referrerOrg]
      .filter((o, i, all) => o?.create && all.indexOf(o) === i)
      .map((o) => ({ ...o!.create!, id: o!.id })),
    /** the subject's Identity, made with the case unless it was given */
    identity: { id: subject?.identityId ?? randomUUID(), isNew: !subject?.identityId },
    caseRow,
    referrer: { ...referrerData(scenario, referrerOrg, source, referrer ?? {}), organisationId: referrerOrg?.id ?? null },
    subject: { employerId: employer?.id ?? null, ...person },
    children: kids,
    decisions: madeDecisions,
    advice: advice && adviceData(c, decidedAs("ADVICE"), advice),
    employerInvestigation: employerInvestigation && employerInvestigationData(c, decidedAs("CAUSE_FOR_CONCERN"), employerInvestigation),
    meetings: meetingRows.map((m) => m.row),
    attendees: meetingRows.flatMap((m) => m.attendees),
    actions: [...meetingRows.flatMap((m) => m.actions), ...(actions ?? []).map((a) => actionData(c, decidedAt, a))],
    police: police && { ...policeData(c, policeFields), id: policeId },
    policeUpdates: updates.map((u) => ({ ...policeUpdateData(c, u), policeId })),
    policeChallenges: challenges.map((ch) => ({ ...policeChallengeData(c, ch), policeId })),
    section47: section47 && section47Data(c, section47),
    employerAction: employerAction && employerActionData(c, employerAction),
    outcome: outcome && outcomeData(c, outcome),
    onwardReferrals: (onwardReferrals ?? []).map((o) => onwardReferralData(c, o)),
    delayReasons: (delayReasons ?? []).map((d) => delayReasonData(c, d)),
    closures: (closures ?? []).map((cl) => closureData(c, cl)),
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
  const all = <T>(rows: (b: BuiltCase) => T[]) => cases.flatMap(rows);
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
