// Meetings on an allegation (the evaluation or ASV meeting, reviews every
// four weeks, the outcome meeting), who came, and the actions agreed, each
// with an owner, an agency and a due date.
import type { Prisma } from "~/db.server";
import type { ActionStatus, MeetingType } from "~/generated/prisma/enums";
import type { CaseFacts } from "./contacts";
import { POLICE_FORCES } from "./organisations";
import { personName } from "./people";
import { addDays, between, chance, dateOnly, notAfterNow, now, officeTime, pick, toDate, type RecordFields } from "./shared";

export type ActionFields = Omit<RecordFields<Prisma.ActionCreateManyInput>, "meetingId">;
export type AttendeeFields = Omit<RecordFields<Prisma.MeetingAttendeeCreateManyInput>, "meetingId">;
export type MeetingInput = RecordFields<Prisma.MeetingCreateManyInput> & { attendees?: AttendeeFields[]; actions?: ActionFields[] };

const ACTIONS = {
  employer: [
    "Confirm the suspension and the named contact to the subject in writing",
    "Send a chronology of any previous concerns and the subject's training record",
    "Check the single central record entry and references for the subject",
    "Write to the parents with an update agreed with police",
    "Share the outcome of the disciplinary investigation with the LADO",
  ],
  police: [
    "Arrange an achieving best evidence (ABE) interview with the child",
    "Update the LADO after the suspect interview",
    "Confirm whether devices will be examined and the likely timescale",
  ],
  socialCare: [
    "Hold a strategy discussion and decide whether a section 47 enquiry is needed",
    "Visit the child and family and share the outcome",
  ],
  lado: [
    "Send the minutes to all attendees",
    "Write to the referrer confirming the decision",
    "Chase police for an update before the next review",
  ],
} as const;

export function actionData(c: CaseFacts, from: Date, fields: ActionFields) {
  const owner = pick(["employer", "police", "socialCare", "lado"] as const);
  const due = dateOnly(addDays(from, between(5, 15)));
  const status: ActionStatus = fields.status ?? "OPEN";
  return {
    description: pick(ACTIONS[owner]),
    ownerName: owner === "lado" ? "LADO" : personName().full,
    ownerAgency: { employer: c.place, police: pick(POLICE_FORCES), socialCare: "Children's social care", lado: "LADO service" }[owner],
    ownerUserId: owner === "lado" ? c.officerId : null,
    dueDate: due,
    status,
    completedAt: status === "DONE" ? notAfterNow(officeTime(addDays(due, -between(1, 4)))) : null,
    createdAt: from,
    ...fields,
  };
}

const MEETING_TEXT: Record<MeetingType, { shared: (c: CaseFacts) => string; decisions: string }> = {
  EVALUATION: {
    shared: (c) =>
      `The referrer summarised the concern and what the setting has done so far. ${c.policeInvolved ? "Police confirmed a crime report has been made and shared their plan for interviewing the child." : "Police confirmed there is no role for them at this stage."} Children's social care checked their records: the child is not open to a social worker.`,
    decisions:
      "Harm threshold confirmed. Employer to consider suspension and the alternatives. The subject is not to be told of the allegation until police agree. Review in four weeks.",
  },
  REVIEW: {
    shared: (c) =>
      `Updates from ${c.policeInvolved ? "police and " : ""}the employer on progress since the last meeting. The subject's welfare and the named contact arrangements were discussed.`,
    decisions: "Enquiries continue. Actions updated as below. Next review in four weeks.",
  },
  OUTCOME: {
    shared: () =>
      `Police and employer enquiries are complete. The evidence was considered against the definitions in Keeping Children Safe in Education, Part 4.`,
    decisions:
      "Outcome agreed. The employer will confirm its final action in writing and the LADO will write to the subject and the employer.",
  },
};

export function attendeesFor(c: CaseFacts): AttendeeFields[] {
  const people = [
    { agency: "LADO service", role: "LADO (chair)", name: c.officerName ?? personName().full },
    { agency: c.place, role: pick(["Headteacher", "HR manager", "Registered manager", "Service manager"]) },
    { agency: "Children's social care", role: "Social worker" },
    ...(c.policeInvolved ? [{ agency: pick(POLICE_FORCES), role: "Investigating officer" }] : []),
    ...(chance(0.5) ? [{ agency: "Schools HR service", role: "HR adviser" }] : []),
  ];
  return people.map((p, i) => ({ name: personName().full, ...p, attended: i < 2 || chance(0.85) }));
}

const MODES = ["IN_PERSON", "ONLINE", "HYBRID", "ONLINE"] as const;

/** The evaluation (ASV) meeting: within 5 working days of the decision, nearly always. */
export const evaluationTime = (decidedAt: Date) => officeTime(decidedAt, chance(0.88) ? between(1, 5) : 7);

export function meetingData(c: CaseFacts, type: MeetingType, fields: Omit<MeetingInput, "attendees" | "actions">) {
  const heldAt = toDate(fields.heldAt) ?? notAfterNow(type === "EVALUATION" ? evaluationTime(c.receivedAt) : officeTime(c.receivedAt, 20));
  const minutesSentAt = officeTime(heldAt, between(1, 4));
  return {
    type,
    heldAt,
    // Held and recorded (no extra random draws, so the rest of the seeded data stays as it was).
    mode: MODES[heldAt.getUTCDate() % MODES.length],
    chair: c.officerName ?? "LADO",
    recordedAt: heldAt,
    informationShared: MEETING_TEXT[type].shared(c),
    decisions: MEETING_TEXT[type].decisions,
    nextReviewDate: type === "OUTCOME" ? null : dateOnly(addDays(heldAt, 28)),
    minutesSentAt: minutesSentAt <= now() ? minutesSentAt : null,
    createdAt: heldAt,
    ...fields,
  };
}

// ---------------------------------------------------------------------------
// The meetings of an allegation
// ---------------------------------------------------------------------------

/**
 * The meetings of an allegation as far as now: the evaluation meeting, a
 * review every four weeks until `end` (or now, while it is open), and often
 * an outcome meeting at the end, with the actions agreed at each. `overdue`
 * of the evaluation's actions are still open past their due date.
 */
export function allegationMeetings(evaluationAt: Date, end: Date | null, overdue: number): MeetingInput[] {
  if (evaluationAt > now()) return [];
  const meetings: MeetingInput[] = [{ type: "EVALUATION", heldAt: evaluationAt, actions: agreedActions(evaluationAt, end, 3, overdue) }];
  const until = addDays(end ?? now(), -5);
  for (let at = officeTime(addDays(evaluationAt, 26)); at < until; at = officeTime(addDays(at, 26))) {
    meetings.push({ type: "REVIEW", heldAt: at, actions: agreedActions(at, end, 1, 0) });
  }
  if (end && chance(0.7)) meetings.push({ type: "OUTCOME", heldAt: end });
  return meetings;
}

/** Actions agreed at a meeting: done by their date (or cancelled once the case ends), except `overdue` ones, left open past it. */
function agreedActions(heldAt: Date, end: Date | null, count: number, overdue: number): ActionFields[] {
  const today = dateOnly(now());
  return Array.from({ length: count }, (_, i) => {
    if (i < overdue) {
      const due = dateOnly(addDays(now(), -between(2, 12)));
      return { dueDate: due > dateOnly(heldAt) ? due : dateOnly(addDays(heldAt, 1)), status: "OPEN" };
    }
    const dueDate = dateOnly(officeTime(heldAt, between(3, 12)));
    if (dueDate >= today && !end) return { dueDate, status: "OPEN" };
    return { dueDate, status: end && chance(0.08) ? "CANCELLED" : "DONE" };
  });
}
