// Initial consideration and the threshold decision: when each is made, the
// rationale in a LADO's words (every revision kept), and the advice given on
// a consultation, with where the matter was redirected.
import type { Prisma } from "~/db.server";
import type { DecisionCategory, HarmCategory, HarmCriterion, ImmediateAction, RedirectTarget } from "~/generated/prisma/enums";
import { decisionLabels } from "~/triage/labels";
import { londonShortDate } from "~/utils/dates";
import type { CaseFacts } from "./contacts";
import { PLACES } from "./people";
import type { Scenario } from "./scenarios";
import { between, chance, dueAfterWorkingDays, joinAnd, notAfterNow, now, officeTime, pick, weighted, type RecordFields } from "./shared";

export type DecisionFields = Omit<RecordFields<Prisma.ThresholdDecisionCreateManyInput>, "revision">;
export type AdviceFields = RecordFields<Prisma.AdviceRecordCreateManyInput>;

// ---------------------------------------------------------------------------
// Initial consideration
// ---------------------------------------------------------------------------

/**
 * When a new contact gets its initial consideration (nearly always within
 * the working day due) and its first decision (often at the same sitting,
 * else that day or the next).
 */
export function firstDecisionTimes(receivedAt: Date) {
  const consideredAt = notAfterNow(
    officeTime(
      receivedAt,
      weighted([
        [0, 88],
        [1, 9],
        [3, 3],
      ]),
    ),
  );
  const decidedAt = chance(0.7) ? consideredAt : notAfterNow(officeTime(consideredAt, chance(0.8) ? 0 : 1));
  return { consideredAt, decidedAt };
}

/** An earlier contact about the same person, as the prior-history check finds it. */
export type PriorContact = { receivedAt: Date; decision: DecisionCategory | null };

/** What a LADO did at once, and the words for it in the notes: nothing, mostly; more when police are involved or a child is in danger. */
function immediateActionsFor(c: CaseFacts): { actions: ImmediateAction[]; detail: string | null; words: string } {
  if (c.danger || (c.policeInvolved && chance(0.5))) {
    const actions: ImmediateAction[] = c.danger ? ["POLICE_INFORMED", "EMPLOYER_ADVISED_REMOVE"] : ["POLICE_INFORMED"];
    if (chance(0.3)) actions.push("SOCIAL_CARE_INFORMED");
    return { actions, detail: null, words: "Spoke to police before anything else, and agreed who tells the person and when." };
  }
  return weighted<{ actions: ImmediateAction[]; detail: string | null; words: string }>([
    [{ actions: ["NONE"], detail: null, words: "No immediate safety action needed." }, 70],
    [
      {
        actions: ["EMPLOYER_ADVISED_REMOVE"],
        detail: null,
        words: "Asked the employer to keep the subject away from the child until a decision is made.",
      },
      15,
    ],
    [{ actions: ["SOCIAL_CARE_INFORMED"], detail: null, words: "Shared the concern with the children's services front door." }, 5],
    [
      {
        actions: ["OTHER"],
        detail: "Checked with the referrer that the child is safe today and that parents know",
        words: "Checked with the referrer that the child is safe today and that parents know.",
      },
      7,
    ],
    [
      {
        actions: ["OTHER"],
        detail: "Asked the referrer not to investigate further before the decision",
        words: "Asked the referrer not to investigate further before the decision.",
      },
      3,
    ],
  ]);
}

/**
 * The initial consideration's columns: recorded at `consideredAt` by the
 * officer, with the due time as the app works it out on the default target
 * of 1 working day (so a few are late, as `firstDecisionTimes` has them).
 */
export function initialConsiderationData(c: CaseFacts, consideredAt: Date, earlier?: PriorContact) {
  // Nearly always seen before deciding; now and then recorded as still to do.
  const seen = earlier !== undefined || chance(0.96);
  const history = !seen
    ? "Prior history not checked yet: the earlier records could not be searched today. To check before the decision."
    : earlier
      ? `Prior history checked: one earlier contact about ${c.who} (received ${londonShortDate(earlier.receivedAt)}, ${
          earlier.decision ? decisionLabels[earlier.decision].toLowerCase() : "no decision"
        }). Same name and date of birth: confirmed as the same person.`
      : `Prior history checked: no previous contacts about ${c.who} or ${c.place}.`;
  const action = immediateActionsFor(c);
  return {
    initialConsideredAt: consideredAt,
    initialConsideredById: c.officerId,
    initialConsiderationDue: dueAfterWorkingDays(c.receivedAt, 1),
    priorHistorySeen: seen,
    immediateActions: action.actions,
    immediateActionDetail: action.detail,
    initialConsideration: `${history} ${action.words}`,
  };
}

// ---------------------------------------------------------------------------
// The threshold decision
// ---------------------------------------------------------------------------

const CRITERIA_TEXT: Record<HarmCriterion, string> = {
  HARMED_CHILD: "may have harmed a child",
  CRIMINAL_OFFENCE: "may have committed a criminal offence against or related to a child",
  RISK_OF_HARM: "has behaved in a way that indicates a possible risk of harm to children",
  UNSUITABLE: "may not be suitable to work with children",
};

/** The harm criteria an allegation meets, from its categories of harm and whether it happened online. */
function harmCriteriaFor(harm: readonly HarmCategory[], online: boolean): HarmCriterion[] {
  const criteria = new Set<HarmCriterion>();
  if (harm.includes("PHYSICAL") || harm.includes("NEGLECT") || harm.includes("EMOTIONAL")) criteria.add("HARMED_CHILD");
  if (harm.includes("SEXUAL")) (["CRIMINAL_OFFENCE", "RISK_OF_HARM"] as const).forEach((c) => criteria.add(c));
  if (online) criteria.add("RISK_OF_HARM");
  if (harm.includes("SUITABILITY")) criteria.add("UNSUITABLE");
  if (harm.includes("PHYSICAL") && chance(0.4)) criteria.add("CRIMINAL_OFFENCE");
  return criteria.size ? [...criteria] : ["UNSUITABLE"];
}

function rationaleFor(category: DecisionCategory, criteria: HarmCriterion[], c: CaseFacts, revised: boolean) {
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
    NOT_LADO: [
      `This is not a LADO matter: ${c.who} does not work or volunteer with children in the role concerned, and the concern is not about their conduct towards children. Signposted to the right service.`,
      `Not a matter for the LADO. The concern is a complaint about the service rather than about how an adult behaved towards a child. Redirected to the complaints process.`,
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

/** A decision revised on new information, a few weeks after the one before. */
export const revisionTime = (previous: Date) => notAfterNow(officeTime(previous, between(3, 15)));

/** A decision made at `decidedAt` (unless given); `revised`: it replaces an earlier one. */
export function decisionData(c: CaseFacts, decidedAt: Date, revised: boolean, fields: DecisionFields) {
  const category = fields.category ?? "ADVICE";
  const criteria = category === "ALLEGATION" ? harmCriteriaFor(c.harm, c.online) : [];
  return {
    category,
    harmCriteria: criteria,
    harmCategories: c.harm,
    rationale: rationaleFor(category, criteria, c, revised),
    decidedById: c.officerId,
    decidedAt,
    ...fields,
  };
}

// ---------------------------------------------------------------------------
// Advice and guidance
// ---------------------------------------------------------------------------

const ADVICE_TEXT: Record<RedirectTarget | "NONE", (c: CaseFacts) => string> = {
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

export function adviceData(c: CaseFacts, decidedAt: Date, fields: AdviceFields) {
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

/** Where a consultation is often redirected, whatever the concern. */
const REDIRECTS_ANYWHERE: readonly RedirectTarget[] = [
  "CHILDRENS_SOCIAL_CARE",
  "POLICE",
  "OTHER_LA_LADO",
  "NOT_WITHIN_REMIT",
  "EMPLOYER_HR",
];

/** Where advice on a concern is redirected, if anywhere: more often when no professional is named. */
export function redirectFor(scenario: Scenario, named: boolean): RedirectTarget | null {
  if (!chance(named ? 0.3 : 0.55)) return null;
  return pick(scenario.redirects && chance(0.75) ? scenario.redirects : REDIRECTS_ANYWHERE);
}
