// How facts about people and organisations read on screen: sectors, employment,
// role, ethnic group (ONS 2021 census), sex.
import type { EmploymentBasis, EthnicGroup, RoleGroup, Sector, Sex } from "~/generated/prisma/enums";

export const sectorLabels: Record<Sector, string> = {
  EARLY_YEARS_NURSERY: "Early years: nursery",
  EARLY_YEARS_CHILDMINDER: "Early years: childminder",
  PRIMARY_SCHOOL: "Primary school",
  SECONDARY_SCHOOL: "Secondary school",
  SPECIAL_SCHOOL: "Special school",
  INDEPENDENT_SCHOOL: "Independent school",
  FURTHER_EDUCATION: "Further education or sixth form",
  ALTERNATIVE_PROVISION: "Alternative provision",
  HEALTH_ACUTE: "Health: acute",
  HEALTH_COMMUNITY: "Health: community",
  HEALTH_MENTAL_HEALTH: "Health: mental health",
  HEALTH_GP: "Health: GP",
  HEALTH_AMBULANCE: "Health: ambulance",
  CHILDRENS_SOCIAL_CARE: "Children's social care",
  RESIDENTIAL_CHILDRENS_HOME: "Residential children's home",
  FOSTERING: "Fostering (foster carer)",
  ADOPTION: "Adoption",
  POLICE: "Police",
  PROBATION_YOUTH_JUSTICE: "Probation or youth justice",
  CAFCASS: "Cafcass",
  SECURE_ESTATE: "Secure estate",
  FAITH_ORGANISATION: "Faith organisation",
  SPORTS_LEISURE: "Sports and leisure",
  VOLUNTARY_COMMUNITY: "Voluntary and community",
  TRANSPORT: "Transport (school transport, taxi)",
  PRIVATE_TUTORING_CHILDCARE: "Private tutoring or childcare",
  LOCAL_AUTHORITY_OTHER: "Local authority (other)",
  ARMED_FORCES: "Armed forces",
  YOUTH_SERVICE: "Youth service",
  FIRE_RESCUE: "Fire and rescue",
  HOUSING: "Housing",
  ADULT_SOCIAL_CARE: "Adult social care",
  ADULT_PRISON: "Adult prison",
  SUPPORTED_ACCOMMODATION: "Supported accommodation",
  INDEPENDENT_FOSTERING_AGENCY: "Independent fostering agency",
  INDEPENDENT_ADOPTION_AGENCY: "Independent adoption agency",
  OTHER: "Other",
};

export const employmentBasisLabels: Record<EmploymentBasis, string> = {
  PERMANENT: "Permanent",
  TEMPORARY: "Temporary",
  FIXED_TERM: "Fixed term",
  AGENCY_SUPPLY: "Agency or supply",
  VOLUNTEER: "Volunteer",
  SELF_EMPLOYED: "Self-employed",
  FOSTER_CARER: "Foster carer",
  STUDENT_TRAINEE: "Student or trainee",
  CONTRACTOR: "Contractor",
  BANK_SESSIONAL: "Bank or sessional",
  OTHER: "Other",
};

export const roleGroupLabels: Record<RoleGroup, string> = {
  TEACHER: "Teacher",
  TEACHING_ASSISTANT: "Teaching assistant",
  EARLY_YEARS_PRACTITIONER: "Early years practitioner",
  COACH: "Coach or instructor",
  YOUTH_WORKER: "Youth worker",
  FOSTER_CARER: "Foster carer",
  RESIDENTIAL_WORKER: "Residential care worker",
  HEALTH_PROFESSIONAL: "Health professional",
  DRIVER: "Driver or escort",
  VOLUNTEER: "Volunteer",
  OTHER: "Other",
};

/** The ONS 2021 census ethnic groups, in its order, under its five headings. */
export const ethnicGroups: { heading: string; groups: Record<string, string> }[] = [
  {
    heading: "Asian, Asian British or Asian Welsh",
    groups: {
      ASIAN_INDIAN: "Indian",
      ASIAN_PAKISTANI: "Pakistani",
      ASIAN_BANGLADESHI: "Bangladeshi",
      ASIAN_CHINESE: "Chinese",
      ASIAN_OTHER: "Any other Asian background",
    },
  },
  {
    heading: "Black, Black British, Black Welsh, Caribbean or African",
    groups: {
      BLACK_AFRICAN: "African",
      BLACK_CARIBBEAN: "Caribbean",
      BLACK_OTHER: "Any other Black, Black British or Caribbean background",
    },
  },
  {
    heading: "Mixed or multiple ethnic groups",
    groups: {
      MIXED_WHITE_BLACK_CARIBBEAN: "White and Black Caribbean",
      MIXED_WHITE_BLACK_AFRICAN: "White and Black African",
      MIXED_WHITE_ASIAN: "White and Asian",
      MIXED_OTHER: "Any other Mixed or multiple ethnic background",
    },
  },
  {
    heading: "White",
    groups: {
      WHITE_BRITISH: "English, Welsh, Scottish, Northern Irish or British",
      WHITE_IRISH: "Irish",
      WHITE_GYPSY_IRISH_TRAVELLER: "Gypsy or Irish Traveller",
      WHITE_ROMA: "Roma",
      WHITE_OTHER: "Any other White background",
    },
  },
  { heading: "Other ethnic group", groups: { OTHER_ARAB: "Arab", OTHER_ANY: "Any other ethnic group" } },
  { heading: "Not known", groups: { NOT_KNOWN: "Not known" } },
];

export const ethnicGroupLabels = Object.fromEntries(
  ethnicGroups.flatMap(({ heading, groups }) =>
    Object.entries(groups).map(([value, label]) => [value, value === "NOT_KNOWN" ? label : `${heading}: ${label}`]),
  ),
) as Record<EthnicGroup, string>;

export const sexLabels: Record<Sex, string> = { FEMALE: "Female", MALE: "Male", NOT_KNOWN: "Not known" };
