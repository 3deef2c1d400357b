// Valid answers for every page of the public referral form, as a browser
// posts them: shared by the integration tests and the referral benchmark.
export type PageAnswers = Record<string, string | string[]>;

/** A GOV.UK date input's three fields for yyyy-mm-dd. */
export function dateFields(name: string, day: string): PageAnswers {
  const [y, m, d] = day.split("-");
  return { [`${name}-day`]: d!, [`${name}-month`]: m!, [`${name}-year`]: y! };
}

/** The answers page by page, in order; `n` makes the referrer and person distinct. */
export function referralAnswers(n = 0): Record<string, PageAnswers> {
  const suffix = n ? ` ${n}` : "";
  return {
    "who-you-are": { referrerType: "EMPLOYER" },
    "about-you": {
      referrerName: `Grace Okafor${suffix}`,
      referrerRole: "Designated safeguarding lead",
      organisationName: "Riverside Primary School",
      organisationSector: "PRIMARY_SCHOOL",
      referrerPhone: "020 7946 0321",
      referrerEmail: n ? `dsl-${n}@riverside.example.org` : "G.Okafor@riverside.example.org",
      seniorManagerAware: "YES",
    },
    person: {
      namedProfessional: "yes",
      subjectFirstName: "Daniel",
      subjectLastName: `Hughes${suffix}`,
      subjectPreviousNames: "Daniel Hughes-Brown, Dan Brown",
      ...dateFields("subjectDateOfBirth", "1988-02-14"),
      subjectSex: "MALE",
      subjectEthnicGroup: "WHITE_BRITISH",
      subjectJobTitle: "Teaching assistant",
      subjectRoleGroup: "TEACHING_ASSISTANT",
      subjectEmployer: "Riverside Primary School",
      subjectEmployerSector: "PRIMARY_SCHOOL",
      subjectEmployerArea: "Lambeth",
      subjectEmploymentBasis: "PERMANENT",
    },
    children: { "childAge-1": "9", "childSex-1": "FEMALE", "childSetting-1": "Year 4" },
    "what-happened": {
      harmCategories: ["PHYSICAL", "EMOTIONAL"],
      happenedOnline: "no",
      followedRestraint: "no",
      ...dateFields("incidentDate", new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10)),
      moreThanOneIncident: "no",
      ...dateFields("employerAwareDate", new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)),
      summary: "A pupil said the teaching assistant grabbed her arm hard in the corridor and shouted at her.",
      allegationMadeBy: "CHILD",
    },
    actions: {
      policeInformed: "NO",
      socialCareInformed: "NO",
      parentsInformed: "YES",
      subjectAware: "UNKNOWN",
      suspendedOrRedeployed: "NO",
    },
  };
}
