// Work with children: the jobs people do in each sector, how they are
// employed, who regulates them, and who refers a concern from each sector.
import type { EmploymentBasis, OnwardBody, Sector } from "~/generated/prisma/enums";
import { pick, weighted } from "./shared";

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
  OTHER: ["Dance teacher", "Drama teacher", "Holiday club leader"],
};

export function employmentBasisFor(jobTitle: string): EmploymentBasis {
  if (/foster/i.test(jobTitle)) return "FOSTER_CARER";
  if (/volunteer/i.test(jobTitle)) return "VOLUNTEER";
  if (/supply/i.test(jobTitle)) return "AGENCY_SUPPLY";
  if (/apprentice|student/i.test(jobTitle)) return "STUDENT_TRAINEE";
  if (/tutor\b|childminder|taxi/i.test(jobTitle) && !/sixth form/i.test(jobTitle)) return "SELF_EMPLOYED";
  return weighted<EmploymentBasis>([
    ["PERMANENT", 76],
    ["TEMPORARY", 7],
    ["FIXED_TERM", 7],
    ["AGENCY_SUPPLY", 6],
    ["VOLUNTEER", 4],
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
