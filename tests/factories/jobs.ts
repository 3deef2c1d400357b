// Work with children: the jobs people do in each sector, the role group
// each job counts under, how they are employed, who regulates them, and who
// refers a concern from each sector.
import type { EmploymentBasis, OnwardBody, RoleGroup, Sector } from "~/generated/prisma/enums";
import { pick, weighted, type Weights } from "./shared";

export const JOB_TITLES: Record<Sector, readonly string[]> = {
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
  YOUTH_SERVICE: ["Youth worker", "Senior youth worker", "Detached youth worker", "Play worker"],
  FIRE_RESCUE: ["Firefighter", "Fire cadet instructor", "Community safety officer"],
  HOUSING: ["Housing officer", "Tenancy support worker", "Hostel support worker"],
  ADULT_SOCIAL_CARE: ["Care worker", "Day centre officer", "Support worker (adult services)"],
  ADULT_PRISON: ["Prison officer", "Prison education tutor", "Prison chaplain"],
  SUPPORTED_ACCOMMODATION: ["Key worker (supported accommodation)", "Support worker (16 to 17 year olds)", "Night concierge"],
  INDEPENDENT_FOSTERING_AGENCY: ["Foster carer"],
  INDEPENDENT_ADOPTION_AGENCY: ["Adoption social worker", "Family finder"],
  OTHER: ["Dance teacher", "Drama teacher", "Holiday club leader"],
};

/**
 * The role group every job title the factories use counts under (the
 * statistics count roles; the job title stays as typed). Jobs with no group
 * of their own (social workers, police, site staff) count as OTHER; anyone
 * the title calls a volunteer, as VOLUNTEER.
 */
export const ROLE_GROUPS: Readonly<Record<string, RoleGroup>> = {
  // Teachers and tutors
  "Class teacher": "TEACHER",
  "Teacher of mathematics": "TEACHER",
  "Teacher of PE": "TEACHER",
  "Teacher of science": "TEACHER",
  "Teacher of music": "TEACHER",
  "Teacher of English": "TEACHER",
  Teacher: "TEACHER",
  "Head of year": "TEACHER",
  "Supply teacher": "TEACHER",
  Lecturer: "TEACHER",
  "Sixth form tutor": "TEACHER",
  "Private tutor": "TEACHER",
  "Madrassah teacher": "TEACHER",
  "Supplementary school teacher": "TEACHER",
  "Prison education tutor": "TEACHER",
  // School support staff in the classroom
  "Teaching assistant": "TEACHING_ASSISTANT",
  "Learning support assistant": "TEACHING_ASSISTANT",
  "Cover supervisor": "TEACHING_ASSISTANT",
  "Learning mentor": "TEACHING_ASSISTANT",
  "Behaviour mentor": "TEACHING_ASSISTANT",
  // Early years and childcare
  "Nursery practitioner": "EARLY_YEARS_PRACTITIONER",
  "Room leader": "EARLY_YEARS_PRACTITIONER",
  "Nursery assistant": "EARLY_YEARS_PRACTITIONER",
  "Apprentice nursery practitioner": "EARLY_YEARS_PRACTITIONER",
  "Deputy nursery manager": "EARLY_YEARS_PRACTITIONER",
  "Registered childminder": "EARLY_YEARS_PRACTITIONER",
  "Childminding assistant": "EARLY_YEARS_PRACTITIONER",
  Nanny: "EARLY_YEARS_PRACTITIONER",
  // Coaches and instructors
  "Sports coach": "COACH",
  "Football coach": "COACH",
  "Swimming instructor": "COACH",
  "Gymnastics coach": "COACH",
  "Boxing coach": "COACH",
  "Army cadet instructor": "COACH",
  "Fire cadet instructor": "COACH",
  "Dance teacher": "COACH",
  "Drama teacher": "COACH",
  "Choir director": "COACH",
  // Youth and play work
  "Youth worker": "YOUTH_WORKER",
  "Senior youth worker": "YOUTH_WORKER",
  "Detached youth worker": "YOUTH_WORKER",
  "Youth justice worker": "YOUTH_WORKER",
  "Play worker": "YOUTH_WORKER",
  "After-school club worker": "YOUTH_WORKER",
  "Holiday club leader": "YOUTH_WORKER",
  // Foster carers
  "Foster carer": "FOSTER_CARER",
  // Residential care
  "Residential support worker": "RESIDENTIAL_WORKER",
  "Senior residential worker": "RESIDENTIAL_WORKER",
  "Night care worker": "RESIDENTIAL_WORKER",
  "Boarding house parent": "RESIDENTIAL_WORKER",
  "Custody officer": "RESIDENTIAL_WORKER",
  "Key worker (supported accommodation)": "RESIDENTIAL_WORKER",
  "Support worker (16 to 17 year olds)": "RESIDENTIAL_WORKER",
  // Health
  "Staff nurse (children's ward)": "HEALTH_PROFESSIONAL",
  "Healthcare assistant": "HEALTH_PROFESSIONAL",
  "Paediatric registrar": "HEALTH_PROFESSIONAL",
  "Hospital play specialist": "HEALTH_PROFESSIONAL",
  "Health visitor": "HEALTH_PROFESSIONAL",
  "School nurse": "HEALTH_PROFESSIONAL",
  "Community nursery nurse": "HEALTH_PROFESSIONAL",
  Physiotherapist: "HEALTH_PROFESSIONAL",
  "CAMHS practitioner": "HEALTH_PROFESSIONAL",
  "Mental health nurse": "HEALTH_PROFESSIONAL",
  "Support worker": "HEALTH_PROFESSIONAL",
  "Clinical psychologist": "HEALTH_PROFESSIONAL",
  GP: "HEALTH_PROFESSIONAL",
  "Practice nurse": "HEALTH_PROFESSIONAL",
  Paramedic: "HEALTH_PROFESSIONAL",
  "Emergency medical technician": "HEALTH_PROFESSIONAL",
  // Drivers and escorts
  "Taxi driver": "DRIVER",
  "Minibus driver": "DRIVER",
  "Passenger assistant": "DRIVER",
  // Volunteers
  "Youth leader (volunteer)": "VOLUNTEER",
  "Scout leader (volunteer)": "VOLUNTEER",
  "Volunteer mentor": "VOLUNTEER",
  "Volunteer police cadet leader": "VOLUNTEER",
  "Cadet force adult volunteer": "VOLUNTEER",
  "Sunday school teacher": "VOLUNTEER",
  // No group of their own
  "Lunchtime supervisor": "OTHER",
  "Midday meals supervisor": "OTHER",
  "Site manager": "OTHER",
  "Science technician": "OTHER",
  Porter: "OTHER",
  Receptionist: "OTHER",
  "Social worker": "OTHER",
  "Family support worker": "OTHER",
  "Contact supervisor": "OTHER",
  "Adoption social worker": "OTHER",
  "Family finder": "OTHER",
  "Police constable": "OTHER",
  "Police community support officer": "OTHER",
  "Probation officer": "OTHER",
  "Family court adviser": "OTHER",
  "Library assistant": "OTHER",
  "Leisure attendant": "OTHER",
  Lifeguard: "OTHER",
  Firefighter: "OTHER",
  "Community safety officer": "OTHER",
  "Housing officer": "OTHER",
  "Tenancy support worker": "OTHER",
  "Hostel support worker": "OTHER",
  "Care worker": "OTHER",
  "Day centre officer": "OTHER",
  "Support worker (adult services)": "OTHER",
  "Prison officer": "OTHER",
  "Prison chaplain": "OTHER",
  "Night concierge": "OTHER",
};

/** Job titles typed elsewhere (a test's, a referrer's): the group their words suggest. */
const ROLE_GROUP_WORDS: readonly (readonly [RegExp, RoleGroup])[] = [
  [/volunteer/i, "VOLUNTEER"],
  [/foster/i, "FOSTER_CARER"],
  [/teaching assistant|learning support|cover supervisor|\bmentor\b/i, "TEACHING_ASSISTANT"],
  [/nursery|childminder|early years|nanny/i, "EARLY_YEARS_PRACTITIONER"],
  [/teacher|lecturer|tutor|head of/i, "TEACHER"],
  [/coach|instructor/i, "COACH"],
  [/youth|play ?worker/i, "YOUTH_WORKER"],
  [/residential|care worker|boarding/i, "RESIDENTIAL_WORKER"],
  [/nurse|doctor|\bGP\b|paramedic|health|therapist|psycholog|registrar|midwife/i, "HEALTH_PROFESSIONAL"],
  [/driver|escort|passenger assistant/i, "DRIVER"],
];

/** The role group a job title counts under: the factories' own from the table, anything else by its words. */
export function roleGroupFor(jobTitle: string): RoleGroup {
  return ROLE_GROUPS[jobTitle] ?? ROLE_GROUP_WORDS.find(([words]) => words.test(jobTitle))?.[1] ?? "OTHER";
}

/** Jobs often done by the session or from a bank of relief staff. */
const SESSIONAL = /coach|instructor|lifeguard|play worker|holiday club|healthcare assistant|night care|relief|dance|drama/i;

/** How someone doing the job is employed (in the sector, when known): mostly permanent staff. */
export function employmentBasisFor(jobTitle: string, sector?: Sector | null): EmploymentBasis {
  if (/foster/i.test(jobTitle)) return "FOSTER_CARER";
  if (/volunteer/i.test(jobTitle)) return "VOLUNTEER";
  if (/supply/i.test(jobTitle)) return "AGENCY_SUPPLY";
  if (/apprentice|student/i.test(jobTitle)) return "STUDENT_TRAINEE";
  if (/tutor\b|childminder/i.test(jobTitle) && !/sixth form|prison/i.test(jobTitle)) return "SELF_EMPLOYED";
  if (/taxi|minibus/i.test(jobTitle) || sector === "TRANSPORT")
    return weighted<EmploymentBasis>([
      ["SELF_EMPLOYED", 5],
      ["CONTRACTOR", 4],
      ["PERMANENT", 1],
    ]);
  if (SESSIONAL.test(jobTitle))
    return weighted<EmploymentBasis>([
      ["BANK_SESSIONAL", 40],
      ["PERMANENT", 35],
      ["VOLUNTEER", 10],
      ["SELF_EMPLOYED", 8],
      ["AGENCY_SUPPLY", 7],
    ]);
  const weights: Weights<EmploymentBasis> = [
    ["PERMANENT", 74],
    ["TEMPORARY", 6],
    ["FIXED_TERM", 7],
    ["AGENCY_SUPPLY", 6],
    ["VOLUNTEER", 3],
    ["CONTRACTOR", /site manager|technician|porter/i.test(jobTitle) ? 10 : 1],
    ["BANK_SESSIONAL", sector?.startsWith("HEALTH") || sector === "RESIDENTIAL_CHILDRENS_HOME" ? 10 : 1],
  ];
  return weighted(weights);
}

/** Foster carers: approved by a fostering service (the council's or an independent agency). */
export const isFosterCarer = (jobTitle: string | null | undefined, sector: Sector | null | undefined) =>
  sector === "FOSTERING" || sector === "INDEPENDENT_FOSTERING_AGENCY" || /foster carer/i.test(jobTitle ?? "");

/** The regulator or panel a finding about this job goes to, besides the DBS. */
export function regulatorFor(jobTitle: string | null | undefined, sector: Sector | null | undefined): OnwardBody | null {
  const job = jobTitle ?? "";
  if (isFosterCarer(job, sector)) return "FOSTERING_PANEL";
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
  YOUTH_SERVICE: ["Youth service manager", "Designated safeguarding lead"],
  FIRE_RESCUE: ["Safeguarding lead", "Station commander"],
  HOUSING: ["Housing safeguarding lead", "Neighbourhood manager"],
  ADULT_SOCIAL_CARE: ["Registered manager", "Safeguarding adults manager"],
  ADULT_PRISON: ["Head of safety", "Safeguarding lead"],
  SUPPORTED_ACCOMMODATION: ["Registered manager", "Service manager"],
  INDEPENDENT_FOSTERING_AGENCY: ["Supervising social worker", "Registered manager"],
  INDEPENDENT_ADOPTION_AGENCY: ["Registered manager", "Agency decision maker"],
};

/** How someone referring from the sector describes their role. */
export const referrerRoleFor = (sector: Sector) => pick(REFERRER_ROLES[sector] ?? ["Safeguarding lead", "Manager", "HR manager"]);

/** Schools, weighted as referrals come (most from mainstream primary and secondary). */
export const SCHOOLS: readonly Sector[] = [
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
