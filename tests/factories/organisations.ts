// Organisations: the settings people work in, the agencies that refer, and
// the staffing agencies and fostering services behind some of the people,
// each named as such a place would be (a primary school, an NHS trust, a
// scout group), in invented neighbourhoods, in a real local authority area:
// the council's own most often, else a neighbouring borough or county.
import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "~/db.server";
import type { Organisation } from "~/generated/prisma/client";
import type { Sector } from "~/generated/prisma/enums";
import { LAST_NAMES, PLACES, STREETS, ukAddress, ukLandline } from "./people";
import { between, faker, pick, slug, weighted, type Weights } from "./shared";

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

// ---------------------------------------------------------------------------
// Local authority areas
// ---------------------------------------------------------------------------

/** The council's own area (a south London borough, as the postcodes are): most settings are in it. */
export const HOME_AUTHORITY = "Wandsworth";

/** Where settings are: the council's own area most often, then its neighbours, then the counties beyond. */
const LOCAL_AUTHORITIES: Weights<string> = [
  [HOME_AUTHORITY, 72],
  ["Lambeth", 6],
  ["Merton", 5],
  ["Croydon", 3],
  ["Richmond upon Thames", 3],
  ["Kingston upon Thames", 2],
  ["Hammersmith and Fulham", 2],
  ["Southwark", 2],
  ["Sutton", 2],
  ["Surrey", 2],
  ["Kent", 1],
];
const COUNTY_TOWNS: Record<string, readonly (readonly [string, string, number, number])[]> = {
  Surrey: [
    ["Epsom", "KT", 17, 19],
    ["Redhill", "RH", 1, 1],
    ["Woking", "GU", 21, 22],
  ],
  Kent: [
    ["Dartford", "DA", 1, 2],
    ["Sevenoaks", "TN", 13, 15],
  ],
};

/** A local authority area for a setting: the council's own about seven times in ten. */
export const localAuthority = () => weighted(LOCAL_AUTHORITIES);
/** Another authority than the council's own (another LADO's, a setting over the border). */
export const otherAuthority = () => weighted(LOCAL_AUTHORITIES.filter(([la]) => la !== HOME_AUTHORITY));
/** "Lambeth Council", "Kent County Council". */
export const councilOf = (la: string) => (la in COUNTY_TOWNS ? `${la} County Council` : `${la} Council`);

/** An address in the area: a London one (south London postcode) or in one of a county's towns. */
function addressIn(la: string | null | undefined) {
  const towns = la ? COUNTY_TOWNS[la] : undefined;
  if (!towns) return ukAddress();
  const [town, area, min, max] = pick(towns);
  return `${between(1, 180)} ${pick(STREETS)}, ${town} ${area}${between(min, max)} ${between(0, 9)}${faker.string.alpha({ length: 2, casing: "upper", exclude: ["C", "I", "K", "M", "O", "V"] })}`;
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/** Names for each sector, from the setting's local authority area (council services carry the council's name). */
const ORGANISATION_NAMES: Record<Sector, ((la: string) => string)[]> = {
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
  CHILDRENS_SOCIAL_CARE: [(la) => `${councilOf(la)} Children's Services`],
  RESIDENTIAL_CHILDRENS_HOME: [
    () => `${pick(PLACES)} House Children's Home`,
    () => `${pick(["Meadow", "Brook", "Oak"])} Lodge Children's Home`,
  ],
  FOSTERING: [(la) => `${councilOf(la)} Fostering Service`],
  ADOPTION: [() => `${pick(PLACES)} Regional Adoption Agency`],
  POLICE: [
    (la) => (la === "Surrey" ? "Surrey Police" : la === "Kent" ? "Kent Police" : pick(POLICE_FORCES.filter((f) => !/Surrey|Kent/.test(f)))),
  ],
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
  TRANSPORT: [() => `${pick(PLACES)} Cars`, () => `${pick(PLACES)} Passenger Transport Ltd`, (la) => `${councilOf(la)} SEN Transport`],
  PRIVATE_TUTORING_CHILDCARE: [() => `${pick(PLACES)} Tutors`, () => `${pick(LAST_NAMES)} Nanny Agency`],
  LOCAL_AUTHORITY_OTHER: [() => `${pick(PLACES)} Library and Youth Service`, () => `${pick(PLACES)} Leisure Centre`],
  ARMED_FORCES: [() => `${pick(PLACES)} Army Cadet Force Detachment`, () => `${pick(PLACES)} Sea Cadets`],
  YOUTH_SERVICE: [
    () => `${pick(PLACES)} Youth Hub`,
    (la) => `${councilOf(la)} Youth Service`,
    () => `${pick(PLACES)} Adventure Playground`,
  ],
  FIRE_RESCUE: [
    (la) => (la === "Surrey" || la === "Kent" ? `${la} Fire and Rescue Service` : `London Fire Brigade, ${pick(PLACES)} Fire Station`),
  ],
  HOUSING: [() => `${pick(PLACES)} Housing Association`, (la) => `${councilOf(la)} Housing Services`],
  ADULT_SOCIAL_CARE: [() => `${pick(PLACES)} Care Home`, () => `${pick(PLACES)} Day Centre`, () => `${pick(PLACES)} Home Care Ltd`],
  ADULT_PRISON: [() => `HMP ${pick(["Kingsmead", "Southmere", "Thornbury", "Northbrook", "Ravenscourt", "Sedgemoor"])}`],
  SUPPORTED_ACCOMMODATION: [
    () => `${pick(PLACES)} House Supported Accommodation (16 to 17)`,
    () => `${pick(["Stepping Stones", "Next Steps", "Keystone"])} Semi-Independent Living, ${pick(PLACES)}`,
  ],
  INDEPENDENT_FOSTERING_AGENCY: [
    () => `${pick(PLACES)} Fostering Agency`,
    () => `${pick(["Hearthstone", "Harbour", "Kindred", "Evergreen", "Lantern"])} Foster Care Ltd`,
  ],
  INDEPENDENT_ADOPTION_AGENCY: [() => `${pick(PLACES)} Adoption Society`, () => `${pick(["Hearthstone", "Kindred", "Lantern"])} Adoption`],
  OTHER: [() => `${pick(PLACES)} Dance School`, () => `${pick(PLACES)} Theatre School`, () => `${pick(PLACES)} Holiday Club`],
};

/** A name that fits the sector: "Millbrook Primary School", "Oakfield Youth Football Club", "Lambeth Council Fostering Service". */
export const organisationName = (sector: Sector, la: string = localAuthority()) => pick(ORGANISATION_NAMES[sector])(la);

// ---------------------------------------------------------------------------
// Staffing agencies: the employer of agency and supply staff (sector OTHER)
// ---------------------------------------------------------------------------

/** What an agency supplies, by where its staff are placed. */
export type AgencyKind = "EDUCATION" | "EARLY_YEARS" | "HEALTH" | "SOCIAL_CARE" | "GENERAL";

const AGENCY_NAMES: Record<AgencyKind, (() => string)[]> = {
  EDUCATION: [
    () => "Teach Direct Supply Ltd",
    () => `${pick(PLACES)} Education Supply Ltd`,
    () => `${pick(["Chalkline", "Classroom First", "Bright Start", "Inkwell"])} Teaching Recruitment Ltd`,
  ],
  EARLY_YEARS: [
    () => `${pick(["Little Steps", "First Words", "Cradle"])} Nursery Staffing Ltd`,
    () => `${pick(PLACES)} Early Years Recruitment`,
  ],
  HEALTH: [() => `${pick(PLACES)} Nursing Agency Ltd`, () => `${pick(["CareBridge", "MedLine", "Wardside"])} Healthcare Staffing Ltd`],
  SOCIAL_CARE: [
    () => `${pick(PLACES)} Social Care Recruitment Ltd`,
    () => `${pick(["Keyworker", "Hearth", "Anchor"])} Residential Relief Staffing Ltd`,
  ],
  GENERAL: [() => `${pick(PLACES)} Staffing Solutions Ltd`, () => `${pick(["Swift", "Premier", "Northgate"])} Recruitment Ltd`],
};

/** The kind of agency that places staff in a sector. */
export function agencyKindFor(sector: Sector | null | undefined): AgencyKind {
  if (!sector) return "GENERAL";
  if (/SCHOOL|FURTHER_EDUCATION|ALTERNATIVE_PROVISION/.test(sector)) return "EDUCATION";
  if (sector.startsWith("EARLY_YEARS") || sector === "PRIVATE_TUTORING_CHILDCARE") return "EARLY_YEARS";
  if (sector.startsWith("HEALTH")) return "HEALTH";
  if (/SOCIAL_CARE|RESIDENTIAL|SECURE|SUPPORTED|FOSTERING|ADOPTION|YOUTH/.test(sector)) return "SOCIAL_CARE";
  return "GENERAL";
}

/** A staffing agency's fields (not saved): "Teach Direct Supply Ltd", sector OTHER. */
export const agencyData = (kind: AgencyKind, fields: OrganisationFields = {}) =>
  organisationData("OTHER", { name: pick(AGENCY_NAMES[kind])(), ...fields });

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

export type OrganisationFields = Partial<Omit<Prisma.OrganisationCreateManyInput, "id">>;
export type OrgRef = Pick<Organisation, "id" | "name" | "sector">;

/** An organisation's fields (not saved): a local authority area, a name that fits its sector and area, address and contact details. */
export function organisationData(sector: Sector = "PRIMARY_SCHOOL", fields: OrganisationFields = {}) {
  const la = fields.localAuthority !== undefined ? fields.localAuthority : localAuthority();
  const name = fields.name ?? organisationName(sector, la ?? HOME_AUTHORITY);
  return {
    name,
    sector,
    localAuthority: la,
    address: addressIn(la),
    phone: ukLandline(),
    email: `${pick(["safeguarding", "office", "admin", "enquiries"])}@${slug(name).slice(0, 30)}.example.org`,
    ...fields,
  } satisfies Prisma.OrganisationCreateManyInput;
}

export async function createOrganisation(db: Db, fields: OrganisationFields = {}) {
  return db.organisation.create({ data: organisationData(fields.sector, fields) });
}

/** What a pool holds organisations under: their sector, or for staffing agencies (sector OTHER) what they supply. */
export type PoolKey = Sector | `agency:${AgencyKind}`;

/** Existing organisations by sector (and staffing agencies by kind), for cases to share. */
export type OrganisationPool = ReadonlyMap<PoolKey, readonly OrgRef[]>;

/**
 * `counts` organisations of each sector (or agencies of each kind), each
 * with its own name (fewer when a sector has fewer names, such as Cafcass),
 * made in one statement: the settings a set of cases takes its employers,
 * agencies and referrers from, so the same school or club turns up in more
 * than one case.
 */
export async function createOrganisations(db: Db, counts: Partial<Record<PoolKey, number>>): Promise<OrganisationPool> {
  const keyOf = new Map<string, PoolKey>();
  const data = (Object.entries(counts) as [PoolKey, number][]).flatMap(([key, count]) => {
    const made = new Map<string, ReturnType<typeof organisationData>>();
    for (let tries = 0; made.size < count && tries < count * 10; tries++) {
      const organisation = key.startsWith("agency:") ? agencyData(key.slice(7) as AgencyKind) : organisationData(key as Sector);
      if (!made.has(organisation.name)) made.set(organisation.name, organisation);
    }
    return [...made.values()].map((organisation) => {
      const id = randomUUID();
      keyOf.set(id, key);
      return { id, ...organisation };
    });
  });
  const rows = await db.organisation.createManyAndReturn({ data, select: { id: true, name: true, sector: true } });
  // In name order, not the database's, so the same seed picks the same ones.
  const pool = new Map<PoolKey, OrgRef[]>();
  for (const row of rows.sort((a, b) => a.name.localeCompare(b.name))) {
    const key = keyOf.get(row.id)!;
    pool.set(key, [...(pool.get(key) ?? []), row]);
  }
  return pool;
}
