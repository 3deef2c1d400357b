// How an allegation ends: the outcome (KCSIE Part 4's five) with its
// rationale, how long it took, the onward referrals it calls for (the DBS,
// regulators, Ofsted, the fostering panel), and the reason for delay
// recorded each month once it has run past three months.
import type { Prisma } from "~/db.server";
import type { EmployerFinalAction, OnwardBody, OutcomeType } from "~/generated/prisma/enums";
import type { CaseFacts } from "./contacts";
import { regulatorFor } from "./jobs";
import {
  addDays,
  between,
  dateOnly,
  faker,
  monthStart,
  notAfterNow,
  now,
  officeTime,
  pick,
  weighted,
  type RecordFields,
  type Weights,
} from "./shared";

export type OutcomeFields = RecordFields<Prisma.OutcomeCreateManyInput>;
export type OnwardReferralFields = RecordFields<Prisma.OnwardReferralCreateManyInput>;
export type DelayReasonFields = RecordFields<Prisma.DelayReasonCreateManyInput>;

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

export function outcomeData(c: CaseFacts, fields: OutcomeFields) {
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

/** Outcomes that are often clear quickly, when police are not investigating. */
const QUICK_OUTCOMES: readonly OutcomeType[] = ["UNFOUNDED", "FALSE", "MALICIOUS"];

/** Calendar days from the decision to the outcome, as spans by weight. */
const DAYS_TO_CONCLUDE = {
  police: [
    [[10, 30], 5],
    [[31, 90], 35],
    [[91, 365], 50],
    [[366, 560], 10],
  ],
  noPolice: [
    [[2, 7], 20],
    [[8, 30], 35],
    [[31, 90], 30],
    [[91, 365], 13],
    [[366, 500], 2],
  ],
  quick: [
    [[2, 7], 40],
    [[8, 25], 60],
  ],
} satisfies Record<string, Weights<readonly [number, number]>>;

/**
 * Calendar days from the threshold decision to the outcome: often months
 * when police investigate; within a week or two for many clearly unfounded,
 * false or malicious allegations that police are not investigating.
 */
export function daysToConclude(police: boolean, outcome?: OutcomeType) {
  const quick = !police && outcome !== undefined && QUICK_OUTCOMES.includes(outcome);
  const [min, max] = weighted(DAYS_TO_CONCLUDE[quick ? "quick" : police ? "police" : "noPolice"]);
  return between(min, max);
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
  CHARITY_COMMISSION: "Serious incident report to the Charity Commission by the charity's trustees.",
  SPORTS_GOVERNING_BODY: "Referral to the national governing body's safeguarding case management team.",
  POLICE_PROFESSIONAL_STANDARDS: "Referral to the force's professional standards department.",
  OTHER: "Referral to the national governing body's safeguarding team.",
};

export function onwardReferralData(c: CaseFacts, fields: OnwardReferralFields) {
  const body = fields.body ?? "DBS";
  return {
    body,
    referredAt: dateOnly(notAfterNow(officeTime(c.receivedAt, 25))),
    reference: body === "DBS" ? `DBS-${faker.string.numeric(8)}` : null,
    detail: ONWARD_DETAIL[body],
    ...fields,
  };
}

/** Removed from work with children: what makes a referral to the DBS a duty. */
const REMOVED: readonly EmployerFinalAction[] = ["DISMISSAL", "RESIGNED", "CEASED_TO_USE", "DEREGISTRATION"];

/**
 * The onward referrals an outcome calls for, made after `after` and as far as
 * now: the DBS when a substantiated allegation ended the person's work with
 * children, and the person's regulator after a substantiated one. The
 * fostering panel reviews, and Ofsted hears of, every allegation about a
 * foster carer or an early years setting.
 */
export function onwardReferralsFor(
  c: Pick<CaseFacts, "jobTitle" | "sector">,
  outcome: OutcomeType,
  finalAction: EmployerFinalAction | null,
  after: Date,
): OnwardReferralFields[] {
  const regulator = regulatorFor(c.jobTitle, c.sector);
  const bodies: OnwardBody[] = [
    ...(outcome === "SUBSTANTIATED" && finalAction && REMOVED.includes(finalAction) ? (["DBS"] as const) : []),
    ...(regulator && (outcome === "SUBSTANTIATED" || regulator === "FOSTERING_PANEL" || regulator === "OFSTED") ? [regulator] : []),
  ];
  return bodies.map((body) => ({ body, referredAt: dateOnly(officeTime(after, between(1, 10))) })).filter((r) => r.referredAt <= now());
}

const DELAY_REASONS = [
  "Police investigation ongoing: awaiting the results of the device examination.",
  "Awaiting a CPS charging decision.",
  "Criminal trial listed; the LADO process waits for the verdict.",
  "Employer's disciplinary hearing postponed: the subject is signed off sick.",
  "Awaiting the outcome of the section 47 enquiry.",
  "A key witness is unavailable until the start of the new term.",
] as const;

export function delayReasonData(c: CaseFacts, fields: DelayReasonFields) {
  const recordedById = fields.recordedById ?? c.officerId;
  if (!recordedById) throw new Error("A delay reason needs recordedById (or the case's allocatedToId).");
  return { month: monthStart(addDays(c.receivedAt, 95)), reason: pick(DELAY_REASONS), ...fields, recordedById };
}

/** The first day of each month past the first three, up to `until` (at most 18): a reason for delay is recorded for each. */
export function delayMonths(receivedAt: Date, until: Date) {
  const months: Date[] = [];
  for (
    let m = monthStart(addDays(receivedAt, 92));
    m <= until && months.length < 18;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  ) {
    months.push(m);
  }
  return months;
}
