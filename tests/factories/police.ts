// Police liaison on an allegation: the force and officer, each update and
// its status, and the LADO's challenges and escalations when police go
// quiet (the police-delay flag: no update for 28 days, or open over three months).
import type { Prisma } from "~/db.server";
import type { OutcomeType, PoliceStatus } from "~/generated/prisma/enums";
import type { CaseFacts } from "./contacts";
import { POLICE_FORCES } from "./organisations";
import { personName, ukLandline } from "./people";
import { addDays, between, chance, DAY_MS, faker, notAfterNow, now, officeTime, pick, toDate, type RecordFields } from "./shared";

export type PoliceUpdateFields = Omit<RecordFields<Prisma.PoliceUpdateCreateManyInput>, "policeId">;
export type PoliceChallengeFields = Omit<RecordFields<Prisma.PoliceChallengeCreateManyInput>, "policeId">;
export type PoliceInput = RecordFields<Prisma.PoliceInvolvementCreateManyInput> & {
  updates?: PoliceUpdateFields[];
  challenges?: PoliceChallengeFields[];
};

const POLICE_NOTES: Record<PoliceStatus, readonly string[]> = {
  NOT_INVOLVED: ["Police consulted at the strategy discussion: no criminal offence is alleged, so no police investigation."],
  CONSIDERING: ["Crime report created. The officer in the case will decide whether to investigate after speaking to the parents."],
  INVESTIGATING: [
    "Child's ABE interview completed. Suspect interview being arranged.",
    "Suspect interviewed under caution and released under investigation. Devices sent for examination.",
    "Still awaiting the results of the device examination; no date yet.",
    "File being prepared for CPS charging advice.",
    "Witness statements taken from two members of staff.",
  ],
  RELEASED_UNDER_INVESTIGATION: ["Interviewed under caution and released under investigation while devices are examined."],
  ON_BAIL: ["Arrested and interviewed; released on pre-charge bail with conditions not to contact the child."],
  AWAITING_CHARGING_DECISION: ["File submitted to the CPS for a charging decision; no date given for the decision."],
  CHARGED: ["Charged and bailed to appear at the magistrates' court. Bail conditions: no unsupervised contact with children."],
  COURT: ["First hearing held; case sent to the Crown Court. Plea of not guilty entered.", "Trial date set for the spring."],
  NFA: ["No further action: the evidential threshold for a charge is not met. Police are content for the employer's process to go ahead."],
  CONCLUDED: ["Found guilty at the Crown Court and sentenced.", "Pleaded guilty at the magistrates' court; sentence passed."],
};

const CHALLENGE_TEXT = {
  CHALLENGE: {
    detail:
      "No update from the officer in the case for over four weeks. Emailed the officer and the team inbox asking for progress and an expected timescale.",
    response: "Officer replied that the device examination results are awaited, expected within six to eight weeks.",
  },
  ESCALATION: {
    detail:
      "Escalated to the detective inspector: the investigation has been open for more than three months with no clear timescale, and the subject remains suspended.",
    response: "The detective inspector confirmed the case has been reallocated and a charging decision is expected within four weeks.",
  },
} as const;

export function policeData(c: CaseFacts, fields: Omit<PoliceInput, "updates" | "challenges">) {
  const force = fields.force ?? pick(POLICE_FORCES);
  const informedAt = toDate(fields.informedAt) ?? c.receivedAt;
  const officer = personName();
  return {
    force,
    reference: force.startsWith("Metropolitan")
      ? `CRIS ${faker.string.numeric(7)}/${String(informedAt.getUTCFullYear()).slice(2)}`
      : `${faker.string.numeric(2)}/${faker.string.numeric(6)}/${String(informedAt.getUTCFullYear()).slice(2)}`,
    officerName: `${pick(["DC", "DC", "DS", "PC"])} ${officer.full}`,
    officerContact: ukLandline(),
    informedAt,
    status: "INVESTIGATING" as const,
    openedAt: addDays(informedAt, between(0, 2)),
    ...fields,
  };
}

export const policeUpdateData = (c: CaseFacts, fields: PoliceUpdateFields) => {
  const status = fields.status ?? "INVESTIGATING";
  return { at: notAfterNow(officeTime(c.receivedAt, 5)), status, note: pick(POLICE_NOTES[status]), recordedById: c.officerId, ...fields };
};

export const policeChallengeData = (c: CaseFacts, fields: PoliceChallengeFields) => {
  const kind = fields.kind ?? "CHALLENGE";
  const at = toDate(fields.at) ?? notAfterNow(officeTime(c.receivedAt, 25));
  const answered = officeTime(at, between(2, 8));
  return {
    at,
    kind,
    detail: CHALLENGE_TEXT[kind].detail,
    response: answered <= now() ? CHALLENGE_TEXT[kind].response : null,
    respondedAt: answered <= now() ? answered : null,
    ...fields,
  };
};

// ---------------------------------------------------------------------------
// Police on an allegation, from the contact to the last update
// ---------------------------------------------------------------------------

/** Police involvement in an allegation; what is not given follows from where the case has got to. */
export type PoliceCourse = {
  /** the status now; by default investigating (considering in the first month), or at the end no further action or, after a substantiated outcome, concluded at court */
  status?: PoliceStatus;
  /** by default up to 45 days ago while open, or a week or two before the end */
  lastUpdateDaysAgo?: number;
  /** chases of police: 1, a challenge after four weeks without news; 2, then an escalation. By default 1 when the last update is over 28 days old. */
  challenges?: number;
};

/** The statuses an investigation passes through on its way to each one, after investigating. */
const POLICE_PATH: Record<PoliceStatus, PoliceStatus[]> = {
  NOT_INVOLVED: ["NOT_INVOLVED"],
  CONSIDERING: [],
  INVESTIGATING: [],
  RELEASED_UNDER_INVESTIGATION: ["RELEASED_UNDER_INVESTIGATION"],
  ON_BAIL: ["ON_BAIL"],
  AWAITING_CHARGING_DECISION: ["AWAITING_CHARGING_DECISION"],
  CHARGED: ["CHARGED"],
  COURT: ["CHARGED", "COURT"],
  NFA: ["NFA"],
  CONCLUDED: ["CHARGED", "COURT", "CONCLUDED"],
};

/**
 * Police liaison on an allegation received at `receivedAt` and decided at
 * `decidedAt`, to now or to its `end` (with its `outcome`): an update about
 * every month, and the chases `course` asks for.
 */
export function policeOnAllegation(
  course: PoliceCourse,
  { receivedAt, decidedAt, end, outcome }: { receivedAt: Date; decidedAt: Date; end: Date | null; outcome?: OutcomeType },
): PoliceInput {
  const ageDays = (now().getTime() - receivedAt.getTime()) / DAY_MS;
  /** The last update before the end: a week or two before it, but after the decision. */
  const beforeEnd = (ended: Date) => {
    const at = officeTime(addDays(ended, -between(5, 20)));
    return at > decidedAt ? at : officeTime(decidedAt, 2);
  };
  const lastAt =
    course.lastUpdateDaysAgo !== undefined
      ? addDays(now(), -course.lastUpdateDaysAgo)
      : end
        ? beforeEnd(end)
        : addDays(now(), -between(1, Math.max(2, Math.min(45, Math.floor(ageDays) - 3))));
  const status =
    course.status ??
    (end ? (outcome === "SUBSTANTIATED" && chance(0.45) ? "CONCLUDED" : "NFA") : ageDays > 30 ? "INVESTIGATING" : "CONSIDERING");
  return policeHistory(receivedAt, lastAt, status, course.challenges ?? (quietSince(lastAt) && !end ? 1 : 0));
}

/** No news from police for over four weeks: the LADO chases. */
const quietSince = (lastAt: Date) => now().getTime() - lastAt.getTime() > 28 * DAY_MS;

/** Police consulted at the evaluation meeting, with no role for them. */
export const policeConsulted = (at: Date): PoliceInput => ({
  status: "NOT_INVOLVED",
  informedAt: at,
  openedAt: null,
  updates: [{ at, status: "NOT_INVOLVED" }],
});

/**
 * Police liaison from the contact to the last update (`lastAt`, with
 * `status`): an update about every month, and `challenges` chases, the first
 * after four weeks without news and the second an escalation.
 */
function policeHistory(receivedAt: Date, lastAt: Date, status: PoliceStatus, challenges: number): PoliceInput {
  const toldPolice = officeTime(receivedAt, 2);
  const first = toldPolice < lastAt ? toldPolice : lastAt;
  const span = lastAt.getTime() - first.getTime();
  const n = Math.min(9, Math.max(1, Math.round(span / (30 * DAY_MS)) + 1));
  const statuses = Array<PoliceStatus>(n).fill(status === "CONSIDERING" ? "CONSIDERING" : "INVESTIGATING");
  POLICE_PATH[status].slice(-n).forEach((s, i, tail) => (statuses[n - tail.length + i] = s));
  const updates = statuses.map((s, i) => ({
    status: s,
    at: i === n - 1 ? lastAt : new Date(first.getTime() + (span * i) / Math.max(1, n - 1)),
  }));

  // A chase is never recorded later than now.
  const notLater = (d: Date) => (d > now() ? addDays(now(), -0.1) : d);
  const chase = notLater(quietSince(lastAt) ? officeTime(addDays(lastAt, 28), 1) : officeTime(addDays(receivedAt, 35)));
  const escalation = notLater(new Date(Math.max(officeTime(addDays(receivedAt, 95)).getTime(), officeTime(addDays(chase, 10)).getTime())));
  return {
    informedAt: receivedAt,
    status,
    openedAt: status === "CONSIDERING" ? null : officeTime(receivedAt, between(0, 2)),
    concludedAt: status === "NFA" || status === "CONCLUDED" ? lastAt : null,
    updates,
    challenges: [
      ...(challenges > 0 ? [{ kind: "CHALLENGE" as const, at: chase }] : []),
      ...(challenges > 1 ? [{ kind: "ESCALATION" as const, at: escalation }] : []),
    ],
  };
}
