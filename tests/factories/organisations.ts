// Organisations: the settings people work in and the agencies that refer,
// each named as such a place would be (a primary school, an NHS trust, a
// scout group), in invented neighbourhoods.
import type { Db, Prisma } from "~/db.server";
import type { Organisation } from "~/generated/prisma/client";
import type { Sector } from "~/generated/prisma/enums";
import { LAST_NAMES, PLACES, STREETS, ukAddress, ukLandline } from "./people";
import { pick, slug } from "./shared";

const SAINTS = ["Mary", "Anne", "John", "Peter", "Luke", "Michael", "George", "Thomas", "Andrew", "Joseph", "Bede"] as const;

/** The forces a south London LADO deals with, the Met most often. */
export const POLICE_FORCES = [
  "Metropolitan Police Service",
  "Metropolitan Police Service",
  "Metropolitan Police Service",
  "Surrey Police",
  "Kent Police",
  "British Transport Police",
] as const;

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

/** A name that fits the sector: "Millbrook Primary School", "Oakfield Youth Football Club". */
export const organisationName = (sector: Sector) => pick(ORGANISATION_NAMES[sector])();

export type OrganisationFields = Partial<Omit<Prisma.OrganisationCreateManyInput, "id">>;
export type OrgRef = Pick<Organisation, "id" | "name" | "sector">;

/** An organisation's fields (not saved): a name that fits its sector, address and contact details. */
export function organisationData(sector: Sector = "PRIMARY_SCHOOL", fields: OrganisationFields = {}) {
  const name = fields.name ?? organisationName(sector);
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

/** Existing organisations by sector, for cases to share. */
export type OrganisationPool = ReadonlyMap<Sector, readonly OrgRef[]>;

/**
 * `counts` organisations of each sector, each with its own name (fewer when
 * a sector has fewer names, such as Cafcass), made in one statement: the
 * settings a set of cases takes its employers and referrers from, so the
 * same school or club turns up in more than one case.
 */
export async function createOrganisations(db: Db, counts: Partial<Record<Sector, number>>): Promise<OrganisationPool> {
  const data = (Object.entries(counts) as [Sector, number][]).flatMap(([sector, count]) => {
    const made = new Map<string, ReturnType<typeof organisationData>>();
    for (let tries = 0; made.size < count && tries < count * 10; tries++) {
      const organisation = organisationData(sector);
      if (!made.has(organisation.name)) made.set(organisation.name, organisation);
    }
    return [...made.values()];
  });
  const rows = await db.organisation.createManyAndReturn({ data, select: { id: true, name: true, sector: true } });
  // In name order, not the database's, so the same seed picks the same ones.
  const pool = new Map<Sector, OrgRef[]>();
  for (const row of rows.sort((a, b) => a.name.localeCompare(b.name))) pool.set(row.sector, [...(pool.get(row.sector) ?? []), row]);
  return pool;
}
