// How facts about people and organisations read on screen: sectors, employment, sex.
import type { EmploymentBasis, Sector, Sex } from "~/generated/prisma/enums";

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
  OTHER: "Other",
};

export const sexLabels: Record<Sex, string> = { FEMALE: "Female", MALE: "Male", NOT_KNOWN: "Not known" };
