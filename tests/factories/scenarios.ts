// Referral scenarios: the kinds of concern a LADO hears, each with where it
// happens, the harm, who usually refers it, the decisions it can plausibly
// reach, and a summary in the referrer's own words.
import type { AllegationMadeBy, DecisionCategory, HarmCategory, RedirectTarget, ReferrerType, Sector } from "~/generated/prisma/enums";
import { JOB_TITLES, SCHOOLS } from "./jobs";
import { cap, pick, weighted, type Weights } from "./shared";

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
  "YOUTH_SERVICE",
  "SUPPORTED_ACCOMMODATION",
  "INDEPENDENT_FOSTERING_AGENCY",
  "FIRE_RESCUE",
];

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
  /** it happened online (messages, social media, images): Case.happenedOnline */
  online?: true;
  /** during physical intervention or restraint */
  restraint?: boolean;
  /** the threshold decisions this kind of contact plausibly reaches */
  decisions: readonly DecisionCategory[];
  madeBy: AllegationMadeBy;
  /**
   * who usually refers it: "employer" (default), a parent, a member of the
   * public, a child or young person, the person themselves, someone
   * anonymous, or another agency's sector
   */
  referredBy?: "employer" | "parent" | "public" | "child" | "self" | "anonymous" | Sector;
  /** who else refers it now and then, by weight beside the usual referrer's (see referrerTypesFor) */
  alsoReferredBy?: Weights<ReferrerType>;
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
    harm: ["SEXUAL"],
    online: true,
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
    sectors: ["FOSTERING", "FOSTERING", "INDEPENDENT_FOSTERING_AGENCY"],
    jobTitles: ["Foster carer"],
    harm: ["PHYSICAL"],
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "CHILD",
    referredBy: "CHILDRENS_SOCIAL_CARE",
    // The placing authority's LADO, when the child is placed from elsewhere.
    alsoReferredBy: [["OTHER_LADO", 0.25]],
    location: "Foster home",
    children: [1, 2],
    ages: [5, 15],
    summary: (s) =>
      `${cap(s.child)} placed with ${s.who} told their social worker during a statutory visit that the carer smacks them on the leg for lying and that it has happened "a few times". The child did not want to go back after the visit and is staying with a respite carer tonight. Two other looked-after children live in the household. The supervising social worker has been told.`,
  },
  {
    key: "coach-gifts",
    weight: 5,
    sectors: ["SPORTS_LEISURE", "SPORTS_LEISURE", "VOLUNTARY_COMMUNITY", "ARMED_FORCES", "YOUTH_SERVICE", "FIRE_RESCUE"],
    harm: ["SEXUAL"],
    online: true,
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
    // The LADO where the person lives, passing on what police told them.
    alsoReferredBy: [["OTHER_LADO", 0.15]],
    location: "Subject's home (outside work)",
    children: [0, 0],
    summary: (s) =>
      `Officers attended a domestic incident at the weekend at the home of ${s.who}, who works at ${s.place}. ${cap(s.their)} partner had a facial injury and ${s.who} was arrested for assault. The couple's two children, aged 4 and 7, were in the house. ${cap(s.who)} has been released on bail with conditions not to contact the partner. We are making this referral because of the transferable risk to children at work.`,
  },
  {
    key: "indecent-images",
    weight: 3,
    sectors: ANY_WORKPLACE,
    harm: ["SEXUAL", "SUITABILITY"],
    online: true,
    decisions: ["ALLEGATION"],
    madeBy: "OTHER_PROFESSIONAL",
    referredBy: "POLICE",
    alsoReferredBy: [["OTHER_LADO", 0.2]],
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
    sectors: ["FAITH_ORGANISATION", "VOLUNTARY_COMMUNITY", "YOUTH_SERVICE"],
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
    sectors: ["RESIDENTIAL_CHILDRENS_HOME", "RESIDENTIAL_CHILDRENS_HOME", "SECURE_ESTATE", "SUPPORTED_ACCOMMODATION"],
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
    harm: ["SEXUAL"],
    online: true,
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
      "HOUSING",
      "INDEPENDENT_ADOPTION_AGENCY",
    ],
    harm: ["SUITABILITY"],
    online: true,
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
    // Adult services too: the person may not work with children at all.
    sectors: [...ANY_WORKPLACE, "ADULT_SOCIAL_CARE", "ADULT_PRISON", "HOUSING"],
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
    // Ofsted, after the parent told them.
    alsoReferredBy: [["REGULATOR", 0.35]],
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
    sectors: ["SECONDARY_SCHOOL", "SECONDARY_SCHOOL", "FURTHER_EDUCATION", "YOUTH_SERVICE"],
    harm: ["SUITABILITY"],
    online: true,
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
  {
    key: "young-person-messages",
    weight: 2,
    sectors: ["SECONDARY_SCHOOL", "FURTHER_EDUCATION", "SPORTS_LEISURE", "RESIDENTIAL_CHILDRENS_HOME", "YOUTH_SERVICE"],
    harm: ["SEXUAL", "EMOTIONAL"],
    online: true,
    decisions: ["CAUSE_FOR_CONCERN", "ALLEGATION"],
    madeBy: "CHILD",
    referredBy: "child",
    location: "Online (Instagram)",
    children: [1, 1],
    ages: [14, 17],
    summary: (s) =>
      `I am ${s.age} and I go to ${s.place}. ${cap(s.who)} keeps messaging me on Instagram late at night, saying I am ${s.their} favourite and that I should not tell anyone we talk. Last week ${s.they} asked me to send a photo. My friend said I should tell someone. I do not want to get in trouble and I have not told my mum yet.`,
  },
  {
    key: "self-report-caution",
    weight: 2,
    sectors: ["PRIMARY_SCHOOL", "SECONDARY_SCHOOL", "EARLY_YEARS_NURSERY", "SPORTS_LEISURE", "HEALTH_ACUTE", "YOUTH_SERVICE"],
    harm: ["SUITABILITY"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN"],
    madeBy: "OTHER",
    referredBy: "self",
    location: "Outside work",
    children: [0, 0],
    redirects: ["EMPLOYER_HR", "NOT_WITHIN_REMIT"],
    summary: (s) =>
      `I work at ${s.place} and I want to tell you myself before anyone else does. On ${s.day} I was given a police caution for common assault after an argument with a neighbour got out of hand. No children were involved and it had nothing to do with work. I have told my manager, who suggested I contact the LADO. I would like to know what happens now.`,
  },
  {
    key: "anonymous-concern",
    weight: 2,
    sectors: ["PRIMARY_SCHOOL", "SECONDARY_SCHOOL", "EARLY_YEARS_NURSERY", "RESIDENTIAL_CHILDRENS_HOME", "SPORTS_LEISURE"],
    harm: ["EMOTIONAL", "SUITABILITY"],
    decisions: ["ADVICE", "CAUSE_FOR_CONCERN"],
    madeBy: "ANONYMOUS",
    referredBy: "anonymous",
    location: "At work",
    children: [0, 1],
    redirects: ["EMPLOYER_HR", "LOW_LEVEL_CONCERNS"],
    summary: (s) =>
      `I do not want to give my name because I could lose my job. ${cap(s.who)} at ${s.place} often comes in smelling of alcohol and shouts at the children on the mornings it happens. Other staff have noticed but nobody has said anything to the manager. I am worried that something will happen to one of the children.`,
  },
];

/**
 * A scenario by weight, optionally one that can reach `decision`; with a
 * named professional unless `named` is false (never then one where the
 * person refers themselves); where one fits, one that happens in `sector`
 * (an employer referring its own staff).
 */
export function pickScenario(decision?: DecisionCategory, named = true, sector?: Sector): Scenario {
  // Not a LADO matter: any concern that could end in advice, signposted elsewhere.
  const reaches = (s: Scenario) => !decision || s.decisions.includes(decision === "NOT_LADO" ? "ADVICE" : decision);
  const fitting = scenarios.filter((s) => reaches(s) && (named ? !s.nobodyNamed : s.referredBy !== "self"));
  const inSector = sector ? fitting.filter((s) => s.sectors.includes(sector)) : [];
  return weighted((inSector.length ? inSector : fitting).map((s) => [s, s.weight] as const));
}

/** The referrer type of each kind of usual referrer; another agency's sector means another professional. */
const USUAL_REFERRERS: Record<Exclude<NonNullable<Scenario["referredBy"]>, Sector>, Weights<ReferrerType>> = {
  employer: [["EMPLOYER", 1]],
  parent: [["PARENT_CARER", 1]],
  // Four in ten callers from the public will not give their name.
  public: [
    ["MEMBER_OF_PUBLIC", 0.6],
    ["ANONYMOUS", 0.4],
  ],
  child: [["CHILD_YOUNG_PERSON", 1]],
  self: [["SELF", 1]],
  anonymous: [["ANONYMOUS", 1]],
};

/** The agency (its sector) that usually refers a kind of concern, if another agency does. */
export const agencyOf = (scenario: Scenario): Sector | null =>
  scenario.referredBy && !(scenario.referredBy in USUAL_REFERRERS) ? (scenario.referredBy as Sector) : null;

/**
 * Who refers a kind of concern, by weight: the usual referrer's type, and
 * (alsoReferredBy, each a share of all its referrals) those who refer it
 * now and then, such as another authority's LADO or Ofsted.
 */
export function referrerTypesFor(scenario: Scenario): Weights<ReferrerType> {
  const by = scenario.referredBy ?? "employer";
  const usual = by in USUAL_REFERRERS ? USUAL_REFERRERS[by as keyof typeof USUAL_REFERRERS] : ([["OTHER_PROFESSIONAL", 1]] as const);
  const others = scenario.alsoReferredBy ?? [];
  const left = 1 - others.reduce((sum, [, share]) => sum + share, 0);
  return [...usual.map(([type, weight]) => [type, weight * left] as const), ...others];
}

/** A job that fits the scenario and sector. */
export const jobTitleFor = (scenario: Scenario, sector: Sector) => pick(scenario.jobTitles ?? JOB_TITLES[sector]);
